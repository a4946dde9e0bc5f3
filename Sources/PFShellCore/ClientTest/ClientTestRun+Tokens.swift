/// The token endpoint and introspection: a client-credentials token, a code redeemed, a refresh.
extension ClientTestRun {
    /// A client-credentials token; it also proves the secret.
    mutating func clientCredentials(_ r: inout CommandResult) throws(ShellError) {
        let answer = OAuthAnswer(try caller.post(endpoints.token, [("grant_type", "client_credentials")], &r))
        guard answer.response.status == 200, let token = answer.accessToken else {
            throw failure("the token endpoint \(answer.failure("'\(id)'"))\(viaPost)")
        }
        let scopes = answer.body?["scope"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "none"
        r.print("token: \(answer.tokenSummary), scopes: \(scopes)")
        try introspect(token, &r)
    }

    /// Introspects `token` once per run, when the client may validate tokens.
    mutating func introspect(_ token: String, _ r: inout CommandResult) throws(ShellError) {
        guard !introspected, grantTypes.contains("ACCESS_TOKEN_VALIDATION") else { return }
        let answer = OAuthAnswer(try caller.post(endpoints.introspection, [("token", token)], &r))
        guard answer.response.status == 200, answer.body?["active"]?.boolValue == true else {
            let why = answer.response.status == 200 ? "says the new token is not active" : answer.failure("the new token")
            throw failure("introspection: the server \(why)")
        }
        introspected = true
        r.print("introspection: active")
    }

    /// Redeems a code at the token endpoint (RFC 6749 §4.1.3, RFC 7636 §4.5).
    mutating func redeem(_ code: String, redirectURI: String, verifier: String, _ r: inout CommandResult)
        throws(ShellError) -> OAuthAnswer
    {
        let form = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI), ("code_verifier", verifier),
        ]
        let answer = OAuthAnswer(try caller.post(endpoints.token, form, &r))
        guard answer.response.status == 200, let token = answer.accessToken else {
            throw failure("the token endpoint \(answer.failure("the code"))\(viaPost)")
        }
        r.print("code exchange: \(answer.tokenSummary), \(answer.refreshToken == nil ? "no refresh token" : "a refresh token")")
        try introspect(token, &r)
        return answer
    }

    /// Uses `refreshToken` once and checks whether it rolled against the client's `refreshRolling`.
    mutating func refresh(_ refreshToken: String, _ r: inout CommandResult) throws(ShellError) {
        let form = [("grant_type", "refresh_token"), ("refresh_token", refreshToken)]
        let answer = OAuthAnswer(try caller.post(endpoints.token, form, &r))
        guard answer.response.status == 200, answer.accessToken != nil else {
            throw failure("the token endpoint \(answer.failure("the refresh token"))\(viaPost)")
        }
        let rolled = answer.refreshToken.map { $0 != refreshToken } ?? false
        let what =
            rolled
            ? "a new refresh token (rolled)"
            : answer.refreshToken == nil ? "no new refresh token (not rolled)" : "the same refresh token (not rolled)"
        switch (refreshRolling, rolled) {
        case ("ROLL", false):
            throw failure("refresh: the server kept the same refresh token, but the client's refreshRolling is ROLL")
        case ("DONT_ROLL", true):
            throw failure("refresh: the server issued a new refresh token, but the client's refreshRolling is DONT_ROLL")
        case ("ROLL", true), ("DONT_ROLL", false):
            r.print("refresh: \(what), as refreshRolling \(refreshRolling) asks")
        default:
            r.print("refresh: \(what): the server's default, since refreshRolling is \(refreshRolling)")
        }
    }

    /// Says so when the client authenticated with client_secret_post after Basic failed.
    private var viaPost: String {
        guard caller.method == .post else { return "" }
        return " (with client_secret_post, after HTTP Basic with the form-encoded ID and secret got invalid_client)"
    }
}
