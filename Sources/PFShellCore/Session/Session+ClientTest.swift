import PFShellJSON

extension Session {
    /// `client test ID`: proves the client works at the runtime: a client-credentials token (HTTP
    /// Basic, form-encoded) and its introspection when the client may validate tokens; its redirect
    /// URIs accepted while a made-up one is refused; with `--test-user`, the whole authorization-code
    /// flow through the server's login form, the code redeemed and the refresh token's rolling.
    func testClient(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let word = i.arguments[0]
        if changeset[word.text]?.action == .create {
            throw i.error("client '\(word.text)' is staged but not committed; commit first", at: word)
        }
        let user = try testUser(i)
        guard let client = try fetchClient(i, word.text) else { throw i.error("no client '\(word.text)' on the server", at: word) }
        let needsSecret = user != nil || Self.grantTypes(of: client).contains("CLIENT_CREDENTIALS")
        // Only the token endpoint needs the secret: the redirect URIs are tried without it.
        let secret = needsSecret ? try testSecret(i, word.text) : (try? testSecret(i, word.text)) ?? ""
        var run = ClientTestRun(i, services: services, client: client, secret: secret, endpoints: runtimeEndpoints(i))
        if run.grantTypes.contains("CLIENT_CREDENTIALS") {
            try run.clientCredentials(&r)
        } else {
            let secretCheck = user == nil ? "the secret is not checked (--test-user checks it)" : "the code exchange checks the secret"
            r.print("token: no client-credentials grant; \(secretCheck)")
        }
        if !run.redirectURIs.isEmpty { try run.checkRedirects(&r) }
        if let user { try run.authorizationCodeFlow(user, &r) }
        r.print("client '\(word.text)' works")
    }

    /// The client's `grantTypes`, as the server stores them.
    static func grantTypes(of client: JSONObject) -> [String] {
        (client["grantTypes"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    /// `--test-user NAME` with `--test-password-env VAR`: never a password on the command line.
    private func testUser(_ i: Invocation) throws(ShellError) -> ClientTestRun.TestUser? {
        switch (i.value("--test-user"), i.value("--test-password-env")) {
        case (nil, nil):
            return nil
        case (let name?, let variable?):
            return ClientTestRun.TestUser(name: name, password: try environmentSecret(i, variable))
        case (nil, _?):
            throw i.error("--test-password-env goes with --test-user NAME", at: nil, .usage)
        case (_?, nil):
            throw i.error("--test-user needs --test-password-env VAR (a password never goes on the command line)", at: nil, .usage)
        }
    }

    private func testSecret(_ i: Invocation, _ id: String) throws(ShellError) -> String {
        if let name = i.value("--secret-env") { return try environmentSecret(i, name) }
        if let path = i.value("--secret-file") { return try services.readSecret(.file(path)) }
        if let known = knownSecrets[id] { return known }
        if changeset[id]?.newSecret != nil {
            throw i.error("the secret of '\(id)' is staged but not committed; commit first")
        }
        throw i.error("this session does not know the secret of '\(id)'; give --secret-env VAR or --secret-file PATH")
    }

    /// A secret from the environment, its absence reported as this command's error.
    private func environmentSecret(_ i: Invocation, _ name: String) throws(ShellError) -> String {
        do {
            return try services.readSecret(.environment(name))
        } catch {
            throw i.error(error.message, notes: error.notes)
        }
    }

    /// The runtime endpoints a command talks about: its `--token-url` or `--runtime-url`, the
    /// connection's runtime URL, or port 9031 of the admin host.
    func runtimeEndpoints(_ i: Invocation) -> RuntimeEndpoints {
        if let url = i.value("--token-url") { return RuntimeEndpoints(tokenURL: url) }
        if let url = i.value("--runtime-url") { return RuntimeEndpoints(base: url) }
        if let known = connection?.settings.runtimeURL { return RuntimeEndpoints(base: known) }
        return RuntimeEndpoints(adminURL: connection?.settings.apiURL ?? "https://localhost")
    }
}
