import PFShellJSON
import Testing

@testable import PFShellEmulator

/// Read, full replace, secrets and delete.
@Suite struct ClientLifecycleTests {
    @Test func getUnknownClientIs404WithApiResult() {
        let reply = EmulatorHarness().send("GET", "/oauth/clients/ghost")
        #expect(reply.status == 404)
        #expect(reply["resultId"] == "resource_not_found")
        #expect(reply["message"]?.stringValue?.contains("'ghost'") == true)
    }

    @Test func encryptedSecretDiffersOnEveryRead() {
        let harness = EmulatorHarness()
        harness.create(Sample.minimal)
        let first = harness.send("GET", "/oauth/clients/svc")["clientAuth"]?["encryptedSecret"]
        let second = harness.send("GET", "/oauth/clients/svc")["clientAuth"]?["encryptedSecret"]
        #expect(first != nil && second != nil && first != second)
        #expect(!JSONPrinter.print(harness.send("GET", "/oauth/clients/svc").json ?? nil).contains("first-secret"))
    }

    @Test func putWithEchoedEncryptedSecretKeepsTheSecret() throws {
        let harness = EmulatorHarness()
        harness.create(Sample.minimal)
        harness.advance(milliseconds: 1_234)
        let got = harness.send("GET", "/oauth/clients/svc")
        let body = Sample.with(got.json ?? nil, "description", "changed")
        let put = harness.send("PUT", "/oauth/clients/svc", body: body)
        #expect(put.status == 200)
        #expect(put["description"] == "changed")
        #expect(put["creationDate"] == "2026-01-01T00:00:00.000Z")
        #expect(put["modificationDate"] == "2026-01-01T00:00:01.234Z")
        #expect(put["clientSecretChangedTime"] == "2026-01-01T00:00:00.000Z")
        #expect(harness.api.state.clients["svc"]?.secret == "first-secret")
    }

    @Test func putWithNewSecretChangesItAndMovesTheTime() {
        let harness = EmulatorHarness()
        harness.create(Sample.minimal)
        harness.advance(milliseconds: 5_000)
        let body = Sample.with(Sample.minimal, "clientAuth", ["type": "SECRET", "secret": "second-secret"])
        let put = harness.send("PUT", "/oauth/clients/svc", body: body)
        #expect(put["clientSecretChangedTime"] == "2026-01-01T00:00:05.000Z")
        #expect(harness.api.state.clients["svc"]?.secret == "second-secret")
    }

    @Test func putIsAFullReplace() {
        let harness = EmulatorHarness()
        harness.create(Sample.thingworx)
        let got = harness.send("GET", "/oauth/clients/twx").json ?? nil
        let put = harness.send("PUT", "/oauth/clients/twx", body: Sample.with(Sample.with(got, "description", nil), "refreshRolling", nil))
        #expect(put.status == 200)
        #expect(put["description"] == nil)
        #expect(put["refreshRolling"] == "SERVER_DEFAULT")
    }

    @Test func putWithoutAnySecretOnASecretClientIs422() {
        let harness = EmulatorHarness()
        harness.create(Sample.minimal)
        let body = Sample.with(Sample.minimal, "clientAuth", ["type": "SECRET"])
        let reply = harness.send("PUT", "/oauth/clients/svc", body: body)
        #expect(reply.status == 422)
        #expect(reply.fieldPaths == ["clientAuth.secret"])
        #expect(harness.api.state.clients["svc"]?.secret == "first-secret")
    }

    @Test func thePathIdWinsOverTheBody() {
        let harness = EmulatorHarness()
        harness.create(Sample.minimal)
        let body = Sample.with(Sample.minimal, "clientId", "renamed")
        let put = harness.send("PUT", "/oauth/clients/svc", body: body)
        #expect(put["clientId"] == "svc")
        #expect(harness.api.state.clients.keys.sorted() == ["svc"])
        let noId = harness.send("PUT", "/oauth/clients/svc", body: Sample.with(Sample.minimal, "clientId", nil))
        #expect(noId.status == 200)
    }

    @Test func putUnknownClientIs404() {
        let reply = EmulatorHarness().send("PUT", "/oauth/clients/ghost", body: Sample.minimal)
        #expect(reply.status == 404)
    }

    @Test func deleteThen404() {
        let harness = EmulatorHarness()
        harness.create(Sample.minimal)
        let deleted = harness.send("DELETE", "/oauth/clients/svc")
        #expect(deleted.status == 204)
        #expect(deleted.json == nil)
        #expect(harness.send("GET", "/oauth/clients/svc").status == 404)
        #expect(harness.send("DELETE", "/oauth/clients/svc").status == 404)
    }

    @Test func idsWithEscapedCharactersAreDecoded() {
        let harness = EmulatorHarness()
        harness.create(Sample.with(Sample.minimal, "clientId", "a b/c"))
        #expect(harness.send("GET", "/oauth/clients/a%20b%2Fc").status == 200)
    }

    @Test func clientSecretResource() {
        let harness = EmulatorHarness()
        harness.create(Sample.minimal)
        let got = harness.send("GET", "/oauth/clients/svc/clientAuth/clientSecret")
        #expect(got.status == 200)
        #expect(got["secret"] == nil)
        #expect(got["encryptedSecret"]?.stringValue?.hasPrefix("OBF:JWE:") == true)
        #expect(got["secondarySecrets"] == [])
        harness.advance(milliseconds: 60_000)
        let put = harness.send("PUT", "/oauth/clients/svc/clientAuth/clientSecret", body: ["secret": "rotated"])
        #expect(put.status == 200)
        #expect(put["secret"] == nil)
        #expect(harness.api.state.clients["svc"]?.secret == "rotated")
        #expect(harness.send("GET", "/oauth/clients/svc")["clientSecretChangedTime"] == "2026-01-01T00:01:00.000Z")
        #expect(harness.send("PUT", "/oauth/clients/ghost/clientAuth/clientSecret", body: ["secret": "x"]).status == 404)
        #expect(harness.send("PUT", "/oauth/clients/svc/clientAuth/clientSecret", body: [:]).fieldPaths == ["secret"])
    }

    @Test func clientSecretOfAClientWithoutSecretAuthentication() {
        let harness = EmulatorHarness()
        harness.create(["clientId": "pub", "name": "Public", "grantTypes": ["IMPLICIT"]])
        let got = harness.send("GET", "/oauth/clients/pub/clientAuth/clientSecret")
        #expect(got.json == ["secondarySecrets": []])
        #expect(harness.send("PUT", "/oauth/clients/pub/clientAuth/clientSecret", body: ["secret": "x"]).status == 422)
    }

    @Test func anEncryptedSecretFromAnotherClientCarriesThatSecret() {
        let harness = EmulatorHarness()
        harness.create(Sample.minimal)
        harness.create(Sample.with(Sample.with(Sample.minimal, "clientId", "svc2"), "clientAuth", ["type": "SECRET", "secret": "other"]))
        let sealed = harness.send("GET", "/oauth/clients/svc2")["clientAuth"]?["encryptedSecret"] ?? nil
        let body = Sample.with(Sample.minimal, "clientAuth", ["type": "SECRET", "encryptedSecret": sealed])
        #expect(harness.send("PUT", "/oauth/clients/svc", body: body).status == 200)
        #expect(harness.api.state.clients["svc"]?.secret == "other")
    }
}
