/// `POST /as/token.oauth2` (RFC 6749 §3.2, §4.1.3, §4.4, §6; pf-runtime-oauth.md §2).
///
/// Checks in this order: the request's shape (form body, no repeated parameter, a `grant_type`),
/// the grant type being one the emulator knows, the client's authentication, the client holding the
/// grant type, then the grant itself.
struct TokenEndpoint {
    let exchange: RuntimeExchange

    /// `grant_type` values and the client grant types that allow them.
    static let supported: [String: String] = [
        "client_credentials": "CLIENT_CREDENTIALS",
        "authorization_code": "AUTHORIZATION_CODE",
        "refresh_token": "REFRESH_TOKEN",
    ]

    /// Grant types PingFederate has but the emulator does not implement.
    static let notEmulated: Set<String> = [
        "password", "urn:ietf:params:oauth:grant-type:device_code", "urn:openid:params:grant-type:ciba",
        "urn:ietf:params:oauth:grant-type:jwt-bearer", "urn:ietf:params:oauth:grant-type:saml2-bearer",
        "urn:ietf:params:oauth:grant-type:token-exchange", "urn:pingidentity.com:oauth2:grant_type:validate_bearer",
    ]

    func respond(_ grants: inout RuntimeGrants) -> EmulatorResponse {
        do {
            return try issue(&grants)
        } catch {
            return error.response
        }
    }

    private func issue(_ grants: inout RuntimeGrants) throws(OAuthError) -> EmulatorResponse {
        let parameters = try OAuthParameters.form(exchange.request, from: .bodyAndQuery)
        if let name = parameters.firstRepeated { throw .invalidRequest("The parameter \(name) is repeated.") }
        guard let grantType = parameters["grant_type"] else { throw .invalidRequest("grant_type is required") }
        guard let clientGrantType = Self.supported[grantType] else {
            throw OAuthError(
                400, "unsupported_grant_type",
                Self.notEmulated.contains(grantType) ? "The emulator does not implement the \(grantType) grant type." : nil)
        }
        let client = try ClientAuthentication(exchange: exchange, parameters: parameters).authenticate()
        guard client.allows(clientGrantType) else {
            throw .unauthorizedClient("The client is not authorized to use the \(grantType) grant type.")
        }
        switch grantType {
        case "client_credentials": return try clientCredentials(client, parameters, &grants)
        case "authorization_code": return try authorizationCode(client, parameters, &grants)
        default: return try refresh(client, parameters, &grants)
        }
    }

    // MARK: - Grants

    /// RFC 6749 §4.4: an access token for the client itself, no refresh token.
    private func clientCredentials(
        _ client: RuntimeClient, _ parameters: OAuthParameters, _ grants: inout RuntimeGrants
    ) throws(OAuthError) -> EmulatorResponse {
        guard client.authenticationType != "NONE" else {
            throw .unauthorizedClient("The client_credentials grant needs a client that authenticates.")
        }
        let scopes = try ScopeCheck.checked(ScopeList.parse(parameters["scope"]), for: client, in: exchange.state)
        let grant = grants.newGrant()
        let access = issueAccessToken(client, scopes: scopes, user: nil, grant: grant, in: &grants)
        return OAuthResponse.tokens(access: access.value, refresh: nil, expiresIn: access.lifetime)
    }

    /// RFC 6749 §4.1.3 with RFC 7636 §4.6: one exchange per code, by the client it was issued to,
    /// with the same `redirect_uri` and the PKCE verifier when a challenge was sent.
    private func authorizationCode(
        _ client: RuntimeClient, _ parameters: OAuthParameters, _ grants: inout RuntimeGrants
    ) throws(OAuthError) -> EmulatorResponse {
        guard let value = parameters["code"], value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .invalidGrant("Authorization code is malformed.")
        }
        let invalid = OAuthError.invalidGrant("Authorization code is invalid or expired.")
        guard let code = grants.codes[value], code.clientId == client.id, code.expires > exchange.now else { throw invalid }
        if code.redeemed {
            // A second use: the code may have been stolen, so its tokens go too (RFC 6749 §4.1.2).
            grants.revoke(grant: code.grant)
            throw invalid
        }
        let redirectURI = parameters["redirect_uri"]
        if code.redirectURIWasGiven, redirectURI == nil {
            throw .invalidGrant("redirect_uri is required if it was included in the authorization request.")
        }
        if let redirectURI, redirectURI != code.redirectURI {
            throw .invalidGrant("redirect_uri does not match the one in the authorization request.")
        }
        if let challenge = code.challenge {
            guard let verifier = parameters["code_verifier"], PKCE.verify(verifier, against: challenge) else {
                throw .invalidGrant(
                    "The code_verifier sent does not match code_challenge included in the authorization request "
                        + "using the \(challenge.method.rawValue) code_challenge_method.")
            }
        }
        grants.codes[value]?.redeemed = true
        let access = issueAccessToken(client, scopes: code.scopes, user: code.user, grant: code.grant, in: &grants)
        var refresh: String?
        if client.allows("REFRESH_TOKEN") {
            let lifetime = client.persistentGrantLifetime(exchange.settings)
            refresh = issueRefreshToken(
                client, scopes: code.scopes, user: code.user, grant: code.grant,
                grantExpires: lifetime.map { exchange.now + $0 * 1000 }, in: &grants)
        }
        return OAuthResponse.tokens(access: access.value, refresh: refresh, expiresIn: access.lifetime)
    }

    /// RFC 6749 §6: a new access token for the same grant, with the scopes narrowed if asked; the
    /// refresh token rolls (a new value, the old one usable for the grace period) when the client's
    /// `refreshRolling` says so, or stays the same.
    private func refresh(
        _ client: RuntimeClient, _ parameters: OAuthParameters, _ grants: inout RuntimeGrants
    ) throws(OAuthError) -> EmulatorResponse {
        guard let value = parameters["refresh_token"] else { throw .invalidRequest("refresh_token is required") }
        guard let token = grants.refreshTokens[value], token.clientId == client.id, token.isUsable(now: exchange.now)
        else { throw .invalidGrant("unknown, invalid, or expired refresh token") }
        var scopes = token.scopes
        if parameters["scope"] != nil {
            let requested = ScopeList.parse(parameters["scope"])
            guard ScopeList.isValid(requested), Set(requested).isSubset(of: Set(token.scopes)) else {
                throw OAuthError.scopeNotAllowed
            }
            scopes = requested
        }
        let settings = exchange.settings
        var refreshValue = value
        let oldEnough = exchange.now - token.issued >= client.rollingInterval(settings) * 1000
        if client.rollsRefreshTokens(settings), oldEnough {
            refreshValue = issueRefreshToken(
                client, scopes: token.scopes, user: token.user, grant: token.grant, grantExpires: token.grantExpires,
                in: &grants)
            let graceEnd = exchange.now + client.rollingGracePeriod(settings) * 1000
            grants.refreshTokens[value]?.retiredUntil = min(token.retiredUntil ?? graceEnd, graceEnd)
        }
        let access = issueAccessToken(client, scopes: scopes, user: token.user, grant: token.grant, in: &grants)
        return OAuthResponse.tokens(access: access.value, refresh: refreshValue, expiresIn: access.lifetime)
    }

    // MARK: - Issuing

    private func issueAccessToken(
        _ client: RuntimeClient, scopes: [String], user: String?, grant: Int, in grants: inout RuntimeGrants
    ) -> (value: String, lifetime: Int64) {
        let lifetime = client.accessTokenLifetimeMinutes(exchange.state, exchange.settings) * 60
        let value = exchange.api.newValue(length: exchange.settings.accessTokenLength, unlike: grants)
        grants.accessTokens[value] = AccessToken(
            clientId: client.id, scopes: scopes, user: user, issued: exchange.now,
            expires: exchange.now + lifetime * 1000, grant: grant)
        return (value, lifetime)
    }

    private func issueRefreshToken(
        _ client: RuntimeClient, scopes: [String], user: String, grant: Int, grantExpires: Int64?,
        in grants: inout RuntimeGrants
    ) -> String {
        let value = exchange.api.newValue(length: exchange.settings.refreshTokenLength, unlike: grants)
        grants.refreshTokens[value] = RefreshToken(
            clientId: client.id, scopes: scopes, user: user, issued: exchange.now, grantExpires: grantExpires,
            grant: grant)
        return value
    }
}
