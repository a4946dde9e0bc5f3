import PFShellJSON

/// The endpoints that look tokens up: introspection (RFC 7662), revocation (RFC 7009) and UserInfo.
struct TokenInspection {
    let exchange: RuntimeExchange

    /// `POST /as/introspect.oauth2`. The caller is a client acting as a resource server: it
    /// authenticates like at the token endpoint and must hold `ACCESS_TOKEN_VALIDATION` (what
    /// PingFederate answers a caller without it is unconfirmed; the emulator sends 400
    /// `unauthorized_client`). Access tokens are looked up unless `token_type_hint=refresh_token`,
    /// which PingFederate requires for refresh tokens. An active access token shows `active`,
    /// `scope` (when not empty), `client_id`, `exp` and, for a user's token, `sub`; an active
    /// refresh token only `active`; anything else `{"active": false}` with 200.
    func introspect(_ grants: RuntimeGrants) -> EmulatorResponse {
        do {
            return try introspection(grants)
        } catch {
            return error.response
        }
    }

    private func introspection(_ grants: RuntimeGrants) throws(OAuthError) -> EmulatorResponse {
        let (client, parameters) = try authenticatedCaller()
        guard client.allows("ACCESS_TOKEN_VALIDATION") else {
            throw .unauthorizedClient("The client is not authorized to validate access tokens.")
        }
        guard let token = parameters["token"] else { throw .invalidRequest("token is required") }
        let inactive = OAuthResponse.json(["active": false])
        if parameters["token_type_hint"] == "refresh_token" {
            if let refresh = grants.refreshTokens[token], refresh.isUsable(now: exchange.now),
                exchange.client(refresh.clientId) != nil
            {
                return OAuthResponse.json(["active": true])
            }
        }
        guard let access = liveAccessToken(token, grants) else { return inactive }
        var body = JSONObject()
        body["active"] = true
        if !access.scopes.isEmpty { body["scope"] = .string(ScopeList.text(access.scopes)) }
        body["client_id"] = .string(access.clientId)
        body["exp"] = .int(access.expires / 1000)
        if let user = access.user { body["sub"] = .string(user) }
        return OAuthResponse.json(body)
    }

    /// `POST /as/revoke_token.oauth2` (RFC 7009): the client revokes one of its own tokens; a refresh
    /// token takes its grant's access tokens with it. An unknown token is a success; another client's
    /// token is refused with `unauthorized_client`.
    func revoke(_ grants: inout RuntimeGrants) -> EmulatorResponse {
        do {
            try revocation(&grants)
        } catch {
            return error.response
        }
        return EmulatorResponse(status: 200, headers: OAuthResponse.jsonHeaders)
    }

    private func revocation(_ grants: inout RuntimeGrants) throws(OAuthError) {
        let (client, parameters) = try authenticatedCaller()
        guard let token = parameters["token"] else { throw .invalidRequest("token is required") }
        let notYours = OAuthError.unauthorizedClient("The token was not issued to this client.")
        if let refresh = grants.refreshTokens[token] {
            guard refresh.clientId == client.id else { throw notYours }
            grants.revoke(grant: refresh.grant)
        } else if let access = grants.accessTokens[token] {
            guard access.clientId == client.id else { throw notYours }
            grants.accessTokens[token] = nil
        }
    }

    /// `GET /idp/userinfo.openid` with `Authorization: Bearer`: `{"sub": user}` for an access token
    /// issued to a user; 401 with `WWW-Authenticate: Bearer error="invalid_token"` otherwise.
    func userInfo(_ grants: RuntimeGrants) -> EmulatorResponse {
        let header = exchange.request.header("Authorization") ?? ""
        guard header.lowercased().hasPrefix("bearer "),
            let access = liveAccessToken(String(header.dropFirst(7)), grants), let user = access.user
        else {
            var response = OAuthError(401, "invalid_token", "The access token is invalid or expired.").response
            response.headers = OAuthResponse.jsonHeaders + [("WWW-Authenticate", "Bearer error=\"invalid_token\"")]
            return response
        }
        return OAuthResponse.json(["sub": .string(user)])
    }

    /// An access token that is known, unexpired, and whose client still exists and is enabled.
    private func liveAccessToken(_ value: String, _ grants: RuntimeGrants) -> AccessToken? {
        guard let access = grants.accessTokens[value], access.expires > exchange.now,
            exchange.client(access.clientId) != nil
        else { return nil }
        return access
    }

    /// The client the body's parameters authenticate, and the parameters.
    private func authenticatedCaller() throws(OAuthError) -> (RuntimeClient, OAuthParameters) {
        let parameters = try OAuthParameters.form(exchange.request, from: .body)
        if let name = parameters.firstRepeated { throw .invalidRequest("The parameter \(name) is repeated.") }
        return (try ClientAuthentication(exchange: exchange, parameters: parameters).authenticate(), parameters)
    }
}
