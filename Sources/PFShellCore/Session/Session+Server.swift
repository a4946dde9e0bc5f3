import PFShellJSON

extension Session {
    /// Sends a request. Connection failures and refused credentials become connection errors;
    /// any other status is returned for the caller to judge.
    func call(_ i: Invocation, _ request: APIRequest) throws(ShellError) -> APIResponse {
        let port = try requireServer(i)
        let response: APIResponse
        do {
            response = try port.send(request)
        } catch {
            throw ShellError(.connection, command: i.name, Self.describe(error))
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

    static func describe(_ failure: TransportFailure) -> String {
        switch failure.kind {
        case .dns: "cannot resolve the server's host name: \(failure.message)"
        case .refused: "connection refused: is PingFederate's admin port right? (\(failure.message))"
        case .tls: "TLS failure: \(failure.message); use --ca-file to trust the server's certificate"
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
        let base = fieldPath.split(separator: "[").first.map(String.init) ?? fieldPath
        if ["clientAuth.secret", "clientAuth.encryptedSecret", "secret", "encryptedSecret"].contains(base) {
            return "secret (see 'secret set')"
        }
        return fieldPath
    }
}
