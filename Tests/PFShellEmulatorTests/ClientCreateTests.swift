import PFShellJSON
import Testing

@testable import PFShellEmulator

@Suite struct ClientCreateTests {
    @Test func createReturns201WithServerFieldsAndDefaults() {
        let harness = EmulatorHarness()
        let reply = harness.create(Sample.minimal)
        #expect(reply["creationDate"] == "2026-01-01T00:00:00.000Z")
        #expect(reply["modificationDate"] == "2026-01-01T00:00:00.000Z")
        #expect(reply["clientSecretChangedTime"] == "2026-01-01T00:00:00.000Z")
        #expect(reply["enabled"] == true)
        #expect(reply["refreshRolling"] == "SERVER_DEFAULT")
        #expect(reply["persistentGrantExpirationType"] == "SERVER_DEFAULT")
        #expect(reply["redirectUris"] == [])
        #expect(reply["oidcPolicy"]?["logoutMode"] == "NONE")
        let auth = reply["clientAuth"]
        #expect(auth?["type"] == "SECRET")
        #expect(auth?["secret"] == nil)
        #expect(auth?["encryptedSecret"]?.stringValue?.hasPrefix("OBF:JWE:") == true)
        #expect(auth?["secondarySecrets"] == [])
    }

    @Test func theThingWorxClientKeepsItsSettings() {
        let reply = EmulatorHarness().create(Sample.thingworx)
        #expect(reply["grantTypes"] == Sample.thingworx["grantTypes"])
        #expect(reply["redirectUris"] == Sample.thingworx["redirectUris"])
        #expect(reply["persistentGrantExpirationType"] == "INDEFINITE_EXPIRY")
        #expect(reply["refreshRolling"] == "ROLL")
        #expect(reply["description"] == "ThingWorx SSO")
    }

    @Test func propertiesComeBackInModelOrder() {
        let reply = EmulatorHarness().create(Sample.thingworx)
        let keys = reply.json?.objectValue?.keys ?? []
        #expect(Array(keys.prefix(4)) == ["clientId", "enabled", "redirectUris", "grantTypes"])
    }

    @Test func duplicateClientIdIs422OnClientId() {
        let harness = EmulatorHarness()
        harness.create(Sample.minimal)
        let before = harness.api.state
        let reply = harness.send("POST", "/oauth/clients", body: Sample.with(Sample.minimal, "name", "Other"))
        #expect(reply.status == 422)
        #expect(reply["resultId"] == "validation_error")
        #expect(reply.fieldPaths == ["clientId"])
        #expect(harness.api.state == before)
    }

    @Test func readOnlyFieldsInTheBodyAreIgnored() {
        let body = Sample.with(
            Sample.with(Sample.minimal, "creationDate", "1999-01-01T00:00:00.000Z"), "replicationStatus", "REPLICATED")
        let reply = EmulatorHarness().create(body)
        #expect(reply["creationDate"] == "2026-01-01T00:00:00.000Z")
        #expect(reply["replicationStatus"] == nil)
    }

    @Test func nothingIsStoredWhenARequestIsRefused() {
        let harness = EmulatorHarness()
        let bad: [JSONValue] = [
            Sample.with(Sample.minimal, "name", nil),
            Sample.with(Sample.minimal, "grantTypes", ["NOT_A_GRANT"]),
        ]
        for body in bad { #expect(harness.send("POST", "/oauth/clients", body: body).status >= 400) }
        #expect(harness.send("POST", "/oauth/clients", raw: "{\"clientId\": \"svc\",").status == 400)
        #expect(harness.api.state.clients.isEmpty)
        #expect(harness.saves.withLock { $0.isEmpty })
        #expect(harness.send("GET", "/oauth/clients/svc").status == 404)
    }

    @Test func savedAfterEveryChangeAndOnlyThen() {
        let harness = EmulatorHarness()
        harness.create(Sample.minimal)
        harness.send("GET", "/oauth/clients/svc")
        harness.send("GET", "/oauth/clients")
        #expect(harness.saves.withLock { $0.count } == 1)
        #expect(harness.saves.withLock { $0.last?.clients["svc"] != nil })
    }

    @Test func aFailedSaveUndoesTheChangeAndAnswers500() {
        let harness = EmulatorHarness()
        harness.failSaves.withLock { $0 = true }
        let reply = harness.send("POST", "/oauth/clients", body: Sample.minimal)
        #expect(reply.status == 500)
        #expect(reply["resultId"]?.stringValue != nil)
        #expect(harness.api.state.clients.isEmpty)
    }
}
