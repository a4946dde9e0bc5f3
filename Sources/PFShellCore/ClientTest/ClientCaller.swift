/// How `client test` authenticates the client at the token and introspection endpoints: HTTP Basic
/// with the ID and secret form-encoded first, as RFC 6749 §2.3.1 says; whether PingFederate decodes
/// them is not recorded, so when the encoded pair gets `invalid_client` and encoding changed it, the
/// caller tries once more with `client_id` and `client_secret` in the form (client_secret_post) and
/// keeps that way for the rest of the test.
struct ClientCaller {
    enum Method: Equatable {
        case basic
        case post
    }

    let services: any ShellServices
    let id: String
    let secret: String
    private(set) var method = Method.basic

    init(services: any ShellServices, id: String, secret: String) {
        self.services = services
        self.id = id
        self.secret = secret
    }

    /// Whether form-encoding changes the ID or the secret: only then can the two ways differ.
    var encodingChangesCredentials: Bool {
        RuntimeRequest.escape(id) != id || RuntimeRequest.escape(secret) != secret
    }

    /// Posts `form` to `url` as the client, switching to client_secret_post once when it may help.
    mutating func post(_ url: String, _ form: [(String, String)], _ r: inout CommandResult) throws(ShellError)
        -> RuntimeResponse
    {
        let response = try services.runtime(request(url, form))
        guard method == .basic, encodingChangesCredentials, OAuthAnswer(response).error == "invalid_client" else {
            return response
        }
        r.print(
            "client authentication: HTTP Basic with the form-encoded ID and secret got invalid_client; "
                + "trying client_secret_post")
        method = .post
        return try services.runtime(request(url, form))
    }

    private func request(_ url: String, _ form: [(String, String)]) -> RuntimeRequest {
        switch method {
        case .basic:
            let credentials = RuntimeRequest.BasicCredentials(
                user: RuntimeRequest.escape(id), password: RuntimeRequest.escape(secret))
            return RuntimeRequest(.post, url, form: form, basic: credentials)
        case .post:
            return RuntimeRequest(.post, url, form: form + [("client_id", id), ("client_secret", secret)])
        }
    }
}
