import PFShellJSON
import Testing

@testable import PFShellEmulator

@Suite struct FixtureAndClusterTests {
    let demo = EmulatorHarness(state: DemoSeed.state(now: EmulatorHarness.start, random: { Array(repeating: 9, count: $0) }))

    @Test func version() {
        #expect(EmulatorHarness().send("GET", "/version").json == ["version": "12.1.0.4"])
    }

    @Test func settingsResources() {
        for path in ["/oauth/authServerSettings", "/oauth/clientSettings", "/serverSettings"] {
            let reply = demo.send("GET", path)
            #expect(reply.status == 200, "\(path)")
            #expect(reply.json?.objectValue?.isEmpty == false, "\(path)")
        }
        #expect(demo.send("GET", "/oauth/clientSettings")["clientMetadata"]?.arrayValue?.count == 1)
        #expect(demo.send("GET", "/oauth/authServerSettings")["rollRefreshTokenValues"] == false)
    }

    @Test func tokenManagersAndPolicies() {
        let managers = demo.send("GET", "/oauth/accessTokenManagers")
        #expect(managers["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["default-atm"])
        #expect(demo.send("GET", "/oauth/accessTokenManagers/default-atm")["name"] != nil)
        #expect(demo.send("GET", "/oauth/accessTokenManagers/nope").status == 404)
        #expect(demo.send("GET", "/oauth/openIdConnect/policies")["items"]?.arrayValue?.count == 1)
        #expect(demo.send("GET", "/oauth/openIdConnect/policies/default-oidc")["accessTokenManagerRef"] != nil)
        #expect(demo.send("PUT", "/oauth/accessTokenManagers/default-atm", body: [:]).status == 405)
        #expect(EmulatorHarness().send("GET", "/oauth/accessTokenManagers").json == ["items": []])
    }

    @Test func demoSeedClientsAreValid() {
        let reply = demo.send("GET", "/oauth/clients")
        #expect(reply["items"]?.arrayValue?.count == 3)
        #expect(demo.send("GET", "/oauth/clients/demo-batch")["clientAuth"]?["encryptedSecret"] != nil)
    }

    @Test func clusterEndpointsAre403WhenStandalone() {
        let harness = EmulatorHarness()
        for (method, path) in [("GET", "/cluster/status"), ("POST", "/cluster/replicate")] {
            let reply = harness.send(method, path)
            #expect(reply.status == 403)
            #expect(reply["resultId"]?.stringValue != nil)
        }
    }

    @Test func replicationRequiredFollowsChangesAndReplicates() {
        let harness = EmulatorHarness(configuration: .init(cluster: true))
        #expect(harness.send("GET", "/cluster/status")["replicationRequired"] == false)
        harness.create(Sample.minimal)
        let status = harness.send("GET", "/cluster/status")
        #expect(status["replicationRequired"] == true)
        #expect(status["nodes"]?.arrayValue?.count == 2)
        harness.advance(milliseconds: 10)
        let replicated = harness.send("POST", "/cluster/replicate")
        #expect(replicated.json == ["resultId": "success", "message": "Operation succeeded."])
        let after = harness.send("GET", "/cluster/status")
        #expect(after["replicationRequired"] == false)
        #expect(after["lastReplicationTime"] == "2026-01-01T00:00:00.010Z")
        harness.send("DELETE", "/oauth/clients/svc")
        #expect(harness.send("GET", "/cluster/status")["replicationRequired"] == true)
        #expect(harness.send("GET", "/cluster/replicate").status == 405)
    }
}
