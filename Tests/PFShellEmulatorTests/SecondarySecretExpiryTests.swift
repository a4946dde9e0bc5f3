import PFShellJSON
import Testing

@testable import PFShellEmulator

/// Secondary secrets past their `expiryTime` (by the emulator's clock) are left out of every read,
/// and a write drops them from the store; one without a readable expiry never expires.
@Suite struct SecondarySecretExpiryTests {
    /// Three secondary secrets: one expiring ten minutes after the harness's start, one in 2030 and
    /// one whose expiry is not a date-time.
    static let body: JSONValue = [
        "clientId": "svc", "name": "Service", "grantTypes": ["CLIENT_CREDENTIALS"],
        "clientAuth": [
            "type": "SECRET", "secret": "current-secret",
            "secondarySecrets": [
                ["secret": "soon-secret", "expiryTime": "2026-01-01T00:10:00.000Z"],
                ["secret": "later-secret", "expiryTime": "2030-06-30T12:00:00.000Z"],
                ["secret": "undated-secret", "expiryTime": "whenever"],
            ],
        ],
    ]

    static func expiries(_ list: JSONValue?) -> [String] {
        (list?.arrayValue ?? []).compactMap { $0["expiryTime"]?.stringValue }
    }

    static let allThree = ["2026-01-01T00:10:00.000Z", "2030-06-30T12:00:00.000Z", "whenever"]
    static let unexpired = ["2030-06-30T12:00:00.000Z", "whenever"]

    @Test func readsLeaveOutExpiredSecrets() {
        let harness = EmulatorHarness()
        let created = harness.create(Self.body)
        #expect(Self.expiries(created["clientAuth"]?["secondarySecrets"]) == Self.allThree)
        harness.advance(milliseconds: 10 * 60_000 - 1)
        #expect(Self.expiries(harness.send("GET", "/oauth/clients/svc")["clientAuth"]?["secondarySecrets"]) == Self.allThree)
        harness.advance(milliseconds: 1)
        #expect(Self.expiries(harness.send("GET", "/oauth/clients/svc")["clientAuth"]?["secondarySecrets"]) == Self.unexpired)
        let listed = harness.send("GET", "/oauth/clients")["items"]?.arrayValue?.first
        #expect(Self.expiries(listed?["clientAuth"]?["secondarySecrets"]) == Self.unexpired)
        let secret = harness.send("GET", "/oauth/clients/svc/clientAuth/clientSecret")
        #expect(Self.expiries(secret["secondarySecrets"]) == Self.unexpired)
        #expect(harness.api.state.clients["svc"]?.secondarySecrets.count == 3, "a read changes nothing")
    }

    @Test func aWriteDropsExpiredSecretsFromTheStore() {
        let harness = EmulatorHarness()
        harness.create(Self.body)
        harness.advance(milliseconds: 10 * 60_000)
        let edited = Sample.with(Self.body, "clientAuth", ["type": "SECRET", "secret": "current-secret"])
        let reply = harness.send("PUT", "/oauth/clients/svc", body: edited)
        #expect(reply.status == 200)
        #expect(Self.expiries(reply["clientAuth"]?["secondarySecrets"]) == Self.unexpired)
        #expect(harness.api.state.clients["svc"]?.secondarySecrets.map(\.secret) == ["later-secret", "undated-secret"])
    }

    @Test func aPublicClientWhoseOnlySecondaryExpiredShowsNone() {
        let harness = EmulatorHarness()
        let body: JSONValue = [
            "clientId": "svc", "name": "Public", "grantTypes": ["AUTHORIZATION_CODE"],
            "redirectUris": ["https://app.example.com/cb"],
            "clientAuth": ["type": "NONE", "secondarySecrets": [["secret": "soon-secret", "expiryTime": "2026-01-01T00:10:00Z"]]],
        ]
        harness.create(body)
        #expect(harness.send("GET", "/oauth/clients/svc")["clientAuth"]?["secondarySecrets"]?.arrayValue?.count == 1)
        harness.advance(milliseconds: 10 * 60_000)
        let auth = harness.send("GET", "/oauth/clients/svc")["clientAuth"]
        #expect(auth?["type"] == "NONE")
        #expect(auth?["secondarySecrets"] == nil)
    }
}
