import PFShellJSON
import Testing

@testable import PFShellEmulator

/// `POST /as/introspect.oauth2` (RFC 7662), revocation (RFC 7009), UserInfo and discovery.
@Suite struct IntrospectionTests {
    let harness = RuntimeHarness()

    init() {
        harness.create(RuntimeSample.thingworx)
        harness.createResourceServer()
    }

    private func clientToken() -> String {
        harness.token([("grant_type", "client_credentials"), ("scope", "THINGWORX")], basic: ("twx", "twx-secret"))[
            "access_token"]?.stringValue ?? ""
    }

    private func userTokens() -> (access: String, refresh: String) {
        let code = harness.code("twx")
        let reply = harness.token([("grant_type", "authorization_code"), ("code", code)], basic: ("twx", "twx-secret"))
        return (reply["access_token"]?.stringValue ?? "", reply["refresh_token"]?.stringValue ?? "")
    }

    @Test func anActiveAccessTokenShowsItsClientScopeAndExpiry() {
        let reply = harness.introspect(clientToken())
        #expect(reply.status == 200)
        #expect(reply.json == ["active": true, "scope": "THINGWORX", "client_id": "twx", "exp": .int(EmulatorHarness.start / 1000 + 7200)])
    }

    @Test func aClientWithValidationCanIntrospectItsOwnTokens() {
        let reply = harness.introspect(clientToken(), caller: ("twx", "twx-secret"))
        #expect(reply["active"] == true)
    }

    @Test func unknownAndExpiredTokensAreInactive() {
        #expect(harness.introspect("nothing-like-it").json == ["active": false])
        let token = clientToken()
        harness.advance(seconds: 7199)
        #expect(harness.introspect(token)["active"] == true)
        harness.advance(seconds: 1)
        let expired = harness.introspect(token)
        #expect(expired.status == 200)
        #expect(expired.json == ["active": false])
    }

    @Test func refreshTokensNeedTheHintAndShowOnlyActive() {
        let tokens = userTokens()
        #expect(harness.introspect(tokens.refresh, hint: "refresh_token").json == ["active": true])
        #expect(harness.introspect(tokens.refresh).json == ["active": false])
        // With the refresh hint, an access token is still found (RFC 7662 §2.1: the hint is a hint).
        #expect(harness.introspect(tokens.access, hint: "refresh_token")["sub"] == "joe")
    }

    @Test func tokensOfADeletedOrDisabledClientAreInactive() {
        let token = clientToken()
        var fields = harness.adminCall("GET", "/oauth/clients/twx").json?.objectValue ?? JSONObject()
        fields["enabled"] = false
        #expect(harness.adminCall("PUT", "/oauth/clients/twx", .object(fields)).status == 200)
        #expect(harness.introspect(token)["active"] == false)
        fields["enabled"] = true
        #expect(harness.adminCall("PUT", "/oauth/clients/twx", .object(fields)).status == 200)
        #expect(harness.introspect(token)["active"] == true)
        #expect(harness.adminCall("DELETE", "/oauth/clients/twx").status == 204)
        #expect(harness.introspect(token)["active"] == false)
    }

    @Test func theCallerMustAuthenticateAndHoldAccessTokenValidation() {
        let token = clientToken()
        let wrong = harness.introspect(token, caller: ("rs", "nope"))
        #expect(wrong.status == 401)
        #expect(wrong.error == "invalid_client")
        harness.create(RuntimeSample.client("m2m", grants: ["CLIENT_CREDENTIALS"], secret: "m"))
        let unentitled = harness.introspect(token, caller: ("m2m", "m"))
        #expect(unentitled.status == 400)
        #expect(unentitled.error == "unauthorized_client")
        let noToken = harness.post(RuntimeAPI.introspectionPath, [], basic: ("rs", "rs-secret"))
        #expect(noToken.error == "invalid_request")
        let get = harness.send(EmulatorRequest(method: "GET", path: RuntimeAPI.introspectionPath))
        #expect(get.status == 405)
    }

    @Test func aValidationOnlyClientWithoutSecretAuthenticatesByID() {
        harness.create(RuntimeSample.client("public-rs", grants: ["ACCESS_TOKEN_VALIDATION"]))
        let reply = harness.post(RuntimeAPI.introspectionPath, [("token", clientToken()), ("client_id", "public-rs")])
        #expect(reply["active"] == true)
    }

    @Test func theTokenIsReadFromTheBodyOnly() {
        let reply = harness.post(RuntimeAPI.introspectionPath, [], basic: ("rs", "rs-secret"), query: "token=" + clientToken())
        #expect(reply.error == "invalid_request")
    }

    // MARK: - Revocation

    @Test func revokingARefreshTokenEndsItsGrant() {
        let tokens = userTokens()
        let reply = harness.post(RuntimeAPI.revocationPath, [("token", tokens.refresh)], basic: ("twx", "twx-secret"))
        #expect(reply.status == 200)
        #expect(harness.introspect(tokens.access)["active"] == false)
        let refresh = harness.token(
            [("grant_type", "refresh_token"), ("refresh_token", tokens.refresh)], basic: ("twx", "twx-secret"))
        #expect(refresh.error == "invalid_grant")
        // Unknown tokens are a success too (RFC 7009 §2.2).
        #expect(harness.post(RuntimeAPI.revocationPath, [("token", "gone")], basic: ("twx", "twx-secret")).status == 200)
    }

    @Test func anotherClientsTokenCannotBeRevoked() {
        let token = clientToken()
        let reply = harness.post(RuntimeAPI.revocationPath, [("token", token)], basic: ("rs", "rs-secret"))
        #expect(reply.error == "unauthorized_client")
        #expect(harness.introspect(token)["active"] == true)
    }

    // MARK: - UserInfo and discovery

    @Test func userInfoNamesTheTestUser() {
        let tokens = userTokens()
        let reply = harness.send(
            EmulatorRequest(method: "GET", path: RuntimeAPI.userInfoPath, headers: [("Authorization", "Bearer " + tokens.access)]))
        #expect(reply.json == ["sub": "joe"])
        let machine = harness.send(
            EmulatorRequest(method: "GET", path: RuntimeAPI.userInfoPath, headers: [("Authorization", "Bearer " + clientToken())]))
        #expect(machine.status == 401)
        #expect(machine.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
    }

    @Test func discoveryIsBuiltFromTheHostAsked() {
        let reply = harness.send(
            EmulatorRequest(method: "GET", path: RuntimeAPI.openIDConfigurationPath, headers: [("Host", "pf.example.com:9031")]))
        #expect(reply["issuer"] == "https://pf.example.com:9031")
        #expect(reply["token_endpoint"] == "https://pf.example.com:9031/as/token.oauth2")
        #expect(reply["authorization_endpoint"] == "https://pf.example.com:9031/as/authorization.oauth2")
        #expect(reply["introspection_endpoint"] == "https://pf.example.com:9031/as/introspect.oauth2")
        #expect(reply["code_challenge_methods_supported"] == ["plain", "S256"])
        let metadata = harness.send(EmulatorRequest(method: "GET", path: RuntimeAPI.authorizationServerMetadataPath))
        #expect(metadata["issuer"] == "https://localhost:9031")
    }

    @Test func otherPathsAreNotFound() {
        #expect(harness.send(EmulatorRequest(method: "GET", path: "/as/nothing.oauth2")).status == 404)
        #expect(harness.send(EmulatorRequest(method: "GET", path: "/pf-admin-api/v1/version")).status == 404)
    }
}
