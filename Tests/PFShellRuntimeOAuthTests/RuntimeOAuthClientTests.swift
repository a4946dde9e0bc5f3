import Foundation
import PFShellTestSupport
import Testing

/// The built `pfsh-emulator`'s runtime listener, driven by authlib (Python), an OAuth client library
/// nobody here wrote: clients created through the Admin API get tokens by client credentials and by
/// the authorization-code flow against their registered redirect URI, then refresh, introspect and
/// revoke; and by requests with html.parser, signing the test user on at the login page as a
/// browser would. Over HTTPS the scripts trust only the announced CA file, so the runtime listener is
/// shown to serve the Admin API's certificate.
///
/// Needs python3 with authlib and requests; `scripts/setup.sh` installs them from PyPI.
@Suite(.serialized) struct RuntimeOAuthClientTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let script = fixtures.appendingPathComponent("authlib_client.py").path
    static let loginForm = fixtures.appendingPathComponent("login_form.py").path

    /// authlib takes the code from the authorization endpoint's first answer: the emulator signs the
    /// test user in at once (`--auto-login`); the demo seed defines the scopes it asks for.
    @Test(arguments: [[], ["--http"]])
    func authlibGetsTokensFromClientsCreatedThroughTheAdminAPI(_ flags: [String]) throws {
        try requireAuthlib()
        let emulator = try EmulatorProcess.start(flags + ["--auto-login", "--seed", "demo"])
        defer { emulator.stop() }
        let result = try run(Self.script, against: emulator)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("checks passed"), "\(result.stdout)")
    }

    @Test(arguments: [[], ["--http"]])
    func aBrowserLikeClientSignsOnAtTheLoginPage(_ flags: [String]) throws {
        try requireAuthlib()
        let emulator = try EmulatorProcess.start(flags)
        defer { emulator.stop() }
        let result = try run(Self.loginForm, against: emulator)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("login form: "), "\(result.stdout)")
    }

    @Test func theTestUserIsConfigurable() throws {
        try requireAuthlib()
        let emulator = try EmulatorProcess.start(
            ["--http", "--test-user", "ann", "--test-password-env", "ANN_PASSWORD"], environment: ["ANN_PASSWORD": "Ann-Pw-7"])
        defer { emulator.stop() }
        let result = try run(Self.loginForm, against: emulator, ["--user", "ann", "--password", "Ann-Pw-7"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let joe = try EmulatorProcess.start(["--http"])
        defer { joe.stop() }
        let wrong = try run(Self.loginForm, against: joe, ["--user", "ann", "--password", "Ann-Pw-7"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("the sign-on redirects, not 200"), "\(wrong.stderr)")
    }

    private func run(_ script: String, against emulator: EmulatorProcess, _ extra: [String] = []) throws -> ProcessResult {
        var arguments = [script, "--admin", emulator.adminURL, "--runtime", emulator.runtimeURL]
        if let ca = emulator.caFile { arguments += ["--ca-file", ca] }
        return try ProcessRunner.run("/usr/bin/env", ["python3"] + arguments + extra, timeout: 120)
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
        for word in [
            "--runtime-port", "runtime-url", "/as/token.oauth2", "/as/authorization.oauth2", "joe", "2Federate", "--auto-login",
            "--test-user", "--test-password-env", "THINGWORX",
        ] {
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
