import Foundation
import PFShellHTTP
import PFShellJSON
import PFShellTestSupport
import Testing

/// The interactive shell as a person uses it: Tab, history, Ctrl-C, vi mode. Needs tmux (`RequiredTool`).
@Suite(.serialized, .enabled(if: RequiredTool.runs(TmuxSession.isAvailable), "tmux is not installed"))
struct InteractiveTests {
    let emulator: EmulatorProcess

    init() throws {
        try RequiredTool.require(TmuxSession.isAvailable, "tmux is not installed (scripts/setup.sh installs it)")
        emulator = try EmulatorProcess.start(["--seed", "demo"])
        try createClient("live-client-42")
    }

    /// Creates a client straight through the Admin API, behind the shell's back.
    func createClient(_ id: String) throws {
        let transport = try CurlTransport(
            options: TransportOptions(
                caFile: emulator.caFile,
                credentials: .basic(user: EmulatorProcess.user, password: EmulatorProcess.password)))
        let body: JSONValue = ["clientId": .string(id), "name": "Live", "grantTypes": ["IMPLICIT"]]
        let response = try transport.send(
            HTTPRequest(
                method: .post, url: emulator.adminURL + "/oauth/clients",
                headers: [("X-XSRF-Header", "PingFederate"), ("Content-Type", "application/json")],
                body: Array(JSONPrinter.print(body).utf8)))
        #expect(response.status == 201)
    }

    func prompted(_ shell: TmuxSession) throws {
        let screen = try shell.wait { $0.contains("pfsh administrator@127.0.0.1:") }
        #expect(screen.contains("pfsh administrator@127.0.0.1:"), "no prompt: \(screen)")
    }

    /// Types `text` and Tab, then a mark: tmux drops trailing blanks, so the mark after the cursor
    /// shows the space the completion inserted. Lines longer than the window wrap, so the screen's
    /// rows are compared joined.
    func expectCompletion(
        in shell: TmuxSession, typing text: String, toShow expected: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try shell.type(text, "Tab")
        try shell.type("#")
        let joined = { (screen: String) in screen.replacingOccurrences(of: "\n", with: "") }
        let screen = try shell.wait { joined($0).contains(expected + "#") }
        #expect(joined(screen).contains(expected + "#"), "\(screen)", sourceLocation: sourceLocation)
    }

    @Test func aCommandIsCompletedFromItsPrefix() throws {
        let shell = try TmuxSession(emulator: emulator)
        try prompted(shell)
        try expectCompletion(in: shell, typing: "comm", toShow: "> commit ")
    }

    @Test func severalCandidatesAreListedOnOneTab() throws {
        let shell = try TmuxSession(emulator: emulator)
        try prompted(shell)
        try shell.type("cl", "Tab")
        let screen = try shell.wait { $0.contains("client") && $0.contains("cluster") }
        #expect(screen.split(separator: "\n").contains { $0.contains("client") && $0.contains("cluster") }, "\(screen)")
    }

    @Test func liveClientIDsComeFromTheServer() throws {
        let shell = try TmuxSession(emulator: emulator)
        try prompted(shell)
        try expectCompletion(in: shell, typing: "client show live-cl", toShow: "client show live-client-42 ")
        try shell.type("", "C-u")
        try createClient("later-client-7")
        try shell.type("client list", "Enter")
        try shell.wait { $0.contains("later-client-7") }
        try expectCompletion(in: shell, typing: "client edit later", toShow: "client edit later-client-7 ")
    }

    @Test func aGrantTypeIsCompletedAndAUsedOneLeftOut() throws {
        let shell = try TmuxSession(emulator: emulator)
        try prompted(shell)
        try shell.type("client new tab-test", "Enter")
        try shell.wait { $0.contains("[tab-test]") }
        try expectCompletion(
            in: shell, typing: "grants add authorization-code a", toShow: "grants add authorization-code access-token-validation ")
    }

    @Test func anEnumValueIsCompletedAfterItsField() throws {
        let shell = try TmuxSession(emulator: emulator)
        try prompted(shell)
        try expectCompletion(in: shell, typing: "set refreshRolling DO", toShow: "set refreshRolling DONT_ROLL ")
    }

    @Test func historyIsRecalledAfterARestart() throws {
        let shell = try TmuxSession(emulator: emulator)
        try prompted(shell)
        try shell.type("status", "Enter")
        try shell.wait { $0.contains("cluster:  standalone") }
        try shell.type("quit", "Enter")
        try shell.wait { !$0.contains("pfsh administrator") || $0.contains("[exited]") }
        shell.stop()
        let again = try TmuxSession(emulator: emulator, directory: shell.directory)
        try prompted(again)
        try again.type("", "Up")
        let screen = try again.wait { $0.hasSuffix("> quit\n") || $0.contains("> quit") }
        #expect(screen.contains("> quit"), "\(screen)")
        try again.type("", "Up")
        let older = try again.wait { $0.contains("> status") }
        #expect(older.contains("> status"), "\(older)")
        let history = try String(contentsOfFile: shell.directory.file("state/pfsh/history"), encoding: .utf8)
        #expect(history.contains("status"))
        let mode = try FileManager.default.attributesOfItem(atPath: shell.directory.file("state/pfsh/history"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func ctrlCCancelsTheLineWithoutExiting() throws {
        let shell = try TmuxSession(emulator: emulator)
        try prompted(shell)
        try shell.type("client li", "C-c")
        try shell.type("status", "Enter")
        let screen = try shell.wait { $0.contains("cluster:  standalone") }
        #expect(screen.contains("cluster:  standalone"), "\(screen)")
        #expect(!screen.contains("client listatus"))
    }

    @Test func viModeFromEditrc() throws {
        let shell = try TmuxSession(emulator: emulator, editrc: "bind -v\n")
        try prompted(shell)
        try shell.type("xx status", "Escape")
        try shell.type("0dw")
        try shell.type("", "Enter")
        let screen = try shell.wait { $0.contains("cluster:  standalone") || $0.contains("error:") }
        #expect(screen.contains("cluster:  standalone"), "\(screen)")
    }

    @Test func tabCompletesInViInsertMode() throws {
        let shell = try TmuxSession(emulator: emulator, editrc: "bind -v\n")
        try prompted(shell)
        try expectCompletion(in: shell, typing: "comm", toShow: "> commit ")
    }

    @Test func anEnumValueTypedInLowerCaseIsCompleted() throws {
        let shell = try TmuxSession(emulator: emulator)
        try prompted(shell)
        try expectCompletion(in: shell, typing: "set refreshRolling dont", toShow: "set refreshRolling DONT_ROLL ")
    }

    @Test func manyCandidatesAskBeforeTheyAreListed() throws {
        for index in 0..<120 { try createClient(String(format: "bulk-%03d", index)) }
        let shell = try TmuxSession(emulator: emulator)
        try prompted(shell)
        try shell.type("client show bulk-", "Tab")
        var screen = try shell.wait { $0.contains("possibilities? (y or n)") }
        #expect(screen.contains("display all 120 possibilities? (y or n)"), "\(screen)")
        #expect(!screen.contains("bulk-007"), "\(screen)")
        try shell.type("n")
        try shell.type("0#")
        screen = try shell.wait { $0.contains("bulk-0#") }
        #expect(!screen.contains("bulk-007"), "\(screen)")
        try shell.type("", "C-u")
        try shell.type("client show bulk-", "Tab")
        try shell.wait { $0.components(separatedBy: "possibilities? (y or n)").count > 2 }
        try shell.type("y")
        screen = try shell.wait { $0.contains("bulk-119") }
        #expect(screen.contains("bulk-119"), "\(screen)")
    }

    @Test func aClientCreatedElsewhereCompletesAfterAFilteredList() throws {
        let shell = try TmuxSession(emulator: emulator)
        try prompted(shell)
        try createClient("web-elsewhere-9")
        try shell.type("client list web", "Enter")
        try shell.wait { $0.contains("web-elsewhere-9") }
        try expectCompletion(in: shell, typing: "client edit web-else", toShow: "client edit web-elsewhere-9 ")
    }

    @Test func ctrlDWithStagedChangesAsksFirst() throws {
        let shell = try TmuxSession(emulator: emulator)
        try prompted(shell)
        try shell.type("client new leaving-test", "Enter")
        try shell.wait { $0.contains("[leaving-test] +1>") }
        try shell.type("", "C-d")
        var screen = try shell.wait { $0.contains("leave with 1 uncommitted change(s)? [y/N]") }
        #expect(screen.contains("create leaving-test"), "\(screen)")
        try shell.type("n", "Enter")
        try shell.type("status", "Enter")
        screen = try shell.wait { $0.contains("staged:   1 client(s)") }
        #expect(screen.contains("staged:   1 client(s)"), "the shell should still run: \(screen)")
        try shell.type("", "C-d")
        try shell.wait { $0.components(separatedBy: "[y/N]").count > 2 }
        try shell.type("y", "Enter")
        screen = try shell.wait { _ in (try? shell.tmux(["list-sessions"]))?.isEmpty ?? true }
        #expect((try? shell.tmux(["list-sessions"]))?.isEmpty ?? true, "pfsh should have exited")
    }
}
