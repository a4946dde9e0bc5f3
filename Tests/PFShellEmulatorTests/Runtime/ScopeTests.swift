import PFShellJSON
import Testing

@testable import PFShellEmulator

/// Scopes the authorization server defines: common ones for every client (unless it restricts
/// itself), exclusive ones for the clients that name them, `invalid_scope` for anything else, at
/// the token endpoint and at the authorization endpoint; the demo seed's scopes.
@Suite struct ScopeTests {
    let harness = RuntimeHarness(scopes: ["read", "write"], exclusiveScopes: ["admin"])

    init() {
        harness.create(RuntimeSample.thingworx)
        harness.create(
            RuntimeSample.client("boss", grants: ["CLIENT_CREDENTIALS"], secret: "b", extra: [("exclusiveScopes", ["admin"])]))
    }

    private func clientCredentials(_ scope: String, as client: (String, String) = ("twx", "twx-secret")) -> RuntimeReply {
        harness.token([("grant_type", "client_credentials"), ("scope", scope)], basic: client)
    }

    @Test func aDefinedScopeIsGranted() {
        #expect(clientCredentials("read write").status == 200)
    }

    @Test func anUndefinedScopeIsInvalidScopeAtTheTokenEndpoint() {
        let reply = clientCredentials("read THINGWORX")
        #expect(reply.status == 400)
        #expect(reply.error == "invalid_scope")
        #expect(reply.errorDescription == "The requested scope(s) must be blank or a subset of the provided scopes.")
    }

    @Test func anUndefinedScopeIsInvalidScopeAtTheAuthorizationEndpoint() {
        let reply = harness.authorize([
            ("client_id", "twx"), ("response_type", "code"), ("redirect_uri", RuntimeSample.callback),
            ("scope", "openid"), ("state", "s9"),
        ])
        #expect(reply.status == 302)
        #expect(reply.redirectBase == RuntimeSample.callback)
        #expect(reply.redirectParameters["error"] == "invalid_scope")
        #expect(reply.redirectParameters["state"] == "s9")
        #expect(reply.redirectParameters["code"] == nil)
    }

    @Test func anExclusiveScopeIsOnlyForTheClientsThatNameIt() {
        #expect(clientCredentials("admin", as: ("boss", "b")).status == 200)
        #expect(clientCredentials("admin read", as: ("boss", "b")).status == 200)
        #expect(clientCredentials("admin").error == "invalid_scope")
    }

    @Test func noScopeIsAlwaysAllowed() {
        let reply = harness.token([("grant_type", "client_credentials")], basic: ("twx", "twx-secret"))
        #expect(reply.status == 200)
    }

    @Test func aServerWithoutScopesRefusesEveryScope() {
        let bare = RuntimeHarness(scopes: [])
        bare.create(RuntimeSample.thingworx)
        let reply = bare.token([("grant_type", "client_credentials"), ("scope", "openid")], basic: ("twx", "twx-secret"))
        #expect(reply.error == "invalid_scope")
    }

    @Test func theAdminAPIShowsTheServersScopes() {
        let demo = EmulatorHarness(state: DemoSeed.state(now: EmulatorHarness.start, random: { Array(repeating: 9, count: $0) }))
        let settings = demo.send("GET", "/oauth/authServerSettings")
        let names = settings["scopes"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["openid", "profile", "THINGWORX"])
        #expect(settings["scopes"]?.arrayValue?.allSatisfy { $0["description"]?.stringValue?.isEmpty == false } == true)
        #expect(settings["exclusiveScopes"] == [])
        #expect(settings["authorizationCodeTimeout"] == 60)
        #expect(EmulatorHarness().send("GET", "/oauth/authServerSettings")["scopes"] == [])
    }

    @Test func theDemoSeedsScopesAreGrantedAtTheRuntime() {
        let demo = RuntimeHarness(
            state: DemoSeed.state(now: EmulatorHarness.start, random: { Array(repeating: 9, count: $0) }), scopes: nil)
        demo.create(RuntimeSample.thingworx)
        let reply = demo.token(
            [("grant_type", "client_credentials"), ("scope", "openid profile THINGWORX")], basic: ("twx", "twx-secret"))
        #expect(reply.status == 200)
        let undefined = demo.token([("grant_type", "client_credentials"), ("scope", "email")], basic: ("twx", "twx-secret"))
        #expect(undefined.error == "invalid_scope")
    }

    @Test func scopesAreKeptInTheDataFile() throws {
        var state = DemoSeed.state(now: EmulatorHarness.start, random: { Array(repeating: 9, count: $0) })
        state.exclusiveScopes = [Fixtures.scope("admin", "Administration")]
        let loaded = try EmulatorState(json: try JSONParser.parse(JSONPrinter.print(state.toJSON())))
        #expect(loaded.scopes == state.scopes)
        #expect(loaded.exclusiveScopes == state.exclusiveScopes)
        var older = state.toJSON().objectValue ?? JSONObject()
        older["scopes"] = nil
        older["exclusiveScopes"] = nil
        #expect(try EmulatorState(json: .object(older)).scopes.isEmpty)
    }
}
