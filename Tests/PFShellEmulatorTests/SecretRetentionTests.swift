import PFShellJSON
import Testing

@testable import PFShellEmulator

/// A secret replaced through the Admin API stays a secondary secret for the retention period: the
/// client's `clientSecretRetentionPeriod` when it overrides the server's, else the server's
/// `authServerSettings.clientSecretRetentionPeriod`.
@Suite struct SecretRetentionTests {
    typealias Secondary = StoredClient.SecondarySecret

    /// A secret client that keeps replaced secrets `minutes` of its own.
    static func overriding(_ minutes: Int64, secret: String = "first-secret", secondaries extra: JSONValue? = nil) -> JSONValue {
        var body = Sample.minimal.objectValue ?? [:]
        body["clientSecretRetentionPeriodType"] = "OVERRIDE_SERVER_DEFAULT"
        body["clientSecretRetentionPeriod"] = .int(minutes)
        var auth: JSONObject = ["type": "SECRET", "secret": .string(secret)]
        auth["secondarySecrets"] = extra
        body["clientAuth"] = .object(auth)
        return .object(body)
    }

    /// `body` with `clientAuth` replaced.
    static func withAuth(_ body: JSONValue, _ auth: JSONValue) -> JSONValue {
        Sample.with(body, "clientAuth", auth)
    }

    /// The harness's time plus `minutes`, as the emulator writes it.
    static func time(plusMinutes minutes: Int64) -> String {
        Timestamp.format(milliseconds: EmulatorHarness.start + minutes * 60_000)
    }

    @Test func theClientsOverrideMovesTheOldSecretWithItsExpiry() throws {
        let harness = EmulatorHarness()
        harness.create(Self.overriding(30))
        harness.advance(milliseconds: 60_000)
        let body = Self.withAuth(Self.overriding(30), ["type": "SECRET", "secret": "second-secret"])
        let reply = harness.send("PUT", "/oauth/clients/svc", body: body)
        #expect(reply.status == 200)
        let stored = try #require(harness.api.state.clients["svc"])
        #expect(stored.secret == "second-secret")
        #expect(stored.secondarySecrets == [Secondary(secret: "first-secret", expiryTime: Self.time(plusMinutes: 31))])
        let shown = reply["clientAuth"]?["secondarySecrets"]?.arrayValue
        #expect(shown?.count == 1)
        #expect(shown?.first?["expiryTime"] == .string("2026-01-01T00:31:00.000Z"))
    }

    @Test func theServerDefaultAppliesWithoutAnOverride() {
        let harness = EmulatorHarness(configuration: .init(clientSecretRetentionPeriod: 60))
        #expect(harness.send("GET", "/oauth/authServerSettings")["clientSecretRetentionPeriod"] == 60)
        harness.create(Sample.minimal)
        let body = Self.withAuth(Sample.minimal, ["type": "SECRET", "secret": "second-secret"])
        #expect(harness.send("PUT", "/oauth/clients/svc", body: body).status == 200)
        #expect(
            harness.api.state.clients["svc"]?.secondarySecrets
                == [Secondary(secret: "first-secret", expiryTime: Self.time(plusMinutes: 60))])
    }

    @Test func anOverrideOfZeroKeepsNoneWhateverTheServerSays() {
        let harness = EmulatorHarness(configuration: .init(clientSecretRetentionPeriod: 60))
        harness.create(Self.overriding(0))
        let body = Self.withAuth(Self.overriding(0), ["type": "SECRET", "secret": "second-secret"])
        #expect(harness.send("PUT", "/oauth/clients/svc", body: body).status == 200)
        #expect(harness.api.state.clients["svc"]?.secondarySecrets == [])
    }

    @Test func withoutRetentionTheOldSecretIsGone() {
        let harness = EmulatorHarness()
        #expect(harness.send("GET", "/oauth/authServerSettings")["clientSecretRetentionPeriod"] == 0)
        harness.create(Sample.minimal)
        let body = Self.withAuth(Sample.minimal, ["type": "SECRET", "secret": "second-secret"])
        let reply = harness.send("PUT", "/oauth/clients/svc", body: body)
        #expect(reply.status == 200)
        #expect(reply["clientAuth"]?["secondarySecrets"] == [])
        #expect(harness.api.state.clients["svc"]?.secondarySecrets == [])
    }

    @Test func theSameSecretAgainRetainsNothing() throws {
        let harness = EmulatorHarness()
        harness.create(Self.overriding(30))
        #expect(harness.send("PUT", "/oauth/clients/svc", body: Self.overriding(30)).status == 200)
        var read = try #require(harness.send("GET", "/oauth/clients/svc").json?.objectValue)
        read["description"] = "the sealed secret echoed"
        #expect(harness.send("PUT", "/oauth/clients/svc", body: .object(read)).status == 200)
        #expect(harness.api.state.clients["svc"]?.secondarySecrets == [])
    }

    @Test func aSecondarySecretMadePrimaryAgainLeavesTheList() throws {
        let harness = EmulatorHarness()
        harness.create(Self.overriding(30))
        let second = Self.withAuth(Self.overriding(30), ["type": "SECRET", "secret": "second-secret"])
        #expect(harness.send("PUT", "/oauth/clients/svc", body: second).status == 200)
        #expect(harness.api.state.clients["svc"]?.secondarySecrets.map(\.secret) == ["first-secret"])
        // Back to the first secret (a rollback): it is the primary now, and the second one is kept.
        #expect(harness.send("PUT", "/oauth/clients/svc", body: Self.overriding(30)).status == 200)
        #expect(harness.api.state.clients["svc"]?.secret == "first-secret")
        #expect(harness.api.state.clients["svc"]?.secondarySecrets.map(\.secret) == ["second-secret"])
    }

    @Test func aPutThatEchoesTheListEndsWithThemAndTheMovedSecret() throws {
        let listed: JSONValue = [["secret": "previous-secret", "expiryTime": "2030-06-30T12:00:00.000Z"]]
        let harness = EmulatorHarness()
        harness.create(Self.overriding(30, secondaries: listed))
        var read = try #require(harness.send("GET", "/oauth/clients/svc").json?.objectValue)
        var auth = try #require(read["clientAuth"]?.objectValue)
        auth["encryptedSecret"] = nil
        auth["secret"] = "second-secret"
        read["clientAuth"] = .object(auth)
        #expect(harness.send("PUT", "/oauth/clients/svc", body: .object(read)).status == 200)
        #expect(
            harness.api.state.clients["svc"]?.secondarySecrets == [
                Secondary(secret: "previous-secret", expiryTime: "2030-06-30T12:00:00.000Z"),
                Secondary(secret: "first-secret", expiryTime: Self.time(plusMinutes: 30)),
            ])
    }

    @Test func aPutWithoutTheListAddsTheMovedSecretToThoseKept() {
        let listed: JSONValue = [["secret": "previous-secret", "expiryTime": "2030-06-30T12:00:00.000Z"]]
        let harness = EmulatorHarness()
        harness.create(Self.overriding(30, secondaries: listed))
        let body = Self.withAuth(Self.overriding(30), ["type": "SECRET", "secret": "second-secret"])
        #expect(harness.send("PUT", "/oauth/clients/svc", body: body).status == 200)
        #expect(harness.api.state.clients["svc"]?.secondarySecrets.map(\.secret) == ["previous-secret", "first-secret"])
    }

    @Test func anOldSecretAlreadyListedIsNotAddedTwice() {
        let harness = EmulatorHarness()
        harness.create(Self.overriding(30))
        let listed: JSONValue = [["secret": "first-secret", "expiryTime": "2030-06-30T12:00:00.000Z"]]
        let body = Self.withAuth(
            Self.overriding(30), ["type": "SECRET", "secret": "second-secret", "secondarySecrets": listed])
        #expect(harness.send("PUT", "/oauth/clients/svc", body: body).status == 200)
        #expect(
            harness.api.state.clients["svc"]?.secondarySecrets
                == [Secondary(secret: "first-secret", expiryTime: "2030-06-30T12:00:00.000Z")])
    }

    @Test func theRetentionOfThePutBodyDecides() {
        let harness = EmulatorHarness()
        harness.create(Sample.minimal)
        let body = Self.withAuth(Self.overriding(15), ["type": "SECRET", "secret": "second-secret"])
        #expect(harness.send("PUT", "/oauth/clients/svc", body: body).status == 200)
        #expect(
            harness.api.state.clients["svc"]?.secondarySecrets
                == [Secondary(secret: "first-secret", expiryTime: Self.time(plusMinutes: 15))])
    }

    @Test func theSecretResourceRetainsTheOldSecretAfterThoseListed() throws {
        let harness = EmulatorHarness()
        harness.create(Self.overriding(45))
        let first = harness.send("PUT", "/oauth/clients/svc/clientAuth/clientSecret", body: ["secret": "second-secret"])
        #expect(first.status == 200)
        #expect(first["secondarySecrets"]?.arrayValue?.first?["expiryTime"] == .string(Self.time(plusMinutes: 45)))
        harness.advance(milliseconds: 5 * 60_000)
        let listed: JSONValue = [["secret": "other-secret", "expiryTime": "2030-06-30T12:00:00.000Z"]]
        let second = harness.send(
            "PUT", "/oauth/clients/svc/clientAuth/clientSecret", body: ["secret": "third-secret", "secondarySecrets": listed])
        #expect(second.status == 200)
        #expect(second["secondarySecrets"]?.arrayValue?.count == 2)
        #expect(
            harness.api.state.clients["svc"]?.secondarySecrets == [
                Secondary(secret: "other-secret", expiryTime: "2030-06-30T12:00:00.000Z"),
                Secondary(secret: "second-secret", expiryTime: Self.time(plusMinutes: 50)),
            ])
    }

    @Test func theSecretResourceFollowsTheServerDefault() {
        let harness = EmulatorHarness(configuration: .init(clientSecretRetentionPeriod: 10))
        harness.create(Sample.minimal)
        let reply = harness.send("PUT", "/oauth/clients/svc/clientAuth/clientSecret", body: ["secret": "second-secret"])
        #expect(reply.status == 200)
        #expect(
            harness.api.state.clients["svc"]?.secondarySecrets
                == [Secondary(secret: "first-secret", expiryTime: Self.time(plusMinutes: 10))])
    }
}
