import PFShellJSON
import Testing

@testable import PFShellEmulator

@Suite struct StateAndFormatTests {
    @Test func stateSurvivesAJSONRoundTrip() throws {
        let harness = EmulatorHarness(configuration: .init(cluster: true))
        harness.create(Sample.thingworx)
        harness.send("POST", "/cluster/replicate")
        let state = harness.api.state
        let text = JSONPrinter.print(state.toJSON(), style: .pretty)
        let loaded = try EmulatorState(json: try JSONParser.parse(text))
        #expect(loaded == state)
        #expect(loaded.clients["twx"]?.secret == "twx-secret")
    }

    @Test func damagedStateIsReported() {
        let cases: [JSONValue] = [
            [:],
            ["format": "pfsh-emulator-state", "version": 99],
            ["format": "pfsh-emulator-state", "version": 1, "sealingKey": "c2hvcnQ="],
        ]
        for value in cases {
            #expect(throws: EmulatorState.FileError.self) { try EmulatorState(json: value) }
        }
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_769_888_214_123, "2026-01-31T19:36:54.123Z"),
        (951_782_400_001, "2000-02-29T00:00:00.001Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
    ])
    func timestamps(_ milliseconds: Int64, _ text: String) {
        #expect(Timestamp.format(milliseconds: milliseconds) == text)
    }

    @Test(arguments: [
        ("https://app.example.com/cb", true), ("https://*.example.com/*", true), ("http://localhost:8080/", true),
        ("https://[::1]:8443/cb", true), ("com.example.app:/oauth2redirect", true), ("myapp://callback", true),
        ("/relative", false), ("https://", false), ("https:///path", false), ("no-scheme", false),
        ("https://a b.example/", false), ("1http://x/", false), ("", false),
    ])
    func redirectURIs(_ uri: String, _ valid: Bool) {
        #expect(URIRules.isAbsoluteURI(uri, wildcards: true) == valid)
    }

    @Test func webURLsRefuseWildcardsAndOtherSchemes() {
        #expect(URIRules.isWebURL("https://cdn.example.com/logo.png"))
        #expect(!URIRules.isWebURL("https://*.example.com/"))
        #expect(!URIRules.isWebURL("ftp://example.com/"))
    }

    @Test func sealedSecretsOpenOnlyWithTheirKey() {
        let sealer = SecretSealer(key: Array(repeating: 1, count: 32))
        let sealed = sealer.seal("s3cret", nonce: Array(repeating: 2, count: 12))
        #expect(sealer.open(sealed) == "s3cret")
        #expect(!sealed.contains("s3cret"))
        #expect(SecretSealer(key: Array(repeating: 3, count: 32)).open(sealed) == nil)
        #expect(sealer.open("OBF:JWE:AAAA") == nil)
    }
}
