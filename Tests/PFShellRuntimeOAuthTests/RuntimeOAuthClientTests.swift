import Foundation
import PFShellTestSupport
import Testing

/// The built `pfsh-emulator`'s runtime listener, driven by authlib (Python), an OAuth client library
/// nobody here wrote: clients created through the Admin API get tokens by client credentials and by
/// the authorization-code flow against their registered redirect URI, then refresh, introspect and
/// revoke. Over HTTPS the script trusts only the announced CA file, so the runtime listener is shown
/// to serve the Admin API's certificate.
///
/// Needs python3 with authlib and requests; `scripts/setup.sh` installs them from PyPI.
@Suite(.serialized) struct RuntimeOAuthClientTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/authlib_client.py").path

    /// The demo seed defines the scopes authlib asks for.
    @Test(arguments: [[], ["--http"]])
    func authlibGetsTokensFromClientsCreatedThroughTheAdminAPI(_ flags: [String]) throws {
        try requireAuthlib()
        let emulator = try EmulatorProcess.start(flags + ["--seed", "demo"])
        defer { emulator.stop() }
        var arguments = [Self.script, "--admin", emulator.adminURL, "--runtime", emulator.runtimeURL]
        if let ca = emulator.caFile { arguments += ["--ca-file", ca] }
        let result = try ProcessRunner.run("/usr/bin/env", ["python3"] + arguments, timeout: 120)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("checks passed"), "\(result.stdout)")
    }

    @Test func theRuntimeListenerIsOnItsOwnPortWithTheAdminScheme() throws {
        let https = try EmulatorProcess.start()
        defer { https.stop() }
        #expect(https.runtimeURL.hasPrefix("https://127.0.0.1:"))
        #expect(port(of: https.runtimeURL) != port(of: https.adminURL))
        let http = try EmulatorProcess.start(["--http"])
        defer { http.stop() }
        #expect(http.runtimeURL.hasPrefix("http://127.0.0.1:"))
        let lines = http.standardOutput.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(lines == ["admin-url", "runtime-url", "ready"])
    }

    @Test func aRuntimePortInUseIsAStartupFailureNamingIt() throws {
        let first = try EmulatorProcess.start(["--http"])
        defer { first.stop() }
        let taken = try #require(port(of: first.runtimeURL))
        let result = try ProcessRunner.run(
            BuiltProducts.path("pfsh-emulator"), ["--port", "0", "--runtime-port", taken, "--http"], timeout: 30)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("pfsh-emulator: cannot listen on 127.0.0.1:\(taken)"), "\(result.stderr)")
        #expect(!result.stdout.contains("ready"))
    }

    @Test(arguments: [["--port", "7000", "--runtime-port", "7000"], ["--runtime-port", "70000"], ["--runtime-port", "x"]])
    func badRuntimePortsAreUsageErrors(_ arguments: [String]) throws {
        let result = try ProcessRunner.run(BuiltProducts.path("pfsh-emulator"), arguments, timeout: 30)
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test func helpDocumentsTheRuntimeListener() throws {
        let result = try ProcessRunner.run(BuiltProducts.path("pfsh-emulator"), ["--help"], timeout: 30)
        #expect(result.status == 0)
        for word in ["--runtime-port", "runtime-url", "/as/token.oauth2", "/as/authorization.oauth2", "joe"] {
            #expect(result.stdout.contains(word), "\(word)")
        }
    }

    private func port(of url: String) -> String? {
        url.split(separator: ":").last?.split(separator: "/").first.map(String.init)
    }

    /// Fails with the fix when python3 lacks authlib or requests.
    private func requireAuthlib() throws {
        let probe = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", "import authlib, requests"], timeout: 60)
        try #require(
            probe.status == 0,
            "python3 cannot import authlib and requests: run scripts/setup.sh (\(probe.stderr))")
    }
}
