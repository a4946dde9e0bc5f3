import Foundation
import PFShellHTTP
import PFShellJSON
import PFShellTestSupport
import Testing

/// ThingWorx's secret rotated with `scripts/examples/thingworx-rotate.pfsh` against the emulator,
/// and ThingWorx's side played by authlib: both secrets work during the retention, only the new one
/// after it (the emulator's clock moved past it), and `secret expire-old` ends the old one at once.
/// No secret appears in any output, trace, history, journal or log.
@Suite(.serialized) struct SecretRotationEndToEndTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/client_credentials.py").path
    static let rotateScript = BuiltProducts.packageRoot.appendingPathComponent("scripts/examples/thingworx-rotate.pfsh").path
    static let createScript = BuiltProducts.packageRoot.appendingPathComponent("scripts/examples/thingworx.pfsh").path

    /// What authlib gets with the secret in `variable` (or the settings file's): `token` or `invalid_client`.
    static func token(_ server: TestServer, secret: String? = nil, settings: String? = nil) throws -> String {
        var arguments = [fixture, "--token-url", server.runtimeURL + "/as/token.oauth2", "--client-id", "thingworx", "--ca-file", server.caFile]
        arguments += secret != nil ? ["--secret-env", "ROTATION_TEST_SECRET"] : ["--settings", settings ?? ""]
        // Only PATH: a CA bundle variable of this machine would override the emulator's CA.
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        environment["ROTATION_TEST_SECRET"] = secret
        let result = try ProcessRunner.run(
            "/usr/bin/env", ["python3"] + arguments, environment: .exactly(environment), timeout: 60)
        #expect([0, 2].contains(result.status), "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func settingsSecret(_ path: String) throws -> String {
        let json = try JSONParser.parse(try String(contentsOfFile: path, encoding: .utf8))
        return json["AuthorizationServersSettings"]?["PingFederate"]?["clientSecret"]?.stringValue ?? ""
    }

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    @Test func rotateThenExpireWithoutAnOutage() throws {
        let server = try TestServer(["--seed", "demo", "--test-clock"], dataFile: true)
        defer { server.stop() }
        let settings = server.directory.file("platform-settings.json")
        let secretA = "Twx-Secret-A-" + UUID().uuidString
        let setup = try server.pfsh(
            ["--runtime-url", server.runtimeURL, "-v", "TWX_HOST=twx.example.com:8443", "-v", "TWX_SETTINGS=\(settings)", Self.createScript],
            environment: ["TWX_CLIENT_SECRET": secretA])
        #expect(setup.status == 0, "\(setup.stderr)")
        #expect(try Self.mode(settings) == 0o600, "a new settings file is 0600")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: settings)

        var outputs = [setup.stdout + setup.stderr]
        let rotate = try server.pfsh(["--runtime-url", server.runtimeURL, "-v", "TWX_SETTINGS=\(settings)", Self.rotateScript])
        outputs.append(rotate.stdout + rotate.stderr)
        #expect(rotate.status == 0, "\(rotate.stderr)")
        #expect(rotate.stdout.contains("test: the new secret works"), "\(rotate.stdout)")
        #expect(rotate.stdout.contains("next: restart ThingWorx"))
        let secretB = try Self.settingsSecret(settings)
        #expect(!secretB.isEmpty && secretB != secretA)
        #expect(try Self.mode(settings) == 0o640, "an existing settings file keeps its mode")
        #expect(!FileManager.default.fileExists(atPath: settings + ".pending-secret"))
        let listed = rotate.stdout.split(separator: "\n").filter { $0.hasPrefix("expires ") }
        #expect(listed.count == 1 && listed.first?.wholeMatch(of: /expires \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil, "\(rotate.stdout)")

        // ThingWorx nodes not yet restarted (A) and restarted ones (B) both get tokens.
        #expect(try Self.token(server, secret: secretA) == "token")
        #expect(try Self.token(server, settings: settings) == "token")

        // Past the retention the old secret is refused and the new one works.
        let moved = try server.advanceClock(seconds: 3700)
        #expect(moved.status == 200, "\(String(decoding: moved.response.body, as: UTF8.self))")
        #expect(try Self.token(server, secret: secretA) == "invalid_client")
        #expect(try Self.token(server, settings: settings) == "token")

        // Another rotation, then `secret expire-old` ends the previous secret (B) at once.
        let again = try server.pfsh(["--runtime-url", server.runtimeURL, "-v", "TWX_SETTINGS=\(settings)", "-v", "RETAIN=2h", Self.rotateScript])
        outputs.append(again.stdout + again.stderr)
        #expect(again.status == 0, "\(again.stderr)")
        let secretC = try Self.settingsSecret(settings)
        #expect(secretC != secretB)
        #expect(try Self.token(server, secret: secretB) == "token")
        let expire = try server.pfsh(["-c", "secret expire-old --client thingworx", "-c", "commit", "-c", "secret secondaries --client thingworx"])
        outputs.append(expire.stdout + expire.stderr)
        #expect(expire.status == 0, "\(expire.stderr)")
        #expect(expire.stdout.contains("client 'thingworx': the old secondary secrets are gone; only the current secret works"))
        #expect(expire.stdout.hasSuffix("client 'thingworx' has no secondary secrets\n"))
        #expect(try Self.token(server, secret: secretB) == "invalid_client")
        #expect(try Self.token(server, settings: settings) == "token")

        // No secret in any output, nor in any file pfsh keeps (traces, history, journals, commit log).
        let kept = try Self.filesUnder(server.directory.path).filter { !$0.hasSuffix("state.json") && !$0.contains("platform-settings.json") }
        #expect(kept.contains { $0.hasSuffix("commits.jsonl") }, "\(kept)")
        let texts = outputs + kept.map { (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "" }
        for (name, secret) in [("A", secretA), ("B", secretB), ("C", secretC)] {
            #expect(!texts.contains { $0.contains(secret) }, "secret \(name) was written somewhere")
        }
    }

    /// pfsh killed with SIGKILL once the rotation's PUT reached the server, before it could write the
    /// settings file: the new secret survives in the pending copy (0600) and both secrets work. The
    /// next `thingworx rotate` waits for the interrupted commit; `pfsh --resume` settles it (the
    /// write found applied, its secret read from the pending copy); then `thingworx rotate` finds
    /// the server accepts the pending secret and only writes the settings file.
    @Test func killedAfterTheCommitTheNewSecretIsNotLost() throws {
        // Each request waits 300 ms: the kill lands between the PUT and the read-back after it.
        let server = try TestServer(["--log", "--latency", "300"])
        defer { server.stop() }
        let secretA = "Twx-Secret-A-" + UUID().uuidString
        try server.admin(.post, "/oauth/clients", Clients.secretClient("thingworx", secret: secretA))
        let settings = server.directory.file("platform-settings.json")
        try server.directory.write(
            #"{"AuthorizationServersSettings": {"PingFederate": {"clientId": "thingworx", "clientSecret": "\#(secretA)"}}}"#
                + "\n", to: "platform-settings.json")
        let pending = settings + ".pending-secret"
        let puts = EmulatorProcess.LineCounter(server.emulator, prefix: "PUT /pf-admin-api/v1/oauth/clients/thingworx ")
        let rotate = ["--no-rc", "--runtime-url", server.runtimeURL] + server.connectionArguments
            + ["-c", "thingworx rotate --client thingworx --file \(settings) --retain 1h"]
        let pfsh = try ProcessRunner.start(
            PfshProcess.binary, rotate, environment: .exactly(server.environment), directory: server.directory.path)
        let deadline = Date().addingTimeInterval(30)
        // Two PUTs: the retention, then the new secret.
        while puts.count < 2, pfsh.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.002) }
        pfsh.kill()
        try #require(puts.count == 2, "the rotation never reached the server")

        #expect(try Self.settingsSecret(settings) == secretA, "killed before the settings file was written")
        #expect(try Self.mode(pending) == 0o600)
        let secretB = String(try String(contentsOfFile: pending, encoding: .utf8).split(separator: "\n").first ?? "")
        #expect(!secretB.isEmpty && secretB != secretA)
        #expect(try Self.token(server, secret: secretA) == "token")
        #expect(try Self.token(server, secret: secretB) == "token")

        // When the kill came before pfsh recorded the PUT's answer, the interrupted commit goes first
        // (`resume` reads the secret from the pending copy), then the settings file; otherwise the
        // next run finishes the settings file at once.
        let first = try PfshProcess.run(rotate, environment: server.environment, directory: server.directory.path)
        let waited = first.stderr.contains("an interrupted commit waits on this server")
        #expect(waited ? first.status == 1 : first.status == 0, "\(first.stdout)\n\(first.stderr)")
        let resumed = try PfshProcess.run(
            ["--no-rc", "--resume"] + server.connectionArguments, environment: server.environment, directory: server.directory.path)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try JournalFile.all(in: server.directory.file("state")).isEmpty, "a journal was left")
        let finish = waited ? try PfshProcess.run(rotate, environment: server.environment, directory: server.directory.path) : first
        #expect(finish.status == 0, "\(finish.stderr)")
        #expect(finish.stdout.contains("holds the secret of an interrupted rotation, and the server accepts it: finishing it"))
        #expect(try Self.settingsSecret(settings) == secretB)
        #expect(!FileManager.default.fileExists(atPath: pending))
        #expect(try Self.token(server, secret: secretB) == "token")
        for text in [finish.stdout, finish.stderr, resumed.stdout, resumed.stderr] {
            #expect(!text.contains(secretA) && !text.contains(secretB))
        }
    }

    /// Every regular file under `folder`.
    static func filesUnder(_ folder: String) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [String] = []
        while let name = enumerator?.nextObject() as? String {
            let path = folder + "/" + name
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue { files.append(path) }
        }
        return files
    }
}

extension TestServer {
    /// `POST /emulator/clock`: moves the emulator's clock (started with `--test-clock`).
    func advanceClock(seconds: Int) throws -> AdminClient.Reply {
        let client = try AdminClient(emulator, credentials: .basic(user: EmulatorProcess.user, password: password))
        let root = String(emulator.adminURL.dropLast("/pf-admin-api/v1".count))
        let request = HTTPRequest(
            method: .post, url: root + "/emulator/clock",
            headers: [("Content-Type", "application/json"), ("X-XSRF-Header", "PingFederate")],
            body: Array(#"{"advanceSeconds": \#(seconds)}"#.utf8))
        let response = try client.transport.send(request)
        return AdminClient.Reply(status: response.status, json: try? JSONParser.parse(response.body), response: response)
    }
}
