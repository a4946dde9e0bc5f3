/// `GET` (or form `POST`) `/as/authorization.oauth2`, `response_type=code` (RFC 6749 §4.1.1,
/// RFC 7636; pf-runtime-oauth.md §4).
///
/// Until the client and its redirect URI are trusted, errors are a 400 page and never a redirect
/// (RFC 6749 §4.1.2.1): an unknown or disabled client, a missing or unregistered `redirect_uri`.
/// After that, errors go back to the redirect URI as `error`, `error_description` and `state`.
///
/// A valid request then waits for the user: the endpoint answers with the login page of
/// ``SignOnEndpoint`` and issues the code only after the test user signs on there. With
/// ``RuntimeLogin/automatic`` (`--auto-login`, an emulator shortcut) the test user is signed in at
/// once and the answer is the 302 with the code. There is never a consent page.
struct AuthorizationEndpoint {
    let exchange: RuntimeExchange

    func respond(_ grants: inout RuntimeGrants) -> EmulatorResponse {
        let parameters: OAuthParameters
        do {
            parameters = try OAuthParameters.of(exchange.request, from: .bodyAndQuery)
        } catch {
            return OAuthResponse.errorPage(
                "The request must be a form (application/x-www-form-urlencoded), not \(error.type).")
        }
        if let name = parameters.repeated(among: ["client_id", "redirect_uri"]) {
            return OAuthResponse.errorPage("The parameter \(name) is repeated.")
        }
        // PingFederate answers an unknown client_id with a 400 and logs "Unknown or invalid client_id".
        guard let id = parameters["client_id"], let client = exchange.client(id) else {
            return OAuthResponse.errorPage("Unknown or invalid client_id.")
        }
        let requested = parameters["redirect_uri"]
        guard let redirectURI = RedirectURIMatch.resolve(requested, registered: client.redirectURIs) else {
            return OAuthResponse.errorPage(
                requested == nil
                    ? "redirect_uri is required: the client does not have exactly one redirect URI without a wildcard."
                    : "The redirect_uri is not registered for this client.")
        }
        let request: AuthorizationRequest
        do {
            request = try checked(client, parameters, redirectURI: redirectURI, redirectURIWasGiven: requested != nil)
        } catch {
            return AuthorizationRequest.deny(error, redirectURI: redirectURI, state: parameters["state"])
        }
        let login = exchange.api.login
        if login.automatic { return request.approve(for: login.user, exchange, &grants) }
        return SignOnEndpoint(exchange: exchange).begin(
            request, clientName: client.fields["name"]?.stringValue ?? client.id, &grants)
    }

    private func checked(
        _ client: RuntimeClient, _ parameters: OAuthParameters, redirectURI: String, redirectURIWasGiven: Bool
    ) throws(OAuthError) -> AuthorizationRequest {
        if let name = parameters.firstRepeated { throw .invalidRequest("The parameter \(name) is repeated.") }
        guard let responseType = parameters["response_type"] else { throw .invalidRequest("response_type is required") }
        guard responseType == "code" else {
            throw OAuthError(
                400, "unsupported_response_type", "The emulator supports response_type=code only, not \(responseType).")
        }
        guard client.allows("AUTHORIZATION_CODE") else {
            throw .unauthorizedClient("The client is not authorized to use the authorization code grant type.")
        }
        let restricted = client.restrictedResponseTypes
        guard restricted.isEmpty || restricted.contains("code") else {
            throw .unauthorizedClient("The client is not allowed the response type code.")
        }
        if let mode = parameters["response_mode"], mode != "query" {
            throw .invalidRequest("The emulator supports response_mode=query only, not \(mode).")
        }
        let scopes = try ScopeCheck.checked(ScopeList.parse(parameters["scope"]), for: client, in: exchange.state)
        return AuthorizationRequest(
            clientId: client.id, redirectURI: redirectURI, redirectURIWasGiven: redirectURIWasGiven, scopes: scopes,
            challenge: try codeChallenge(client, parameters), state: parameters["state"])
    }

    /// The PKCE challenge (RFC 7636 §4.3): required when the client has `requireProofKeyForCodeExchange`;
    /// the method defaults to `plain`, which the server setting `disallowPlainPKCE` may refuse.
    private func codeChallenge(_ client: RuntimeClient, _ parameters: OAuthParameters) throws(OAuthError)
        -> CodeChallenge?
    {
        guard let value = parameters["code_challenge"] else {
            if client.requiresPKCE { throw .invalidRequest("code_challenge is required") }
            return nil
        }
        let methodName = parameters["code_challenge_method"] ?? "plain"
        guard let method = CodeChallenge.Method(rawValue: methodName) else {
            throw .invalidRequest("Unsupported code_challenge_method \(methodName).")
        }
        if method == .plain, exchange.settings.disallowPlainPKCE {
            throw .invalidRequest("The plain code_challenge_method is not allowed.")
        }
        guard PKCE.isWellFormed(value) else { throw .invalidRequest("The code_challenge is malformed.") }
        return CodeChallenge(value: value, method: method)
    }
}
