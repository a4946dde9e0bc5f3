import Foundation
import PFShellHTTP
import PFShellJSON
import PFShellTestSupport
import Testing

/// A long commit at the prompt: its progress line, and Ctrl-C in the middle of it.
@Suite(.serialized, .enabled(if: RequiredTool.runs(TmuxSession.isAvailable), "tmux is not installed"))
struct CommitTerminalTests {
    let emulator: EmulatorProcess

    init() throws {
        try RequiredTool.require(TmuxSession.isAvailable, "tmux is not installed (scripts/setup.sh installs it)")
        emulator = try EmulatorProcess.start(["--latency", "100"])
    }

    /// A session with `count` new clients staged from a sourced script.
    func staged(_ count: Int, prefix: String) throws -> TmuxSession {
        let shell = try TmuxSession(emulator: emulator)
        let script = (1...count).map { "client new \(prefix)\($0)\ngrants set implicit\n" }.joined()
        try shell.directory.write(script, to: "stage.pfsh")
        _ = try shell.wait { $0.contains("pfsh administrator@") }
        try shell.type("source \(shell.directory.file("stage.pfsh"))", "Enter")
        _ = try shell.wait { $0.contains("+\(count)>") }
        return shell
    }

    @Test func aLongCommitShowsItsProgressAndErasesItAtTheEnd() throws {
        let shell = try staged(30, prefix: "progress")
        try shell.type("commit", "Enter")
        let during = try shell.wait { $0.contains("/30 clients, ") && $0.contains("/s, about ") }
        #expect(during.contains("/s, about "), "\(during)")
        let after = try shell.wait(timeout: 30) { $0.contains("committed 30 client(s)") }
        #expect(after.contains("created progress30"))
        #expect(!after.contains("/30 clients"), "the progress line was left: \(after)")
    }

    @Test func ctrlCMidCommitStopsSettlingTheWriteInFlightAndKeepsTheRestStaged() throws {
        let shell = try staged(40, prefix: "stop")
        try shell.type("commit", "Enter")
        _ = try shell.wait { $0.contains("created stop3") }
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
