import PFShellJSON

extension Session {
    /// `client test ID`: proves the client works at the runtime: a client-credentials token, its
    /// introspection when the client may validate tokens, and its redirect URIs accepted while an
    /// unregistered one is refused.
    func testClient(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let word = i.arguments[0]
        if changeset[word.text]?.action == .create {
            throw i.error("client '\(word.text)' is staged but not committed; commit first", at: word)
        }
        guard let client = try fetchClient(i, word.text) else { throw i.error("no client '\(word.text)' on the server", at: word) }
        let secret = try testSecret(i, word.text)
        let endpoints = runtimeEndpoints(i)
        let token = try requestToken(i, word.text, secret, endpoints, &r)
        let grants = (client["grantTypes"]?.arrayValue ?? []).compactMap(\.stringValue)
        if grants.contains("ACCESS_TOKEN_VALIDATION") {
            try introspect(i, word.text, secret, token, endpoints, &r)
        }
        let redirects = (client["redirectUris"]?.arrayValue ?? []).compactMap(\.stringValue)
        if !redirects.isEmpty {
            try checkRedirects(i, word.text, redirects, endpoints, &r)
        }
        r.print("client '\(word.text)' works")
    }

    private func testSecret(_ i: Invocation, _ id: String) throws(ShellError) -> String {
        if let name = i.value("--secret-env") { return try services.readSecret(.environment(name)) }
        if let path = i.value("--secret-file") { return try services.readSecret(.file(path)) }
        if let known = knownSecrets[id] { return known }
        if changeset[id]?.newSecret != nil {
            throw i.error("the secret of '\(id)' is staged but not committed; commit first")
        }
        throw i.error("this session does not know the secret of '\(id)'; give --secret-env VAR or --secret-file PATH")
    }

    /// The runtime endpoints a command talks about: its `--token-url` or `--runtime-url`, the
    /// connection's runtime URL, or port 9031 of the admin host.
    func runtimeEndpoints(_ i: Invocation) -> RuntimeEndpoints {
        if let url = i.value("--token-url") { return RuntimeEndpoints(tokenURL: url) }
        if let url = i.value("--runtime-url") { return RuntimeEndpoints(base: url) }
        if let known = connection?.settings.runtimeURL { return RuntimeEndpoints(base: known) }
        return RuntimeEndpoints(adminURL: connection?.settings.apiURL ?? "https://localhost")
    }

    private func requestToken(
        _ i: Invocation, _ id: String, _ secret: String, _ endpoints: RuntimeEndpoints, _ r: inout CommandResult
    ) throws(ShellError) -> String {
        let response = try services.runtime(
            RuntimeRequest(.post, endpoints.token, form: [("grant_type", "client_credentials")], clientID: id, clientSecret: secret))
        let body = try? JSONParser.parse(response.body)
        guard response.status == 200, let token = body?["access_token"]?.stringValue else {
            throw i.error("the token endpoint refused '\(id)': \(Self.oauthError(response, body))")
        }
        let type = body?["token_type"]?.stringValue ?? "unknown type"
        let expiry = body?["expires_in"]?.intValue.map { "expires in \($0) s" } ?? "no expiry given"
        let scopes = body?["scope"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "none"
        r.print("token: \(type), \(expiry), scopes: \(scopes)")
        return token
    }

    private func introspect(
        _ i: Invocation, _ id: String, _ secret: String, _ token: String, _ endpoints: RuntimeEndpoints,
        _ r: inout CommandResult
    ) throws(ShellError) {
        let response = try services.runtime(
            RuntimeRequest(.post, endpoints.introspection, form: [("token", token)], clientID: id, clientSecret: secret))
        let body = try? JSONParser.parse(response.body)
        guard response.status == 200, body?["active"]?.boolValue == true else {
            throw i.error("introspection of the new token failed: \(Self.oauthError(response, body))")
        }
        r.print("introspection: active")
    }

    private func checkRedirects(
        _ i: Invocation, _ id: String, _ redirects: [String], _ endpoints: RuntimeEndpoints, _ r: inout CommandResult
    ) throws(ShellError) {
        var failures: [String] = []
        for uri in redirects where !uri.contains("*") {
            let response = try authorize(id, uri, endpoints)
            if response.status / 100 == 3, response.location?.hasPrefix(uri) == true {
                r.print("redirect \(uri): accepted")
            } else {
                failures.append("redirect \(uri): refused (status \(response.status))")
            }
        }
        let unregistered = "https://unregistered.pfsh.invalid/callback"
        let refused = try authorize(id, unregistered, endpoints)
        if refused.status / 100 == 3, refused.location?.hasPrefix(unregistered) == true {
            failures.append("an unregistered redirect URI was accepted: \(unregistered)")
        } else {
            r.print("unregistered redirect: refused")
        }
        guard failures.isEmpty else { throw i.error("the authorization endpoint misbehaved", notes: failures) }
    }

    private func authorize(_ id: String, _ uri: String, _ endpoints: RuntimeEndpoints) throws(ShellError) -> RuntimeResponse {
        let query = [("response_type", "code"), ("client_id", id), ("redirect_uri", uri), ("state", "pfsh-test")]
            .map { "\(RuntimeRequest.escape($0.0))=\(RuntimeRequest.escape($0.1))" }.joined(separator: "&")
        return try services.runtime(RuntimeRequest(.get, endpoints.authorization + "?" + query))
    }

    static func oauthError(_ response: RuntimeResponse, _ body: JSONValue?) -> String {
        let error = body?["error"]?.stringValue ?? "status \(response.status)"
        let description = body?["error_description"]?.stringValue.map { " (\($0))" } ?? ""
        return error + description
    }
}
