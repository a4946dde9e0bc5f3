import PFShellJSON
import Testing

@testable import PFShellEmulator

/// Bodies the server cannot read as a Client: 400 with the field that is wrong.
@Suite struct BadRequestTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let key: String
        let value: JSONValue
        let fieldPath: String
        var testDescription: String { id }
    }

    static let cases: [Case] = [
        Case(id: "unknown grant type", key: "grantTypes", value: ["CLIENT_CREDENTIALS", "FOO"], fieldPath: "grantTypes[1]"),
        Case(id: "enum in a nested object", key: "clientAuth", value: ["type": "PASSWORD"], fieldPath: "clientAuth.type"),
        Case(id: "boolean as string", key: "enabled", value: "yes", fieldPath: "enabled"),
        Case(id: "string as number", key: "name", value: 5, fieldPath: "name"),
        Case(id: "int32 out of range", key: "cibaPollingInterval", value: 3_000_000_000, fieldPath: "cibaPollingInterval"),
        Case(id: "fraction for integer", key: "refreshTokenRollingInterval", value: 1.5, fieldPath: "refreshTokenRollingInterval"),
        Case(id: "duplicate in unique list", key: "grantTypes", value: ["CLIENT_CREDENTIALS", "CLIENT_CREDENTIALS"], fieldPath: "grantTypes[1]"),
        Case(id: "array expected", key: "redirectUris", value: "https://a.example", fieldPath: "redirectUris"),
        Case(id: "object expected", key: "oidcPolicy", value: [], fieldPath: "oidcPolicy"),
        Case(id: "map value shape", key: "extendedParameters", value: ["dept": ["values": "x"]], fieldPath: "extendedParameters.dept.values"),
    ]

    @Test(arguments: cases) func refusedWith400(_ c: Case) {
        let harness = EmulatorHarness()
        let reply = harness.send("POST", "/oauth/clients", body: Sample.with(Sample.minimal, c.key, c.value))
        #expect(reply.status == 400)
        #expect(reply["resultId"] == "invalid_request")
        #expect(reply.fieldPaths == [c.fieldPath])
        #expect(harness.api.state.clients.isEmpty)
    }

    @Test func malformedJSONNamesLineAndColumn() {
        let reply = EmulatorHarness().send("POST", "/oauth/clients", raw: "{\n  \"clientId\": \"x\",\n  oops\n}")
        #expect(reply.status == 400)
        #expect(reply["message"]?.stringValue?.contains("line 3, column 3") == true)
    }

    @Test func emptyAndNonObjectBodies() {
        let harness = EmulatorHarness()
        #expect(harness.send("POST", "/oauth/clients", raw: "").status == 400)
        #expect(harness.send("POST", "/oauth/clients", raw: "[1]").status == 400)
    }

    @Test func unknownPropertiesAreDroppedUnlessStrict() {
        let body = Sample.with(Sample.minimal, "grantType", ["IMPLICIT"])
        let lenient = EmulatorHarness().send("POST", "/oauth/clients", body: body)
        #expect(lenient.status == 201)
        #expect(lenient["grantType"] == nil)
        let strict = EmulatorHarness(configuration: .init(strict: true)).send("POST", "/oauth/clients", body: body)
        #expect(strict.status == 400)
        #expect(strict.json?["validationErrors"]?.arrayValue?.first?["errorId"] == "unrecognized_field")
        #expect(strict.fieldPaths == ["grantType"])
    }

    @Test func strictFindsMisspeltNestedProperties() {
        let body = Sample.with(Sample.minimal, "oidcPolicy", ["idTokenSigningAlgorythm": "RS256"])
        let reply = EmulatorHarness(configuration: .init(strict: true)).send("POST", "/oauth/clients", body: body)
        #expect(reply.fieldPaths == ["oidcPolicy.idTokenSigningAlgorythm"])
    }

    @Test func strictAcceptsBackEverythingItReturns() {
        var state = DemoSeed.state(now: EmulatorHarness.start, random: { Array(repeating: 3, count: $0) })
        state.sealingKey = Array(repeating: 7, count: 32)
        let harness = EmulatorHarness(configuration: .init(strict: true), state: state)
        for id in ["demo-portal", "demo-batch", "demo-mobile"] {
            let got = harness.send("GET", "/oauth/clients/\(id)")
            #expect(got["defaultAccessTokenManagerRef"]?["location"] != nil || id != "demo-portal")
            let put = harness.send("PUT", "/oauth/clients/\(id)", body: got.json)
            #expect(put.status == 200, "\(id): \(put.json.map { JSONPrinter.print($0) } ?? "")")
        }
    }
}
