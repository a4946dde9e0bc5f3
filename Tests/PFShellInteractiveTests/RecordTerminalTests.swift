import Foundation
import PFShellTestSupport
import Testing

/// A session recorded at the prompt replays to the same server state on a fresh emulator.
@Suite(.serialized, .enabled(if: RequiredTool.runs(TmuxSession.isAvailable), "tmux is not installed"))
struct RecordTerminalTests {
    @Test func aRecordedSessionReplaysToTheSameStateOnAFreshServer() throws {
        try RequiredTool.require(TmuxSession.isAvailable, "tmux is not installed (scripts/setup.sh installs it)")
        let first = try EmulatorProcess.start([])
        let shell = try TmuxSession(emulator: first)
        let file = shell.directory.file("recorded.pfsh")
        _ = try shell.wait { $0.contains("pfsh administrator@") }
        for line in [
            "record start \(file)", "let CALLBACK https://app.example.com/cb", "client new rec --name 'Recorded app'",
            "grants set authorization-code client-credentials", "redirect add ${CALLBACK}", "secret generate",
            "set description 'first try'", "undo", "client new scratch", "grants set implicit", "discard scratch", "commit",
            "record stop",
        ] {
            try shell.type(line, "Enter")
        }
        let done = try shell.wait(timeout: 20) { $0.contains("recorded into '") }
        #expect(done.contains("committed 1 client(s)"), "\(done)")
        let script = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!script.contains("scratch") && !script.contains("first try"), "\(script)")
        #expect(script.contains("redirect add ${CALLBACK}\nsecret set --env REC_SECRET\ncommit\n"), "\(script)")

        let second = try EmulatorProcess.start([])
        let replay = try Self.pfsh(second, [file], secret: "replayed-secret-0123456789")
        #expect(replay.status == 0, "\(replay.stderr)")
        let original = try Self.pfsh(first, ["client", "export", "rec", "--json"])
        let replayed = try Self.pfsh(second, ["client", "export", "rec", "--json"])
        #expect(!original.stdout.isEmpty && original.stdout == replayed.stdout, "\(original.stdout)\n---\n\(replayed.stdout)")
    }

    static func pfsh(_ emulator: EmulatorProcess, _ arguments: [String], secret: String = "") throws -> ProcessResult {
        let directory = try TemporaryDirectory(prefix: "pfsh-replay")
        return try ProcessRunner.run(
            BuiltProducts.path("pfsh"),
            ["--no-rc", "--url", emulator.hostURL, "--ca-file", emulator.caFile ?? "", "--password-env", "PFSH_TEST_PASSWORD"] + arguments,
            environment: .exactly([
                "PATH": "/usr/bin:/bin", "HOME": directory.path, "XDG_STATE_HOME": directory.file("state"),
                "PFSH_TEST_PASSWORD": EmulatorProcess.password, "REC_SECRET": secret,
            ]), timeout: 60)
    }
}
