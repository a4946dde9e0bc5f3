import Foundation
import PFShellHTTP
import PFShellJSON
import PFShellTestSupport
import Testing

/// A long commit on a terminal: its progress line.
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
