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
        try exchange(i, request).response
    }

    /// Sends a request, and sends an idempotent one again after a lost connection or a "try
    /// again" answer (`RetryPolicy`). Returns the answer and the attempt it came from.
    func exchange(_ i: Invocation, _ request: APIRequest) throws(ShellError) -> (response: APIResponse, attempt: Int) {
        let exchange = try transmit(i, request)
        guard let response = exchange.response else {
            throw ShellError(.connection, command: i.name, describe(exchange.failure ?? TransportFailure(kind: .other, message: "no answer")))
        }
        return (response, exchange.attempt)
    }

    /// What became of a request: the server's answer, or the failure that left none, and the
    /// attempt it came from. A struct, not an enum with payloads: returned through typed throws,
    /// the enum came back corrupted from an optimised build (Swift 6.3.1, release).
    struct Exchange {
        var response: APIResponse?
        var failure: TransportFailure?
        var attempt: Int
    }

    /// Sends a request, retrying an idempotent one unless `resendsBlindly` is false, each retry
    /// noted for the command's report. A `POST` is never sent again here, nor a commit's `PUT`: the
    /// commit learns their outcome by reading the client (a `PUT` sent again would carry the copy it
    /// was built on, undoing what its first landing changed, such as a secret it retained).
    /// Throws only for refused credentials and a Ctrl-C during a pause.
    func transmit(_ i: Invocation, _ request: APIRequest, resendsBlindly: Bool = true) throws(ShellError) -> Exchange {
        let port = try requireServer(i)
        var sent = request
        while true {
            let outcome = Self.attempt(port, sent)
            if resendsBlindly, request.isIdempotent, let pause = retryPause(sent, outcome) {
                try services.pause(milliseconds: pause)
                sent.attempt += 1
                continue
            }
            switch outcome {
            case .failure(let failure): return Exchange(response: nil, failure: failure, attempt: sent.attempt)
            case .success(let response):
                return Exchange(response: try checkCredentials(i, request, response), failure: nil, attempt: sent.attempt)
            }
        }
    }

    /// One sending, its failure as a value.
    private static func attempt(_ port: any ServerPort, _ request: APIRequest) -> Result<APIResponse, TransportFailure> {
        do {
            return .success(try port.send(request))
        } catch {
            return .failure(error)
        }
    }

    /// How long to wait before sending `request` again, noting the retry; nil when it is not retried.
    func retryPause(_ request: APIRequest, _ outcome: Result<APIResponse, TransportFailure>) -> Int? {
        guard request.attempt <= RetryPolicy.maximumRetries else { return nil }
        let reason: String
        var retryAfter: String?
        switch outcome {
        case .failure(let failure):
            guard failure.kind == .connectionLost else { return nil }
            reason = "a lost connection"
        case .success(let response):
            guard RetryPolicy.isTransient(response.status) else { return nil }
            retryAfter = response.retryAfter
            reason = "status \(response.status)" + (retryAfter.map { " (Retry-After: \($0))" } ?? "")
        }
        guard let pause = RetryPolicy.pause(beforeRetry: request.attempt, retryAfter: retryAfter) else { return nil }
        retries.append(
            RetryNote(
                request: "\(request.method.rawValue) \(request.target)", reason: reason, pauseMilliseconds: pause,
                attempt: request.attempt + 1))
        return pause
    }

    /// Refused credentials and access are connection errors; any other answer is the caller's.
    private func checkCredentials(_ i: Invocation, _ request: APIRequest, _ response: APIResponse) throws(ShellError)
        -> APIResponse
    {
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
        case .connectionLost: "the connection was lost before the server's answer arrived: \(failure.message)"
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
