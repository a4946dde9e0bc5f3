import PFShellJSON
import Testing

@testable import PFShellEmulator

@Suite struct ClientListTests {
    func harnessWithClients() -> EmulatorHarness {
        let harness = EmulatorHarness()
        for (id, name) in [("web-1", "Portal"), ("batch", "Nightly Batch"), ("web-2", "Shop"), ("api", "Web API")] {
            harness.create(["clientId": .string(id), "name": .string(name), "grantTypes": ["IMPLICIT"]])
        }
        return harness
    }

    func ids(_ reply: EmulatorHarness.Reply) -> [String] {
        (reply["items"]?.arrayValue ?? []).compactMap { $0["clientId"]?.stringValue }
    }

    @Test func listsFullClientsInAnItemsEnvelope() {
        let reply = harnessWithClients().send("GET", "/oauth/clients")
        #expect(reply.status == 200)
        #expect(reply.json?.objectValue?.keys == ["items"])
        #expect(ids(reply) == ["api", "batch", "web-1", "web-2"])
        #expect(reply["items"]?.arrayValue?.first?["creationDate"] != nil)
    }

    @Test func filterMatchesIdOrNameIgnoringCase() {
        let harness = harnessWithClients()
        #expect(ids(harness.send("GET", "/oauth/clients", query: "filter=WEB")) == ["api", "web-1", "web-2"])
        #expect(ids(harness.send("GET", "/oauth/clients", query: "filter=nightly%20b")) == ["batch"])
        #expect(ids(harness.send("GET", "/oauth/clients", query: "filter=nightly+b")) == ["batch"])
        #expect(ids(harness.send("GET", "/oauth/clients", query: "filter=zzz")) == [])
    }

    @Test func pagesCountFromOne() {
        let harness = harnessWithClients()
        #expect(ids(harness.send("GET", "/oauth/clients", query: "numberPerPage=3")) == ["api", "batch", "web-1"])
        #expect(ids(harness.send("GET", "/oauth/clients", query: "numberPerPage=3&page=2")) == ["web-2"])
        #expect(ids(harness.send("GET", "/oauth/clients", query: "numberPerPage=3&page=3")) == [])
        #expect(ids(harness.send("GET", "/oauth/clients", query: "page=2")) == [])
    }

    @Test func badPagingIs422() {
        let harness = harnessWithClients()
        #expect(harness.send("GET", "/oauth/clients", query: "page=0").fieldPaths == ["page"])
        #expect(harness.send("GET", "/oauth/clients", query: "numberPerPage=x").fieldPaths == ["numberPerPage"])
    }
}
