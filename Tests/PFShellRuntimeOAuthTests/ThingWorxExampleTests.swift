import Foundation
import PFShellTestSupport
import Testing

/// The ThingWorx examples end to end: pfsh creates the client and writes ThingWorx's settings file;
/// a second run changes nothing; then authlib, playing ThingWorx, uses the file to get tokens.
@Suite(.serialized) struct ThingWorxExampleTests {
    static let unrelated = """
        {
          "PlatformSettingsConfig": {
            "BasicSettings": { "BackupStorage": "/ThingworxBackupStorage", "EnableBackup": true }
          }
        }

        """

    struct Example: CustomTestStringConvertible, Sendable {
        let file: String
        let variables: [String]
        let environment: [String: String]
        let redirect: String
        var testDescription: String { file }
    }

    static let examples = [
        Example(
            file: "thingworx.pfsh", variables: ["-v", "TWX_HOST=twx.example.com:8443"],
            environment: ["TWX_CLIENT_SECRET": "Twx-Secret-From-Env-1"],
            redirect: "https://twx.example.com:8443/Thingworx/oauth2_authorization_code_redirect"),
        Example(
            file: "thingworx-ha.pfsh", variables: ["-v", "TWX_LB=twx-lb.example.com"], environment: [:],
            redirect: "https://twx-lb.example.com/Thingworx/oauth2_authorization_code_redirect"),
        Example(
            file: "thingworx-flow.pfsh", variables: ["-v", "TWX_HOST=twx.example.com:8443"], environment: [:],
            redirect: "https://twx.example.com:8443/Thingworx/Oauths/oauth/return"),
    ]

    @Test(arguments: examples) func runsTwiceAndThingWorxCanUseTheResult(_ example: Example) throws {
        // ThingWorx's side takes the code from the first answer (--auto-login) and asks for openid,
        // a scope of the demo seed.
        let emulator = try EmulatorProcess.start(["--strict", "--auto-login", "--seed", "demo"])
        defer { emulator.stop() }
        let directory = try TemporaryDirectory()
        let settings = directory.file("platform-settings.json")
        try Self.unrelated.write(toFile: settings, atomically: true, encoding: .utf8)
        let script = BuiltProducts.packageRoot.appendingPathComponent("scripts/examples/\(example.file)").path
        let arguments = [
            "--no-rc", "--url", emulator.hostURL, "--ca-file", emulator.caFile ?? "", "--password-env", "PFSH_TEST_PW",
            "--runtime-url", emulator.runtimeURL ?? "", "-v", "TWX_SETTINGS=\(settings)",
        ] + example.variables + [script]
        let environment = example.environment.merging(["PFSH_TEST_PW": EmulatorProcess.password]) { $1 }

        let first = try ProcessRunner.run(BuiltProducts.path("pfsh"), arguments, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("committed 1 client(s)"))
        let written = try String(contentsOfFile: settings, encoding: .utf8)
        #expect(written.contains("\"PlatformSettingsConfig\""))
        #expect(written.contains("\"EnableBackup\": true"))
        #expect(!first.stdout.contains(Self.secret(in: written) ?? "no secret"))
        let modified = try FileManager.default.attributesOfItem(atPath: settings)[.modificationDate] as? Date

        let second = try ProcessRunner.run(BuiltProducts.path("pfsh"), arguments, environment: [:].merging(environment) { $1 })
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("nothing to commit"))
        #expect(second.stdout.contains("is up to date"))
        #expect(try String(contentsOfFile: settings, encoding: .utf8) == written)
        #expect(try FileManager.default.attributesOfItem(atPath: settings)[.modificationDate] as? Date == modified)

        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/thingworx_side.py").path
        let thingworx = try ProcessRunner.run(
            "/usr/bin/env",
            ["python3", fixture, "--settings", settings, "--redirect", example.redirect, "--ca-file", emulator.caFile ?? ""],
            timeout: 120)
        #expect(thingworx.status == 0, "\(thingworx.stderr)")
        if example.environment["TWX_CLIENT_SECRET"] != nil {
            #expect(Self.secret(in: written) == "Twx-Secret-From-Env-1")
        }
    }

    static func secret(in text: String) -> String? {
        guard let range = text.range(of: "\"clientSecret\": \"") else { return nil }
        return text[range.upperBound...].split(separator: "\"").first.map(String.init)
    }
}
