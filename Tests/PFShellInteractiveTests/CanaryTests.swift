import Foundation
import PFShellHTTP
import PFShellJSON
import PFShellTestSupport
import Testing

/// A whole session with a recognisable secret (staging, commit, refused lines, a conflict and its
/// rebase, a crash mid-commit and the resume, the trace, the history, the journal): afterwards the
/// canary is in no file pfsh wrote.
@Suite(.serialized, .enabled(if: RequiredTool.runs(TmuxSession.isAvailable), "tmux is not installed"))
struct CanaryTests {
    @Test func theCanaryIsInNoFilePfshWrote() throws {
        try RequiredTool.require(TmuxSession.isAvailable, "tmux is not installed (scripts/setup.sh installs it)")
        let emulator = try EmulatorProcess.start(["--latency", "150"])
        let directory = try TemporaryDirectory(prefix: "pfsh-canary")
        let canary = "CANARY-" + UUID().uuidString
        let home = directory.path
        let environment = [
            "PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8", "HOME": home, "XDG_STATE_HOME": home + "/state",
            "XDG_CONFIG_HOME": home + "/config", "XDG_CACHE_HOME": home + "/cache", "EDITRC": home + "/editrc",
            "PW": EmulatorProcess.password, "CANARY_SECRET": canary,
        ]
        try directory.write("", to: "editrc")
        let connection = ["--no-rc", "--url", emulator.hostURL, "--ca-file", emulator.caFile ?? "", "--password-env", "PW"]
        let shell = try TmuxSession(
            emulator: emulator, directory: directory, environment: environment,
            command: [BuiltProducts.path("pfsh")] + connection + ["--trace", directory.file("trace.jsonl")])
        let run = { (line: String, until: String) throws in
            try shell.type(line, "Enter")
            let screen = try shell.wait(scrollback: true) { $0.contains(until) }
            #expect(screen.contains(until), "\(line): \(screen)")
        }
        _ = try shell.wait { $0.contains("pfsh administrator@") }
        try run("client new canary-web", "[canary-web]")
        try run("grants set client-credentials", "+1>")
        try run("secret set --env CANARY_SECRET", "+1>")
        try run("commit", "committed 1 client(s)")
        try run("secret set \(canary)", "a secret is never given on the command line")
        try run("set clientAuth.secret \(canary)", "holds secret material")
        // A conflict: another administrator renames the client while this session edits it.
        try run("client edit canary-web", "[canary-web]")
        try run("secret set --env CANARY_SECRET", "+1>")
        try Self.rename("canary-web", on: emulator)
        try run("commit", "changed on the server since it was fetched")
        try run("client rebase canary-web", "rebased")
        try run("commit", "committed 1 client(s)")
        shell.stop()
        // A crash in the middle of a commit of clients with the secret staged: pfsh killed once
        // the server has seen three of the creates.
        let script = (1...25).map { "client new canary-\($0)\ngrants set client-credentials\nsecret set --env CANARY_SECRET\n" }
            .joined() + "commit\n"
        try directory.write(script, to: "crash.pfsh")
        let crashing = try ProcessRunner.start(
            BuiltProducts.path("pfsh"), connection + ["--trace", directory.file("trace-crash.jsonl"), directory.file("crash.pfsh")],
            environment: .exactly(environment.filter { $0.key != "TERM" }))
        let deadline = Date().addingTimeInterval(60)
        while try Self.clientIDs(on: emulator).filter({ $0.hasPrefix("canary-") }).count < 3, crashing.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        crashing.kill()
        let resumed = try ProcessRunner.run(
            BuiltProducts.path("pfsh"), connection + ["--resume", "--trace", directory.file("trace-resume.jsonl")],
            environment: .exactly(environment.filter { $0.key != "TERM" }))
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("committed") || resumed.stdout.contains("resumed"), "\(resumed.stdout)")

        let files = Self.regularFiles(under: home)
        #expect(files.contains { $0.hasSuffix("/state/pfsh/history") })
        #expect(files.contains { $0.hasSuffix("trace.jsonl") })
        for file in files {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            #expect(!String(decoding: bytes, as: UTF8.self).contains(canary), "the canary is in \(file)")
        }
        #expect(try Self.clientIDs(on: emulator).filter { $0.hasPrefix("canary-") }.count == 26)
    }

    static func transport(_ emulator: EmulatorProcess) throws -> CurlTransport {
        try CurlTransport(
            options: TransportOptions(
                caFile: emulator.caFile, credentials: .basic(user: EmulatorProcess.user, password: EmulatorProcess.password)))
    }

    static let headers: [(name: String, value: String)] = [("X-XSRF-Header", "PingFederate"), ("Content-Type", "application/json")]

    /// Renames a client through the Admin API, behind the session's back.
    static func rename(_ id: String, on emulator: EmulatorProcess) throws {
        let http = try transport(emulator)
        let url = emulator.adminURL + "/oauth/clients/" + id
        var client = try JSONParser.parse(try http.send(HTTPRequest(method: .get, url: url, headers: headers)).body).objectValue ?? [:]
        client["name"] = "Renamed by another administrator"
        let put = try http.send(HTTPRequest(method: .put, url: url, headers: headers, body: Array(JSONPrinter.print(.object(client)).utf8)))
        #expect(put.status == 200)
    }

    static func clientIDs(on emulator: EmulatorProcess) throws -> [String] {
        let response = try transport(emulator).send(
            HTTPRequest(method: .get, url: emulator.adminURL + "/oauth/clients?numberPerPage=1000", headers: headers))
        return (try JSONParser.parse(response.body)["items"]?.arrayValue ?? []).compactMap { $0["clientId"]?.stringValue }
    }

    static func regularFiles(under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        return walker.compactMap { $0 as? String }.map { folder + "/" + $0 }.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
                && (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
        }
    }
}
