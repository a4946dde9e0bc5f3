import Foundation
import PFShellHTTP
import PFShellJSON
import PFShellTestSupport
import Testing

/// `--data FILE`: state survives a restart, a crash never leaves a torn file, a damaged file is refused.
@Suite(.serialized) struct EmulatorPersistenceTests {
    @Test func stateSurvivesARestartSecretsIncluded() throws {
        let directory = try TemporaryDirectory()
        let data = directory.file("state.json")
        let first = try EmulatorProcess.start(["--data", data])
        let client = try AdminClient(first)
        let created = try client.call(.post, "/oauth/clients", Clients.secretClient("kept", secret: "Kept-Secret-1"))
        #expect(created.status == 201)
        let sealed = try client.call(.get, "/oauth/clients/kept").json
        #expect(first.stop() == 0)

        var attributes = try FileManager.default.attributesOfItem(atPath: data)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let second = try EmulatorProcess.start(["--data", data])
        defer { second.stop() }
        let again = try AdminClient(second)
        let reloaded = try again.call(.get, "/oauth/clients/kept")
        #expect(reloaded.status == 200)
        #expect(reloaded["creationDate"] == created["creationDate"])
        // An encryptedSecret read before the restart still opens: the PUT keeps the secret.
        let put = try again.call(.put, "/oauth/clients/kept", sealed)
        #expect(put.status == 200)
        #expect(put["clientSecretChangedTime"] == created["clientSecretChangedTime"])
        attributes = try FileManager.default.attributesOfItem(atPath: data)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(!(try String(contentsOfFile: data, encoding: .utf8)).isEmpty)
    }

    /// A change is in the data file before its answer is sent: a kill -9 the moment the answer comes
    /// loses nothing. (A kill of the process leaves the page cache, so this holds even without the
    /// flush to disk, which is there for a power loss.)
    @Test func anAnsweredChangeSurvivesAKillAtOnce() throws {
        let directory = try TemporaryDirectory()
        let data = directory.file("state.json")
        let first = try EmulatorProcess.start(["--data", data, "--http"])
        let client = try AdminClient(first)
        #expect(try client.call(.post, "/oauth/clients", Clients.secretClient("answered")).status == 201)
        first.kill()
        let second = try EmulatorProcess.start(["--data", data, "--http"])
        defer { second.stop() }
        #expect(try AdminClient(second).call(.get, "/oauth/clients/answered").status == 200)
    }

    @Test func aSeedAppliesOnlyToANewDataFile() throws {
        let directory = try TemporaryDirectory()
        let data = directory.file("state.json")
        let first = try EmulatorProcess.start(["--data", data, "--seed", "demo"])
        try AdminClient(first).call(.delete, "/oauth/clients/demo-batch")
        first.stop()
        let second = try EmulatorProcess.start(["--data", data, "--seed", "demo"])
        defer { second.stop() }
        #expect(try AdminClient(second).call(.get, "/oauth/clients")["items"]?.arrayValue?.count == 2)
    }

    /// Kills the emulator in the middle of a write, while it is storing client after client: the file
    /// must still load, with the clients it held.
    @Test(arguments: [40, 120, 250]) func aCrashMidWriteNeverLeavesATornFile(afterMilliseconds: Int) throws {
        let directory = try TemporaryDirectory()
        let data = directory.file("state.json")
        let emulator = try EmulatorProcess.start(["--data", data, "--http"])
        let url = emulator.adminURL
        let writer = Thread {
            guard let client = try? CurlTransport(options: TransportOptions(credentials: .basic(user: "administrator", password: "2FederateM0re"))) else { return }
            for index in 0..<2_000 {
                let body = Array(JSONPrinter.print(Clients.secretClient("bulk-\(index)")).utf8)
                let request = HTTPRequest(
                    method: .post, url: url + "/oauth/clients",
                    headers: [("X-XSRF-Header", "x"), ("Content-Type", "application/json")], body: body)
                if (try? client.send(request)) == nil { return }
            }
        }
        writer.start()
        Thread.sleep(forTimeInterval: Double(afterMilliseconds) / 1000)
        let caught = Self.stopMidWrite(emulator, temporaryFiles: { Self.temporaryFiles(directory, of: "state.json") })
        emulator.kill()
        writer.cancel()
        #expect(caught, "no write was in flight when the emulator was killed")
        #expect(!Self.temporaryFiles(directory, of: "state.json").isEmpty)
        let parsed = try JSONParser.parse(try String(contentsOfFile: data, encoding: .utf8))
        let stored = try #require(parsed["clients"]?.arrayValue?.count)
        let restarted = try EmulatorProcess.start(["--data", data, "--http"])
        defer { restarted.stop() }
        let listed = try AdminClient(restarted).call(.get, "/oauth/clients")["items"]?.arrayValue?.count
        #expect(listed == stored)
    }

    /// Stops the emulator (SIGSTOP) as soon as a temporary data file shows, and reports whether one is
    /// still there once it is stopped: then a write was in flight and the kill that follows lands in
    /// it. If the write finished meanwhile the emulator goes on (SIGCONT) and the watch starts again.
    /// False when no write is caught within 20 seconds.
    private static func stopMidWrite(_ emulator: EmulatorProcess, temporaryFiles: () -> [String]) -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, emulator.process.isRunning {
            guard !temporaryFiles().isEmpty else {
                usleep(200)
                continue
            }
            emulator.process.signal(SIGSTOP)
            // A stop takes effect when a thread next returns from the kernel: give any call under way
            // (a flush, the rename) time to end before looking again.
            usleep(50_000)
            if !temporaryFiles().isEmpty { return true }
            emulator.process.signal(SIGCONT)
        }
        return false
    }

    private static func temporaryFiles(_ directory: TemporaryDirectory, of name: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasPrefix(".\(name).tmp-") }
    }

    /// A create is in the data file by the time its answer comes; reads and token requests leave the
    /// file alone. Every save renames a new file over it, so after a write the name would no longer
    /// be a link to the file as it was (kept alive by a second link, its inode cannot be reused).
    @Test func aCreateIsOnDiskBeforeItsAnswerAndReadsWriteNothing() throws {
        let directory = try TemporaryDirectory()
        let data = directory.file("state.json")
        let emulator = try EmulatorProcess.start(["--data", data, "--http"])
        defer { emulator.stop() }
        let admin = try AdminClient(emulator)
        #expect(try admin.call(.post, "/oauth/clients", Clients.secretClient("kept", secret: "Kept-Secret-1")).status == 201)
        let stored = try JSONParser.parse(try String(contentsOfFile: data, encoding: .utf8))
        #expect(stored["clients"]?.arrayValue?.first?["fields"]?["clientId"] == "kept")

        let witness = directory.file("state-before-reads.json")
        try FileManager.default.linkItem(atPath: data, toPath: witness)
        for path in ["/oauth/clients", "/oauth/clients/kept", "/oauth/clients/kept/clientAuth/clientSecret", "/version"] {
            #expect(try admin.call(.get, path).status == 200)
        }
        let runtime = try CurlTransport(options: TransportOptions())
        let token = try runtime.send(
            HTTPRequest(
                method: .post, url: emulator.runtimeURL + "/as/token.oauth2",
                headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Array("grant_type=client_credentials&client_id=kept&client_secret=Kept-Secret-1".utf8)))
        #expect(token.status == 200)
        #expect(try Self.inode(data) == Self.inode(witness))
    }

    private static func inode(_ path: String) throws -> String {
        "\(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] ?? "none")"
    }

    @Test func aDamagedDataFileIsRefusedAndLeftAlone() throws {
        let directory = try TemporaryDirectory()
        let data = directory.file("state.json")
        let damaged = "{\n  \"format\": \"pfsh-emulator-state\",\n  \"clients\": [\n"
        try damaged.write(toFile: data, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(BuiltProducts.path("pfsh-emulator"), ["--port", "0", "--data", data])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("pfsh-emulator: "))
        #expect(result.stderr.contains(data))
        #expect(result.stderr.contains("4:1") || result.stderr.contains("line 4"))
        #expect(try String(contentsOfFile: data, encoding: .utf8) == damaged)
    }
}
