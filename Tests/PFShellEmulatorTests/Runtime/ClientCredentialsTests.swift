import PFShellJSON
import Testing

@testable import PFShellEmulator

/// `POST /as/token.oauth2` with `grant_type=client_credentials`, and the checks every grant shares:
/// client authentication, request shape, grant type.
@Suite struct ClientCredentialsTests {
    let harness = RuntimeHarness()

    init() {
        harness.create(RuntimeSample.thingworx)
    }

    @Test func httpBasicGetsABearerTokenWithoutRefreshToken() {
        let reply = harness.token([("grant_type", "client_credentials")], basic: ("twx", "twx-secret"))
        #expect(reply.status == 200)
        #expect(reply["token_type"] == "Bearer")
        #expect(reply["expires_in"] == 7200)
        #expect(reply["access_token"]?.stringValue?.count == 28)
        #expect(reply["refresh_token"] == nil)
        #expect(reply.header("Content-Type") == "application/json;charset=UTF-8")
        #expect(reply.header("Cache-Control") == "no-store")
        #expect(reply.header("Pragma") == "no-cache")
        #expect(reply.json?.objectValue?.keys == ["access_token", "token_type", "expires_in"])
    }

    @Test func formParametersAuthenticateToo() {
        let reply = harness.token([
            ("grant_type", "client_credentials"), ("client_id", "twx"), ("client_secret", "twx-secret"),
            ("scope", "THINGWORX"),
        ])
        #expect(reply.status == 200)
        #expect(reply["access_token"]?.stringValue != nil)
    }

    @Test func parametersInTheQueryAreReadLikePingFederateDoes() {
        let reply = harness.send(
            EmulatorRequest(
                method: "POST", path: RuntimeAPI.tokenPath,
                query: "grant_type=client_credentials&client_id=twx&client_secret=twx-secret"))
        #expect(reply.status == 200)
    }

    @Test func basicCredentialsAreFormDecoded() {
        harness.create(RuntimeSample.client("a b:c", grants: ["CLIENT_CREDENTIALS"], secret: "p+q:r%s"))
        #expect(harness.token([("grant_type", "client_credentials")], basic: ("a b:c", "p+q:r%s")).status == 200)
        // A client that does not encode: the secret as sent is accepted as well.
        let raw = "Basic " + "a%20b%3Ac:p+q:r%s".base64
        let reply = harness.send(
            EmulatorRequest(
                method: "POST", path: RuntimeAPI.tokenPath, headers: [("Authorization", raw)],
                body: Array("grant_type=client_credentials".utf8)))
        #expect(reply.status == 200)
    }

    @Test(arguments: [
        ("twx", "wrong"), ("nobody", "twx-secret"), ("twx", ""),
    ])
    func wrongCredentialsAreInvalidClientWith401(_ id: String, _ secret: String) {
        let reply = harness.token([("grant_type", "client_credentials")], basic: (id, secret))
        #expect(reply.status == 401)
        #expect(reply.error == "invalid_client")
        #expect(reply.errorDescription == "Invalid client or client credentials")
        #expect(reply.header("WWW-Authenticate") == "Basic realm=\"PingFederate\"")
        // PingFederate's layout: error_description first, and a CRLF at the end.
        #expect(reply.text == "{\"error_description\":\"Invalid client or client credentials\",\"error\":\"invalid_client\"}\r\n")
    }

    @Test func wrongFormSecretAndMissingSecretAreInvalidClient() {
        let wrong = harness.token([("grant_type", "client_credentials"), ("client_id", "twx"), ("client_secret", "x")])
        #expect(wrong.status == 401)
        #expect(wrong.error == "invalid_client")
        let missing = harness.token([("grant_type", "client_credentials"), ("client_id", "twx")])
        #expect(missing.status == 401)
        let nobody = harness.token([("grant_type", "client_credentials")])
        #expect(nobody.status == 401)
        #expect(nobody.error == "invalid_client")
    }

    @Test func aDisabledClientIsInvalidClient() {
        harness.create(
            RuntimeSample.client("off", grants: ["CLIENT_CREDENTIALS"], secret: "off-secret", extra: [("enabled", false)]))
        let reply = harness.token([("grant_type", "client_credentials")], basic: ("off", "off-secret"))
        #expect(reply.status == 401)
        #expect(reply.error == "invalid_client")
    }

    @Test func theSecretIsTheOneTheAdminAPIHoldsNow() {
        let changed = harness.adminCall("PUT", "/oauth/clients/twx/clientAuth/clientSecret", ["secret": "rotated"])
        #expect(changed.status == 200)
        #expect(harness.token([("grant_type", "client_credentials")], basic: ("twx", "twx-secret")).status == 401)
        #expect(harness.token([("grant_type", "client_credentials")], basic: ("twx", "rotated")).status == 200)
        #expect(harness.adminCall("DELETE", "/oauth/clients/twx").status == 204)
        #expect(harness.token([("grant_type", "client_credentials")], basic: ("twx", "rotated")).status == 401)
    }

    @Test func twoWaysOfAuthenticatingAtOnceAreRefused() {
        let reply = harness.token(
            [("grant_type", "client_credentials"), ("client_secret", "twx-secret")], basic: ("twx", "twx-secret"))
        #expect(reply.status == 400)
        #expect(reply.error == "invalid_request")
        let otherID = harness.token([("grant_type", "client_credentials"), ("client_id", "rs")], basic: ("twx", "twx-secret"))
        #expect(otherID.status == 401)
    }

    @Test func missingGrantTypeIsInvalidRequest() {
        let reply = harness.token([("scope", "a")], basic: ("twx", "twx-secret"))
        #expect(reply.status == 400)
        #expect(reply.error == "invalid_request")
        #expect(reply.errorDescription == "grant_type is required")
    }

    @Test func unknownGrantTypeIsUnsupportedWithoutDescription() {
        let reply = harness.token([("grant_type", "magic")], basic: ("twx", "twx-secret"))
        #expect(reply.status == 400)
        #expect(reply.text == "{\"error\":\"unsupported_grant_type\"}\r\n")
        let password = harness.token([("grant_type", "password"), ("username", "joe")], basic: ("twx", "twx-secret"))
        #expect(password.error == "unsupported_grant_type")
        #expect(password.errorDescription?.contains("emulator") == true)
    }

    @Test func aGrantTypeTheClientLacksIsUnauthorizedClient() {
        harness.create(RuntimeSample.client("web", grants: ["AUTHORIZATION_CODE"], redirects: ["https://a/cb"], secret: "w"))
        let reply = harness.token([("grant_type", "client_credentials")], basic: ("web", "w"))
        #expect(reply.status == 400)
        #expect(reply.error == "unauthorized_client")
    }

    @Test func theRequestMustBeAFormPOST() {
        let get = harness.send(EmulatorRequest(method: "GET", path: RuntimeAPI.tokenPath, query: "grant_type=client_credentials"))
        #expect(get.status == 405)
        #expect(get.header("Allow") == "POST")
        let json = harness.send(
            EmulatorRequest(
                method: "POST", path: RuntimeAPI.tokenPath,
                headers: [("Content-Type", "application/json"), ("Authorization", "Basic " + "twx:twx-secret".base64)],
                body: Array("{\"grant_type\":\"client_credentials\"}".utf8)))
        #expect(json.status == 400)
        #expect(json.error == "invalid_request")
    }

    @Test func aRepeatedParameterIsInvalidRequest() {
        let reply = harness.token(
            [("grant_type", "client_credentials"), ("scope", "a"), ("scope", "b")], basic: ("twx", "twx-secret"))
        #expect(reply.status == 400)
        #expect(reply.error == "invalid_request")
    }

    @Test func restrictedScopesLimitTheRequest() {
        harness.create(
            RuntimeSample.client(
                "narrow", grants: ["CLIENT_CREDENTIALS"], secret: "n",
                extra: [("restrictScopes", true), ("restrictedScopes", ["read", "write"])]))
        #expect(harness.token([("grant_type", "client_credentials"), ("scope", "read write")], basic: ("narrow", "n")).status == 200)
        let wide = harness.token([("grant_type", "client_credentials"), ("scope", "read admin")], basic: ("narrow", "n"))
        #expect(wide.status == 400)
        #expect(wide.error == "invalid_scope")
        #expect(wide.errorDescription == "The requested scope(s) must be blank or a subset of the provided scopes.")
        let malformed = harness.token([("grant_type", "client_credentials"), ("scope", "a\"b")], basic: ("twx", "twx-secret"))
        #expect(malformed.error == "invalid_scope")
    }

    @Test func theLifetimeComesFromTheClientsAccessTokenManager() {
        var state = EmulatorState(sealingKey: Array(repeating: 7, count: 32))
        state.accessTokenManagers = [
            ["id": "first", "configuration": ["fields": [["name": "Token Lifetime", "value": "120"]]]],
            ["id": "short", "configuration": ["fields": [["name": "Token Lifetime", "value": "5"]]]],
        ]
        let harness = RuntimeHarness(state: state)
        harness.create(
            RuntimeSample.client(
                "short-lived", grants: ["CLIENT_CREDENTIALS"], secret: "s", extra: [("defaultAccessTokenManagerRef", ["id": "short"])]))
        let reply = harness.token([("grant_type", "client_credentials")], basic: ("short-lived", "s"))
        #expect(reply["expires_in"] == 300)
    }

    @Test func tokensAreNeverPersisted() {
        let before = harness.saves.withLock { $0 }
        #expect(harness.token([("grant_type", "client_credentials")], basic: ("twx", "twx-secret")).status == 200)
        #expect(harness.saves.withLock { $0 } == before)
    }

    @Test func unsupportedClientAuthenticationTypesAreInvalidClient() {
        harness.create(
            RuntimeSample.client(
                "jwt", grants: ["CLIENT_CREDENTIALS"],
                extra: [("clientAuth", ["type": "CLIENT_SECRET_JWT", "secret": "jwt-secret"])]))
        #expect(harness.token([("grant_type", "client_credentials")], basic: ("jwt", "jwt-secret")).status == 401)
    }
}
