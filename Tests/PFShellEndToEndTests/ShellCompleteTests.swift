import Foundation
import PFShellJSON
import PFShellTestSupport
import Testing

/// `pfsh __complete SHELL -- WORDS...`, the process the completion scripts start on every Tab.
@Suite struct ShellCompleteTests {
    func complete(_ server: TestServer, _ shell: String, _ words: [String], extra: [String: String] = [:]) throws -> PfshResult {
        var environment = server.environment
        environment["XDG_CACHE_HOME"] = server.directory.file("cache")
        for (name, value) in extra { environment[name] = value }
        return try PfshProcess.run(["__complete", shell, "--"] + words, environment: environment, directory: server.directory.path)
    }

    func writeRC(_ server: TestServer, password: String = TestServer.passwordVariable) throws {
        try FileManager.default.createDirectory(atPath: server.directory.file("config/pfsh"), withIntermediateDirectories: true)
        try """
            profile define emu --url \(server.url) --ca-file \(server.caFile) --password-env \(password)
            echo this line must not run
            connect --profile emu
            """.write(toFile: server.directory.file("config/pfsh/pfshrc"), atomically: true, encoding: .utf8)
    }

    @Test func liveIDsComeFromTheServerOnceAndThenFromTheCache() throws {
        let server = try TestServer()
        defer { server.stop() }
        try writeRC(server)
        let first = try complete(server, "zsh", ["--profile", "emu", "client", "show", "demo-"])
        #expect(first.status == 0 && first.stderr.isEmpty)
        #expect(first.stdout.split(separator: "\n") == [
            "demo-batch\tDemo batch job\t1", "demo-mobile\tDemo mobile app\t1", "demo-portal\tDemo portal\t1",
        ])
        let cacheFolder = server.directory.file("cache/pfsh/clients")
        let files = try FileManager.default.contentsOfDirectory(atPath: cacheFolder)
        #expect(files.count == 1)
        let mode = try FileManager.default.attributesOfItem(atPath: cacheFolder + "/" + files[0])[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // A fresh cache answers without the server: stop it and ask again.
        server.stop()
        let cached = try complete(server, "fish", ["--profile", "emu", "client", "edit", "demo-p"])
        #expect(cached.stdout == "demo-portal\tDemo portal\n")
    }

    @Test func withoutAPasswordOnlyCachedIDsAndNoWordOnTheTerminal() throws {
        let server = try TestServer()
        defer { server.stop() }
        try writeRC(server, password: "UNSET_PASSWORD_VARIABLE")
        let result = try complete(server, "bash", ["--profile", "emu", "client", "show", ""])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: server.directory.file("cache/pfsh/clients")))
    }

    @Test func aListingOrACommitRefreshesTheCache() throws {
        let server = try TestServer()
        defer { server.stop() }
        try writeRC(server, password: "UNSET_PASSWORD_VARIABLE")
        var environment = ["XDG_CACHE_HOME": server.directory.file("cache")]
        _ = try server.pfsh(["-c", "client new made-here --name Here", "-c", "grants set implicit", "-c", "commit"], environment: environment)
        var ids = try complete(server, "bash", ["--profile", "emu", "client", "show", ""])
        #expect(ids.stdout == "made-here\t1\n", "a commit adds what it created")
        environment["UNUSED"] = "1"
        _ = try server.pfsh(["-c", "client list"], environment: environment)
        ids = try complete(server, "bash", ["--profile", "emu", "client", "show", ""])
        #expect(ids.stdout.split(separator: "\n").map { $0.split(separator: "\t")[0] } == ["demo-batch", "demo-mobile", "demo-portal", "made-here"])
    }

    @Test func aSlowServerCostsAtMostTheBudget() throws {
        let server = try TestServer()
        defer { server.stop() }
        kill(server.emulator.process.pid, SIGSTOP)  // accepts connections, never answers
        defer { kill(server.emulator.process.pid, SIGCONT) }
        try writeRC(server)
        let start = Date()
        let result = try complete(server, "bash", ["--profile", "emu", "client", "show", ""])
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty)
        #expect(Date().timeIntervalSince(start) < 2, "the request gives up after 300 ms")
    }
}
