import Foundation
import PFShellHTTP
import PFShellJSON
import PFShellTestSupport
import Testing

/// A long commit on a terminal: its progress line, and Ctrl-C in the middle of it.
@Suite(.serialized, .enabled(if: RequiredTool.runs(TmuxSession.isAvailable), "tmux is not installed"))
struct CommitTerminalTests {
    let emulator: EmulatorProcess

    init() throws {
        try RequiredTool.require(TmuxSession.isAvailable, "tmux is not installed (scripts/setup.sh installs it)")
        emulator = try EmulatorProcess.start(["--latency", "100"])
    }

    /// Run through `script`, which gives pfsh a terminal and keeps every byte it wrote there.
    @Test func aLongCommitShowsItsProgressAndErasesItAtTheEnd() throws {
        let directory = try TemporaryDirectory(prefix: "pfsh-progress")
        let script = (1...30).map { "client new progress\($0)\ngrants set implicit\n" }.joined() + "commit\n"
        try directory.write(script, to: "many.pfsh")
        let command = [
            BuiltProducts.path("pfsh"), "--no-rc", "--url", emulator.hostURL, "--ca-file", emulator.caFile ?? "",
            "--password-env", "PFSH_TEST_PASSWORD", directory.file("many.pfsh"),
        ].map(shellQuoted).joined(separator: " ")
        let run = try ProcessRunner.run(
            "/usr/bin/script", ["-qec", command, "/dev/null"],
            environment: .exactly([
                "PATH": "/usr/bin:/bin", "HOME": directory.path, "TERM": "xterm", "XDG_STATE_HOME": directory.file("state"),
                "PFSH_TEST_PASSWORD": EmulatorProcess.password,
            ]), timeout: 120)
        let stream = run.stdout
        #expect(run.status == 0, "\(stream)")
        let erase = "\r\u{1B}[K"
        #expect(stream.contains(erase + "commit: 0/30 clients"), "\(stream)")
        #expect(stream.contains { _ in true } && stream.range(of: #"commit: \d+/30 clients, \d+\.\d/s, about \d+ s left"#, options: .regularExpression) != nil)
        // Erased at the end: after the last drawing of the line comes an erase, then the summary.
        let tail = try #require(stream.range(of: "committed 30 client(s)", options: .backwards))
        let lastDraw = try #require(stream.range(of: "commit: ", options: .backwards, range: stream.startIndex..<tail.lowerBound))
        #expect(stream[lastDraw.upperBound..<tail.lowerBound].contains(erase))
    }

    @Test func ctrlCMidCommitStopsSettlingTheWriteInFlightAndKeepsTheRestStaged() throws {
        let shell = try staged(40, prefix: "stop")
        try shell.type("commit", "Enter")
        let started = try shell.wait { $0.contains("created stop3") }
        try #require(started.contains("created stop3"), "\(started)")
        let pressed = Date()
        try shell.type("", "C-c")
        let screen = try shell.wait(scrollback: true) { $0.contains("cancelled; ") && $0.contains("stop40: not attempted") }
        #expect(Date().timeIntervalSince(pressed) < 2, "Ctrl-C took \(Date().timeIntervalSince(pressed)) s: \(screen)")
        let summary = try #require(screen.split(separator: "\n").first { $0.contains("cancelled; ") })
        let applied = try #require(Int(summary.split(separator: " ").first { Int($0) != nil } ?? ""))
        #expect(summary.hasSuffix("of 40 client(s) applied"), "\(summary)")
        let prompt = try shell.wait { $0.contains("+\(40 - applied)>") }
        #expect(prompt.contains("+\(40 - applied)>"), "\(prompt)")
        let stored = try Self.storedIDs(emulator).filter { $0.hasPrefix("stop") }
        #expect(stored.count == applied)
    }

    @Test func thePromptCountsDownToTheRevertUntilConfirm() throws {
        let shell = try staged(1, prefix: "countdown")
        try shell.type("commit confirmed 1m", "Enter")
        let waiting = try shell.wait { $0.contains("[confirm in ") }
        #expect(waiting.contains("commit 1 is reverted at "), "\(waiting)")
        let countdown = #"\[countdown1\] \[confirm in (1:00|0:[0-5][0-9])\]>\s*$"#
        #expect(try shell.currentLine().range(of: countdown, options: .regularExpression) != nil, "\(waiting)")
        try shell.type("confirm", "Enter")
        let confirmed = try shell.wait { $0.contains("confirmed commit 1 with ") }
        #expect(try shell.currentLine().hasSuffix("[countdown1]>"), "\(confirmed)")
    }

    /// At the terminal `thingworx rotate` shows the change, then asks; "n" changes nothing, "y" rotates.
    @Test func thingworxRotateAsksAfterShowingTheChange() throws {
        let shell = try TmuxSession(emulator: emulator)
        _ = try shell.wait { $0.contains("pfsh administrator@") }
        try shell.directory.write(
            "client new asked --preset thingworx\nthingworx redirect twx.example.com\ncommit\n", to: "asked.pfsh")
        try shell.type("source \(shell.directory.file("asked.pfsh"))", "Enter")
        _ = try shell.wait(timeout: 30) { $0.contains("committed 1 client(s)") }
        let settings = shell.directory.file("platform-settings.json")
        try shell.type("thingworx rotate --file \(settings) --retain 1h", "Enter")
        let asked = try shell.wait(timeout: 30) { $0.contains("and write \(settings)? [y/N]") }
        let diff = try #require(asked.range(of: "~ clientAuth.secret: (rotated"), "\(asked)")
        let question = try #require(asked.range(of: "? [y/N]"))
        #expect(diff.lowerBound < question.lowerBound)
        try shell.type("n", "Enter")
        let declined = try shell.wait { $0.contains("nothing changed") }
        #expect(!FileManager.default.fileExists(atPath: settings), "\(declined)")
        try shell.type("thingworx rotate --file \(settings) --retain 1h", "Enter")
        _ = try shell.wait(timeout: 30) { $0.components(separatedBy: "? [y/N]").count == 3 }
        try shell.type("y", "Enter")
        let done = try shell.wait(timeout: 30) { $0.contains("then, once every node uses the new secret") }
        #expect(done.contains("wrote \(settings) with the new secret (new file, mode 0600)"), "\(done)")
        #expect(FileManager.default.fileExists(atPath: settings))
    }

    /// A session with `count` new clients staged from a sourced script.
    func staged(_ count: Int, prefix: String) throws -> TmuxSession {
        let shell = try TmuxSession(emulator: emulator)
        let script = (1...count).map { "client new \(prefix)\($0)\ngrants set implicit\n" }.joined()
        try shell.directory.write(script, to: "stage.pfsh")
        _ = try shell.wait { $0.contains("pfsh administrator@") }
        try shell.type("source \(shell.directory.file("stage.pfsh"))", "Enter")
        let ready = try shell.wait(timeout: 30) { $0.contains("+\(count)>") }
        try #require(ready.contains("+\(count)>"), "\(ready)")
        return shell
    }

    static func storedIDs(_ emulator: EmulatorProcess) throws -> [String] {
        let transport = try CurlTransport(
            options: TransportOptions(
                caFile: emulator.caFile, credentials: .basic(user: EmulatorProcess.user, password: EmulatorProcess.password)))
        let response = try transport.send(
            HTTPRequest(method: .get, url: emulator.adminURL + "/oauth/clients?numberPerPage=1000", headers: [("X-XSRF-Header", "PingFederate")]))
        let items = try JSONParser.parse(response.body)["items"]?.arrayValue ?? []
        return items.compactMap { $0["clientId"]?.stringValue }
    }
}
