import PFShellJSON

/// `api get|post|put|delete PATH`: a request to the Admin API through the session's connection
/// (credentials, XSRF header, CA, trace, retries of idempotent requests), for resources pfsh has
/// no command for. Writes bypass staging: they are kept in the commit log, but nothing undoes them.
extension Session {
    func rawAPI(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        _ = try requireServer(i)
        let method = Self.method(of: i.spec.id)
        let (path, query) = try Self.target(i, i.arguments[0])
        // Only `api post` and `api put` take --data (the command table says so).
        let body = method == .post || method == .put ? try requestBody(i) : nil
        let request = APIRequest(method, path, query: query, body: body)
        guard method != .get else {
            try show(try call(i, request), i, &r)
            return
        }
        if !warnedAboutRawWrites {
            warnedAboutRawWrites = true
            r.warn(i.name, "api writes go straight to the server: no staging, no diff, no conflict check, and 'rollback' cannot undo them")
        }
        try journalStore?.lockForCommit()
        defer { journalStore?.unlockAfterCommit() }
        let response = try call(i, request)
        lastCommitNumber = journalStore?.recordCommit(Self.logEntry(request, response, user: connection?.settings.user ?? ""))
        try show(response, i, &r)
    }

    /// The answer, its secret values masked unless `--reveal`; a refusal is the command's error.
    private func show(_ response: APIResponse, _ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let body = response.body.map { i.flag("--reveal") ? $0 : TraceRedaction.redacted($0) }
        guard response.isSuccess else {
            var notes = body.map { JSONPrinter.print($0, style: .pretty).split(separator: "\n").map(String.init) } ?? []
            notes += ServerMessage.fieldNotes(response)
            throw i.error("the server answered \(ServerMessage.summary(response) ?? "status \(response.status)")", notes: notes)
        }
        guard let body else {
            r.print("\(response.status): no body")
            return
        }
        if jsonOutput {
            r.emit(body)
        } else {
            r.output += JSONPrinter.print(body, style: .pretty).split(separator: "\n").map(String.init)
        }
    }

    /// `--data @FILE` or `--data -`: a body never comes from the command line, where it would stay
    /// in the shell's history and the process list.
    private func requestBody(_ i: Invocation) throws(ShellError) -> JSONValue {
        guard let word = i.options["--data"] else { throw i.error("give the body with --data @FILE or --data -", at: nil, .usage) }
        let text: String
        let source: String
        if word.text == "-" {
            text = try services.readStandardInput()
            source = "<stdin>"
        } else if word.text.hasPrefix("@") {
            source = String(word.text.dropFirst())
            guard let read = try services.readTextFile(source) else { throw i.error("cannot read '\(source)'", at: word) }
            text = read
        } else {
            throw i.error("--data takes @FILE or - (a body may hold secrets, so it never goes on the command line)", at: word, .usage)
        }
        do {
            return try JSONParser.parse(text)
        } catch {
            throw i.error("\(source):\(error.line):\(error.column): not JSON: \(error.message)", at: word)
        }
    }

    private static func method(of id: CommandID) -> HTTPMethod {
        switch id {
        case .apiPost: .post
        case .apiPut: .put
        case .apiDelete: .delete
        default: .get
        }
    }

    /// `/oauth/clients?filter=web` as a path and its query; `/pf-admin-api/v1` in front is allowed.
    private static func target(_ i: Invocation, _ word: Word) throws(ShellError) -> (String, [QueryItem]) {
        var text = word.text
        if text.hasPrefix("/pf-admin-api/v1/") { text.removeFirst("/pf-admin-api/v1".count) }
        guard text.hasPrefix("/") else {
            throw i.error("'\(word.text)' is not a path of the Admin API; it starts with '/', as /oauth/clients", at: word, .usage)
        }
        let parts = text.split(separator: "?", maxSplits: 1).map(String.init)
        var query: [QueryItem] = []
        for pair in parts.count > 1 ? parts[1].split(separator: "&") : [] {
            let halves = pair.split(separator: "=", maxSplits: 1).map(String.init)
            query.append(QueryItem(halves[0], halves.count > 1 ? halves[1] : ""))
        }
        return (parts[0], query)
    }

    /// The commit log's record of a write: the request and the answer, secrets removed.
    private static func logEntry(_ request: APIRequest, _ response: APIResponse, user: String) -> JSONObject {
        var api: JSONObject = [
            "method": .string(request.method.rawValue), "path": .string(request.target), "status": .int(Int64(response.status)),
        ]
        if let body = request.body { api["request"] = TraceRedaction.redacted(body) }
        if let answer = response.body { api["answer"] = TraceRedaction.redacted(answer) }
        return ["user": .string(user), "complete": .bool(response.isSuccess), "api": .object(api)]
    }
}

/// The paths `api` completes: the resources pfsh knows, and each client's own.
enum APIPaths {
    static let resources = [
        "/version", "/oauth/clients", "/oauth/accessTokenManagers", "/oauth/openIdConnect/policies",
        "/oauth/authServerSettings", "/oauth/clientSettings", "/cluster/status",
    ]

    static func known(clientIDs: [String]) -> [String] {
        resources + clientIDs.map { "/oauth/clients/" + $0 }
    }
}
