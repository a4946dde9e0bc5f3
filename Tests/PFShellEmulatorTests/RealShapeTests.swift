import PFShellJSON
import PFShellTestSupport
import Testing

@testable import PFShellEmulator

/// Clients in the shape real servers export them: accepted, stored and returned field for field.
@Suite struct RealShapeTests {
    static let clientIDs = RealServerClients.all.compactMap { $0["clientId"]?.stringValue }

    static func fixture(_ id: String) throws -> JSONObject {
        try #require(RealServerClients.all.first { $0["clientId"]?.stringValue == id })
    }

    @Test(arguments: clientIDs) func anExportedClientComesBackWithEveryFieldItWasSent(_ id: String) throws {
        let sent = try Self.fixture(id)
        let harness = EmulatorHarness(configuration: .init(strict: true))
        let created = try #require(harness.create(.object(sent)).json?.objectValue)
        #expect(RealServerClients.changedFields(sent: sent, returned: created) == [])
        let read = try #require(harness.send("GET", "/oauth/clients/\(id)").json?.objectValue)
        #expect(RealServerClients.changedFields(sent: sent, returned: read) == [])
        #expect(read["clientAuth"]?["encryptedSecret"]?.stringValue?.hasPrefix("OBF:JWE:") == true)
        #expect(harness.api.state.clients[id]?.secret == RealServerClients.secret(of: sent))
    }

    @Test(arguments: clientIDs) func whatTheServerReturnedIsAcceptedBackUnchanged(_ id: String) throws {
        let harness = EmulatorHarness(configuration: .init(strict: true))
        harness.create(.object(try Self.fixture(id)))
        let before = harness.api.state.clients[id]
        let read = try #require(harness.send("GET", "/oauth/clients/\(id)").json)
        let put = harness.send("PUT", "/oauth/clients/\(id)", body: read)
        #expect(put.status == 200, "\(put.json.map { JSONPrinter.print($0) } ?? "")")
        #expect(harness.api.state.clients[id]?.fields == before?.fields)
        #expect(harness.api.state.clients[id]?.secret == before?.secret)
    }

    @Test func aSecretSealedByAnotherServerIsRefused() throws {
        var body = try Self.fixture("PingAccess")
        body["clientAuth"] = ["type": "SECRET", "encryptedSecret": "OBF:JWE:eyJhbGciOiJkaXIifQ..sealed-elsewhere"]
        let reply = EmulatorHarness().send("POST", "/oauth/clients", body: .object(body))
        #expect(reply.status == 422)
        #expect(reply.fieldPaths == ["clientAuth.encryptedSecret"])
    }

    // MARK: - Persistent grant times

    @Test func everyClientHasGrantTimesOfZeroDays() {
        let reply = EmulatorHarness().create(Sample.minimal)
        #expect(reply["persistentGrantExpirationType"] == "SERVER_DEFAULT")
        #expect(reply["persistentGrantExpirationTime"] == 0)
        #expect(reply["persistentGrantExpirationTimeUnit"] == "DAYS")
        #expect(reply["persistentGrantIdleTimeoutType"] == "SERVER_DEFAULT")
        #expect(reply["persistentGrantIdleTimeout"] == 0)
        #expect(reply["persistentGrantIdleTimeoutTimeUnit"] == "DAYS")
    }

    @Test(arguments: ["SERVER_DEFAULT", "INDEFINITE_EXPIRY"]) func aTimeWithAnotherTypeIsKept(_ type: String) {
        var body = Sample.minimal.objectValue ?? [:]
        body["persistentGrantExpirationType"] = .string(type)
        body["persistentGrantExpirationTime"] = 5
        body["persistentGrantExpirationTimeUnit"] = "HOURS"
        body["refreshTokenRollingInterval"] = 2
        let reply = EmulatorHarness().create(.object(body))
        #expect(reply["persistentGrantExpirationTime"] == 5)
        #expect(reply["persistentGrantExpirationTimeUnit"] == "HOURS")
        #expect(reply["refreshTokenRollingInterval"] == 2)
    }

    @Test func anOverrideStillNeedsItsTime() {
        var body = Sample.minimal.objectValue ?? [:]
        body["persistentGrantIdleTimeoutType"] = "OVERRIDE_SERVER_DEFAULT"
        let reply = EmulatorHarness().send("POST", "/oauth/clients", body: .object(body))
        #expect(reply.status == 422)
        #expect(reply.fieldPaths == ["persistentGrantIdleTimeout"])
    }

    // MARK: - CIBA

    @Test func cibaFieldsOnlyOnClientsThatUseCIBA() {
        let harness = EmulatorHarness()
        let plain = harness.create(Sample.minimal)
        #expect(plain["cibaDeliveryMode"] == nil)
        #expect(plain["cibaPollingInterval"] == nil)
        let ciba = harness.create(Sample.with(Sample.with(Sample.minimal, "clientId", "ciba"), "grantTypes", ["CIBA"]))
        #expect(ciba["cibaDeliveryMode"] == "POLL")
        #expect(ciba["cibaPollingInterval"] == 3)
    }

    // MARK: - A secret without secret authentication

    @Test func aClientWithoutAuthenticationKeepsItsSecret() throws {
        let harness = EmulatorHarness()
        let body: JSONValue = [
            "clientId": "pub", "name": "Public", "grantTypes": ["IMPLICIT"],
            "clientAuth": ["type": "NONE", "secret": "kept-anyway"],
        ]
        let created = harness.create(body)
        let sealed = try #require(created["clientAuth"]?["encryptedSecret"]?.stringValue)
        #expect(harness.api.state.clients["pub"]?.secret == "kept-anyway")
        let echoed = Sample.with(body, "clientAuth", ["type": "NONE", "encryptedSecret": .string(sealed)])
        #expect(harness.send("PUT", "/oauth/clients/pub", body: echoed).status == 200)
        #expect(harness.api.state.clients["pub"]?.secret == "kept-anyway")
        #expect(harness.send("PUT", "/oauth/clients/pub", body: Sample.with(body, "clientAuth", ["type": "NONE"])).status == 200)
        #expect(harness.api.state.clients["pub"]?.secret == nil)
    }
}
