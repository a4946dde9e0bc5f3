/// An authorization request the endpoint has checked: the client and its redirect URI are trusted
/// and every parameter is valid, so only the user's sign-on is missing. Its answers go back to the
/// redirect URI (RFC 6749 §4.1.2).
struct AuthorizationRequest: Sendable, Equatable {
    let clientId: String
    let redirectURI: String
    /// Whether the request named `redirect_uri` (then the token request must repeat it).
    let redirectURIWasGiven: Bool
    let scopes: [String]
    let challenge: CodeChallenge?
    let state: String?

    /// The redirect with a new code for `user` (and the caller's `state`).
    func approve(for user: String, _ exchange: RuntimeExchange, _ grants: inout RuntimeGrants) -> EmulatorResponse {
        let value = exchange.api.newValue(length: exchange.settings.authorizationCodeEntropy, unlike: grants)
        grants.codes[value] = AuthorizationCode(
            clientId: clientId, redirectURI: redirectURI, redirectURIWasGiven: redirectURIWasGiven, scopes: scopes,
            user: user, challenge: challenge,
            expires: exchange.now + exchange.settings.authorizationCodeTimeout * 1000, grant: grants.newGrant())
        return OAuthResponse.redirect(to: redirectURI, with: [("code", value)] + stateParameter)
    }

    /// The redirect with an error (RFC 6749 §4.1.2.1).
    func deny(_ error: OAuthError) -> EmulatorResponse {
        Self.deny(error, redirectURI: redirectURI, state: state)
    }

    static func deny(_ error: OAuthError, redirectURI: String, state: String?) -> EmulatorResponse {
        var answer = [("error", error.error)]
        if let description = error.description { answer.append(("error_description", description)) }
        if let state { answer.append(("state", state)) }
        return OAuthResponse.redirect(to: redirectURI, with: answer)
    }

    private var stateParameter: [(String, String)] {
        state.map { [("state", $0)] } ?? []
    }
}
