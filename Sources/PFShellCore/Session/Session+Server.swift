import PFShellJSON

extension Session {
    /// Sends a request. Connection failures, refused credentials and answers that are not the
    /// API's JSON (a page, a redirect, an empty body) become connection errors naming the request;
    /// any other status is returned for the caller to judge.
    func call(_ i: Invocation, _ request: APIRequest) throws(ShellError) -> APIResponse {
        let response = try send(i, request)
        if let problem = AnswerCheck.problem(response, to: request) {
            throw ShellError(
                .connection, command: i.name,
                "\(request.method.rawValue) \(request.target): the server answered \(problem)")
        }
        return response
    }

    /// Sends a request; only a lost connection and refused credentials are errors here.
    func send(_ i: Invocation, _ request: APIRequest) throws(ShellError) -> APIResponse {
        let port = try requireServer(i)
        let response: APIResponse
        do {
            response = try port.send(request)
        } catch {
            throw ShellError(.connection, command: i.name, describe(error))
        }
        switch response.status {
        case 401:
            throw ShellError(
                .connection, command: i.name,
                "the server refused the credentials (401); check the user and password or token")
        case 403 where !request.path.hasPrefix("/cluster/"):
            throw ShellError(
                .connection, command: i.name,
                "the server refused access (403): \(ServerMessage.summary(response) ?? "the account may lack the Admin role")")
        default:
            return response
        }
    }

    /// The TLS hint names `--ca-file` only when none was given; with one, it names the file.
    func describe(_ failure: TransportFailure) -> String {
        switch failure.kind {
        case .dns: "cannot resolve the server's host name: \(failure.message)"
        case .refused: "connection refused: is PingFederate's admin port right? (\(failure.message))"
        case .tls:
            if let caFile = connection?.settings.caFile {
                "TLS failure: \(failure.message) (trusting only the CA certificates in '\(caFile)')"
            } else {
                "TLS failure: \(failure.message); use --ca-file to trust the server's certificate"
            }
        case .timeout: "the server did not answer in time: \(failure.message)"
        case .cancelled: "cancelled"
        case .other: failure.message
        }
    }

    /// A response that must be a success, else a command error carrying the server's words.
    func expectSuccess(_ i: Invocation, _ response: APIResponse, _ what: String) throws(ShellError) -> JSONValue? {
        guard response.isSuccess else {
            throw ShellError(
                .command, command: i.name, "\(what) failed: \(ServerMessage.summary(response) ?? "status \(response.status)")",
                notes: ServerMessage.fieldNotes(response))
        }
        return response.body
    }

    /// The `items` of a collection; an answer without an `items` list is not the API's, never "none".
    func listItems(_ i: Invocation, _ request: APIRequest, _ what: String) throws(ShellError) -> [JSONValue] {
        let body = try expectSuccess(i, try call(i, request), what)
        guard let items = body?["items"]?.arrayValue else {
            throw ShellError(
                .connection, command: i.name,
                "\(request.method.rawValue) \(request.target): the server answered JSON without an 'items' list")
        }
        return items
    }

    /// The client as the server has it now, or nil when it does not exist.
    func fetchClient(_ i: Invocation, _ id: String) throws(ShellError) -> JSONObject? {
        let response = try call(i, APIRequest(.get, "/oauth/clients/" + pathSegment(id)))
        if response.status == 404 { return nil }
        let body = try expectSuccess(i, response, "reading client '\(id)'")
        guard let object = body?.objectValue else {
            throw i.error("the server's answer for client '\(id)' is not a client")
        }
        return object
    }
}

/// Reads PingFederate's `ApiResult` error bodies.
public enum ServerMessage {
    /// `message` with the status: `The resource ... is not found (404)`.
    public static func summary(_ response: APIResponse) -> String? {
        guard let message = response.body?["message"]?.stringValue else { return nil }
        var text = message
        while text.hasSuffix(".") { text.removeLast() }
        return "\(text) (\(response.status))"
    }

    /// One line per validation error, naming the field as the shell names it.
    public static func fieldNotes(_ response: APIResponse) -> [String] {
        (response.body?["validationErrors"]?.arrayValue ?? []).map { entry in
            let message = entry["message"]?.stringValue ?? entry["errorId"]?.stringValue ?? "invalid"
            guard let path = entry["fieldPath"]?.stringValue, !path.isEmpty else { return message }
            return "\(shellName(for: path)): \(message)"
        }
    }

    /// The shell's name for a field the server names: secret fields point at `secret set`.
    static func shellName(for fieldPath: String) -> String {
        FieldCatalog.isSecret(path: fieldPath) ? "secret (see 'secret set')" : fieldPath
    }
}
