import PFShellJSON
import Testing

@testable import PFShellEmulator

/// A client authenticates at the runtime with its secret or with a secondary secret until that one's
/// `expiryTime`; after it, the old secret is refused like a wrong one.
@Suite struct SecondarySecretRuntimeTests {
    let harness = RuntimeHarness()

    /// `svc` keeps a replaced secret for ten minutes of its own, and may introspect.
    init() {
        harness.create(
            RuntimeSample.client(
                "svc", grants: ["CLIENT_CREDENTIALS", "ACCESS_TOKEN_VALIDATION"], secret: "old-secret",
                extra: [("clientSecretRetentionPeriodType", "OVERRIDE_SERVER_DEFAULT"), ("clientSecretRetentionPeriod", 10)]))
    }

    private func token(_ secret: String) -> RuntimeReply {
        harness.token([("grant_type", "client_credentials")], basic: ("svc", secret))
    }

    private func replaceSecret(_ body: JSONValue) {
        #expect(harness.adminCall("PUT", "/oauth/clients/svc/clientAuth/clientSecret", body).status == 200)
    }

    @Test func theOldSecretWorksUntilItsExpiryAndTheNewOneAfter() {
        replaceSecret(["secret": "new-secret"])
        #expect(token("old-secret").status == 200)
        #expect(token("new-secret").status == 200)
        harness.advance(seconds: 10 * 60 - 1)
        #expect(token("old-secret").status == 200)
        harness.advance(seconds: 1)
        let refused = token("old-secret")
        #expect(refused.status == 401)
        #expect(refused.error == "invalid_client")
        #expect(token("new-secret").status == 200)
    }

    @Test func formParametersAndIntrospectionFollowTheSameExpiry() {
        replaceSecret(["secret": "new-secret"])
        let access = token("new-secret")["access_token"]?.stringValue ?? ""
        let form: [(String, String)] = [
            ("grant_type", "client_credentials"), ("client_id", "svc"), ("client_secret", "old-secret"),
        ]
        #expect(harness.token(form).status == 200)
        #expect(harness.introspect(access, caller: ("svc", "old-secret"))["active"] == true)
        harness.advance(seconds: 10 * 60)
        #expect(harness.token(form).error == "invalid_client")
        #expect(harness.introspect(access, caller: ("svc", "old-secret")).status == 401)
    }

    @Test func aSecondaryWithoutAReadableExpiryNeverExpires() {
        replaceSecret([
            "secret": "new-secret",
            "secondarySecrets": [["secret": "kept-secret"], ["secret": "odd-secret", "expiryTime": "later"]],
        ])
        harness.advance(seconds: 10 * 365 * 86_400)
        #expect(token("kept-secret").status == 200)
        #expect(token("odd-secret").status == 200)
        #expect(token("old-secret").status == 401)
    }

    @Test func withoutRetentionTheOldSecretIsRefusedAtOnce() {
        harness.create(RuntimeSample.client("plain", grants: ["CLIENT_CREDENTIALS"], secret: "old-secret"))
        #expect(harness.adminCall("PUT", "/oauth/clients/plain/clientAuth/clientSecret", ["secret": "new-secret"]).status == 200)
        #expect(harness.token([("grant_type", "client_credentials")], basic: ("plain", "old-secret")).error == "invalid_client")
        #expect(harness.token([("grant_type", "client_credentials")], basic: ("plain", "new-secret")).status == 200)
    }
}
