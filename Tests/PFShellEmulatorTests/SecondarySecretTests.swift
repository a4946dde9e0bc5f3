import PFShellJSON
import Testing

@testable import PFShellEmulator

/// `clientAuth.secondarySecrets`: created through the API, stored, returned sealed, kept by a PUT that
/// echoes them (and, a guess, by one that leaves them out), dropped by an empty list.
@Suite struct SecondarySecretTests {
    static let expiry = "2030-06-30T12:00:00.000Z"

    static let body: JSONValue = [
        "clientId": "svc", "name": "Service", "grantTypes": ["CLIENT_CREDENTIALS"],
        "clientAuth": [
            "type": "SECRET", "secret": "current-secret",
            "secondarySecrets": [["secret": "previous-secret", "expiryTime": .string(expiry)]],
        ],
    ]

    static func auth(_ body: JSONValue, _ auth: JSONValue) -> JSONValue {
        Sample.with(body, "clientAuth", auth)
    }

    @Test func createdWithTheClientAndReturnedSealed() throws {
        let harness = EmulatorHarness()
        let created = harness.create(Self.body)
        let secondaries = try #require(created["clientAuth"]?["secondarySecrets"]?.arrayValue)
        #expect(secondaries.count == 1)
        #expect(secondaries.first?["expiryTime"] == .string(Self.expiry))
        #expect(secondaries.first?["secret"] == nil)
        let sealed = try #require(secondaries.first?["encryptedSecret"]?.stringValue)
        #expect(sealed.hasPrefix("OBF:JWE:") && !sealed.contains("previous-secret"))
        let again = harness.send("GET", "/oauth/clients/svc")["clientAuth"]?["secondarySecrets"]?.arrayValue?.first
        #expect(again?["encryptedSecret"]?.stringValue != sealed, "sealed afresh on every read")
        #expect(
            harness.api.state.clients["svc"]?.secondarySecrets
                == [StoredClient.SecondarySecret(secret: "previous-secret", expiryTime: Self.expiry)])
    }

    @Test func aPutThatEchoesThemKeepsThem() throws {
        let harness = EmulatorHarness()
        harness.create(Self.body)
        let before = harness.api.state.clients["svc"]?.secondarySecrets
        var read = try #require(harness.send("GET", "/oauth/clients/svc").json?.objectValue)
        read["description"] = "edited"
        #expect(harness.send("PUT", "/oauth/clients/svc", body: .object(read)).status == 200)
        #expect(harness.api.state.clients["svc"]?.secondarySecrets == before)
    }

    @Test func aPutWithoutThemKeepsThemAndAnEmptyListDropsThem() {
        let harness = EmulatorHarness()
        harness.create(Self.body)
        let before = harness.api.state.clients["svc"]?.secondarySecrets
        let withoutList = Self.auth(Self.body, ["type": "SECRET", "secret": "current-secret"])
        #expect(harness.send("PUT", "/oauth/clients/svc", body: withoutList).status == 200)
        #expect(harness.api.state.clients["svc"]?.secondarySecrets == before)
        let emptyList = Self.auth(Self.body, ["type": "SECRET", "secret": "current-secret", "secondarySecrets": []])
        #expect(harness.send("PUT", "/oauth/clients/svc", body: emptyList).status == 200)
        #expect(harness.api.state.clients["svc"]?.secondarySecrets == [])
    }

    @Test func theClientSecretResourceSetsThem() {
        let harness = EmulatorHarness()
        harness.create(Sample.minimal)
        let body: JSONValue = ["secret": "new", "secondarySecrets": [["secret": "first-secret", "expiryTime": .string(Self.expiry)]]]
        let reply = harness.send("PUT", "/oauth/clients/svc/clientAuth/clientSecret", body: body)
        #expect(reply.status == 200)
        #expect(reply["secondarySecrets"]?.arrayValue?.count == 1)
        #expect(harness.api.state.clients["svc"]?.secondarySecrets.map(\.secret) == ["first-secret"])
        #expect(harness.send("GET", "/oauth/clients/svc/clientAuth/clientSecret")["secondarySecrets"]?.arrayValue?.count == 1)
    }

    @Test func unusableEntriesAreRefusedWithTheirPlace() {
        let harness = EmulatorHarness()
        let body = Self.auth(
            Self.body,
            [
                "type": "SECRET", "secret": "current-secret",
                "secondarySecrets": [["expiryTime": .string(Self.expiry)], ["secret": ""], ["encryptedSecret": "OBF:JWE:nope"]],
            ])
        let reply = harness.send("POST", "/oauth/clients", body: body)
        #expect(reply.status == 422)
        #expect(
            reply.fieldPaths == [
                "clientAuth.secondarySecrets[0].secret", "clientAuth.secondarySecrets[1].secret",
                "clientAuth.secondarySecrets[2].encryptedSecret",
            ])
        #expect(harness.api.state.clients.isEmpty)
    }

    @Test func theyAreSavedInTheDataFile() throws {
        let harness = EmulatorHarness()
        harness.create(Self.body)
        let state = harness.api.state
        let loaded = try EmulatorState(json: try JSONParser.parse(JSONPrinter.print(state.toJSON())))
        #expect(loaded == state)
        #expect(loaded.clients["svc"]?.secondarySecrets.first?.secret == "previous-secret")
    }
}
