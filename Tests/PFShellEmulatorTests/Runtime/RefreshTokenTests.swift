import PFShellJSON
import Testing

@testable import PFShellEmulator

/// The `refresh_token` grant: rolling per the client's `refreshRolling` (`ROLL`, `DONT_ROLL`,
/// `SERVER_DEFAULT` following `rollRefreshTokenValues`), the grace period, scope narrowing, grant lifetime.
@Suite struct RefreshTokenTests {
    /// A client with `refreshRolling` set to `rolling` (and more fields), its first tokens from a code.
    private func tokens(
        _ harness: RuntimeHarness, rolling: String, extra: [(String, JSONValue)] = [], scope: String? = "read write"
    ) -> (access: String, refresh: String) {
        harness.create(
            RuntimeSample.client(
                "app", grants: ["AUTHORIZATION_CODE", "REFRESH_TOKEN"], redirects: ["https://app.example.com/cb"],
                secret: "app-secret", extra: [("refreshRolling", .string(rolling))] + extra))
        let code = harness.code("app", scope: scope)
        let reply = harness.token([("grant_type", "authorization_code"), ("code", code)], basic: ("app", "app-secret"))
        return (reply["access_token"]?.stringValue ?? "", reply["refresh_token"]?.stringValue ?? "")
    }

    private func refresh(_ harness: RuntimeHarness, _ token: String, scope: String? = nil, as client: (String, String) = ("app", "app-secret")) -> RuntimeReply {
        harness.token(
            [("grant_type", "refresh_token"), ("refresh_token", token)] + (scope.map { [("scope", $0)] } ?? []),
            basic: client)
    }

    @Test func rollIssuesANewValueAndTheOldOneLastsTheGracePeriod() {
        let harness = RuntimeHarness()
        let first = tokens(harness, rolling: "ROLL")
        let rolled = refresh(harness, first.refresh)
        #expect(rolled.status == 200)
        let second = rolled["refresh_token"]?.stringValue ?? ""
        #expect(!second.isEmpty && second != first.refresh)
        #expect(rolled["access_token"]?.stringValue != first.access)
        harness.advance(seconds: 59)
        #expect(refresh(harness, first.refresh).status == 200)  // within the 60 s grace period
        harness.advance(seconds: 1)
        let late = refresh(harness, first.refresh)
        #expect(late.status == 400)
        #expect(late.error == "invalid_grant")
        #expect(late.errorDescription == "unknown, invalid, or expired refresh token")
        #expect(refresh(harness, second).status == 200)
    }

    @Test func aGracePeriodOfZeroEndsTheOldTokenAtOnce() {
        let harness = RuntimeHarness()
        let first = tokens(
            harness, rolling: "ROLL",
            extra: [("refreshTokenRollingGracePeriodType", "OVERRIDE_SERVER_DEFAULT"), ("refreshTokenRollingGracePeriod", 0)])
        #expect(refresh(harness, first.refresh).status == 200)
        #expect(refresh(harness, first.refresh).error == "invalid_grant")
    }

    @Test func dontRollKeepsTheSameValue() {
        let harness = RuntimeHarness()
        let first = tokens(harness, rolling: "DONT_ROLL")
        for _ in 0..<3 {
            harness.advance(seconds: 120)
            let reply = refresh(harness, first.refresh)
            #expect(reply.status == 200)
            #expect(reply["refresh_token"]?.stringValue == first.refresh)
        }
    }

    @Test func serverDefaultFollowsRollRefreshTokenValuesWhichTheFixtureTurnsOff() {
        #expect(Fixtures.authServerSettings["rollRefreshTokenValues"] == false)
        let keeping = RuntimeHarness()
        let kept = tokens(keeping, rolling: "SERVER_DEFAULT")
        #expect(refresh(keeping, kept.refresh)["refresh_token"]?.stringValue == kept.refresh)

        var settings = RuntimeSettings()
        settings.rollRefreshTokenValues = true
        let rolling = RuntimeHarness(settings: settings)
        let rolled = tokens(rolling, rolling: "SERVER_DEFAULT")
        let reply = refresh(rolling, rolled.refresh)
        #expect(reply.status == 200)
        #expect(reply["refresh_token"]?.stringValue != rolled.refresh)
    }

    @Test func aRollingIntervalDelaysRolling() {
        let harness = RuntimeHarness()
        let first = tokens(
            harness, rolling: "ROLL",
            extra: [
                ("refreshTokenRollingIntervalType", "OVERRIDE_SERVER_DEFAULT"), ("refreshTokenRollingInterval", 1),
                ("refreshTokenRollingIntervalTimeUnit", "HOURS"),
            ])
        #expect(refresh(harness, first.refresh)["refresh_token"]?.stringValue == first.refresh)
        harness.advance(seconds: 3600)
        #expect(refresh(harness, first.refresh)["refresh_token"]?.stringValue != first.refresh)
    }

    @Test func scopesMayNarrowButNotWiden() {
        let harness = RuntimeHarness()
        harness.createResourceServer()
        let first = tokens(harness, rolling: "DONT_ROLL")
        let narrow = refresh(harness, first.refresh, scope: "read")
        #expect(narrow.status == 200)
        #expect(harness.introspect(narrow["access_token"]?.stringValue ?? "")["scope"] == "read")
        let wide = refresh(harness, first.refresh, scope: "read admin")
        #expect(wide.status == 400)
        #expect(wide.error == "invalid_scope")
        // The grant keeps its scopes: a later refresh without scope gets them all again.
        let again = refresh(harness, first.refresh)
        #expect(harness.introspect(again["access_token"]?.stringValue ?? "")["scope"] == "read write")
    }

    @Test func unknownMissingAndForeignRefreshTokensAreRefused() {
        let harness = RuntimeHarness()
        let first = tokens(harness, rolling: "DONT_ROLL")
        #expect(refresh(harness, "no-such-token").error == "invalid_grant")
        let missing = harness.token([("grant_type", "refresh_token")], basic: ("app", "app-secret"))
        #expect(missing.error == "invalid_request")
        harness.create(RuntimeSample.client("thief", grants: ["REFRESH_TOKEN"], secret: "t"))
        #expect(refresh(harness, first.refresh, as: ("thief", "t")).error == "invalid_grant")
    }

    @Test func aClientWithoutRefreshTokenGrantIsUnauthorized() {
        let harness = RuntimeHarness()
        let first = tokens(harness, rolling: "ROLL")
        var fields = harness.adminCall("GET", "/oauth/clients/app").json?.objectValue ?? JSONObject()
        fields["grantTypes"] = ["AUTHORIZATION_CODE"]
        #expect(harness.adminCall("PUT", "/oauth/clients/app", .object(fields)).status == 200)
        let reply = refresh(harness, first.refresh)
        #expect(reply.status == 400)
        #expect(reply.error == "unauthorized_client")
    }

    @Test func aPersistentGrantLifetimeEndsTheRefreshToken() {
        let harness = RuntimeHarness()
        let first = tokens(
            harness, rolling: "DONT_ROLL",
            extra: [
                ("persistentGrantExpirationType", "OVERRIDE_SERVER_DEFAULT"), ("persistentGrantExpirationTime", 1),
                ("persistentGrantExpirationTimeUnit", "MINUTES"),
            ])
        harness.advance(seconds: 59)
        #expect(refresh(harness, first.refresh).status == 200)
        harness.advance(seconds: 1)
        #expect(refresh(harness, first.refresh).error == "invalid_grant")
    }

    @Test func indefiniteGrantsOutliveTheAccessTokens() {
        let harness = RuntimeHarness()
        harness.createResourceServer()
        let first = tokens(harness, rolling: "DONT_ROLL", extra: [("persistentGrantExpirationType", "INDEFINITE_EXPIRY")])
        harness.advance(seconds: 400 * 86_400)
        #expect(harness.introspect(first.access)["active"] == false)
        #expect(refresh(harness, first.refresh).status == 200)
    }
}
