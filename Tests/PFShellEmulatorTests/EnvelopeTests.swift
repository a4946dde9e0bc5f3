import PFShellJSON
import Testing

@testable import PFShellEmulator

/// Credentials, the XSRF header and paths outside the API.
@Suite struct EnvelopeTests {
    @Test func missingCredentialsGive401WithApiResult() {
        let reply = EmulatorHarness().send("GET", "/version", authorization: nil)
        #expect(reply.status == 401)
        #expect(reply["resultId"] == "invalid_credentials")
        #expect(reply["message"] == "The credentials you provided were not recognized.")
        #expect(reply.headers.contains { $0.name == "Content-Type" && $0.value.hasPrefix("application/json") })
    }

    @Test func wrongPasswordGives401() {
        let reply = EmulatorHarness().send("GET", "/version", authorization: "Basic " + "administrator:nope".base64)
        #expect(reply.status == 401)
    }

    @Test func configuredCredentialsAreUsed() {
        let harness = EmulatorHarness(configuration: .init(adminUser: "ops", adminPassword: "pw:with:colons"))
        #expect(harness.send("GET", "/version").status == 401)
        #expect(harness.send("GET", "/version", authorization: "Basic " + "ops:pw:with:colons".base64).status == 200)
    }

    @Test func bearerTokenOnlyWhenConfigured() {
        #expect(EmulatorHarness().send("GET", "/version", authorization: "Bearer t0ken").status == 401)
        let harness = EmulatorHarness(configuration: .init(bearerToken: "t0ken"))
        #expect(harness.send("GET", "/version", authorization: "Bearer t0ken").status == 200)
        #expect(harness.send("GET", "/version", authorization: "Bearer other").status == 401)
    }

    @Test func missingXSRFHeaderIsRefusedAndChangesNothing() {
        let harness = EmulatorHarness()
        let reply = harness.send("POST", "/oauth/clients", body: Sample.minimal, xsrf: false)
        #expect(reply.status == 403)
        #expect(reply["resultId"]?.stringValue != nil)
        #expect(harness.api.state.clients.isEmpty)
    }

    @Test func pathsOutsideTheAPIAreNotFound() {
        let harness = EmulatorHarness()
        let response = harness.api.handle(EmulatorRequest(method: "GET", path: "/pf-admin-api/v2/version"))
        #expect(response.status == 404)
        #expect(harness.send("GET", "/no/such/thing").status == 404)
    }

    @Test func unsupportedMethodIs405() {
        let harness = EmulatorHarness()
        #expect(harness.send("PATCH", "/oauth/clients/x", body: [:]).status == 405)
        #expect(harness.send("POST", "/version", body: [:]).status == 405)
    }
}
