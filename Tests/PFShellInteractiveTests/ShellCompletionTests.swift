import Foundation
import PFShellHTTP
import PFShellJSON
import PFShellTestSupport
import Testing

/// `completions/` in real bash, zsh and fish, each in tmux with a temporary HOME whose pfshrc
/// defines a profile pointing at an emulator: the shells ask pfsh, which completes as its prompt does.
/// Needs tmux, bash, zsh and fish (`RequiredTool`).
@Suite(.serialized, .enabled(if: RequiredTool.runs(TmuxSession.isAvailable), "tmux is not installed"))
struct ShellCompletionTests {
    enum Shell: String, CaseIterable {
        case bash, zsh, fish
        var path: String { "/usr/bin/\(rawValue)" }
        var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }
    }

    static let completions = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../completions").standardizedFileURL.path

    let emulator: EmulatorProcess

    init() throws {
        try RequiredTool.require(TmuxSession.isAvailable, "tmux is not installed (scripts/setup.sh installs it)")
        emulator = try EmulatorProcess.start(["--seed", "demo"])
        let transport = try CurlTransport(
            options: TransportOptions(caFile: emulator.caFile, credentials: .basic(user: EmulatorProcess.user, password: EmulatorProcess.password)))
        let body: JSONValue = ["clientId": "twx-only-on-server", "name": "ThingWorx", "grantTypes": ["IMPLICIT"]]
        let response = try transport.send(
            HTTPRequest(
                method: .post, url: emulator.adminURL + "/oauth/clients",
                headers: [("X-XSRF-Header", "PingFederate"), ("Content-Type", "application/json")], body: Array(JSONPrinter.print(body).utf8)))
        #expect(response.status == 201)
    }

    /// The shell in tmux, `pfsh` on its PATH, a pfshrc with the profile `emu`, a script in its folder.
    func start(_ shell: Shell) throws -> TmuxSession {
        let directory = try TemporaryDirectory(prefix: "pfsh-\(shell.rawValue)")
        let home = directory.path
        for folder in ["bin", "config/pfsh", "config/fish/completions", "work", "zsh"] {
            try FileManager.default.createDirectory(atPath: directory.file(folder), withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(atPath: directory.file("bin/pfsh"), withDestinationPath: BuiltProducts.path("pfsh"))
        try """
            profile define emu --url \(emulator.hostURL) --ca-file \(emulator.caFile ?? "") --password-env PFSH_TEST_PASSWORD
            profile define other --url https://pf.example.com:9999 --password-env OTHER_PASSWORD
            connect --profile emu
            """.write(toFile: directory.file("config/pfsh/pfshrc"), atomically: true, encoding: .utf8)
        try "status\n".write(toFile: directory.file("work/local-script.pfsh"), atomically: true, encoding: .utf8)
        var environment = [
            "PATH": "\(home)/bin:/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8", "HOME": home,
            "XDG_CONFIG_HOME": "\(home)/config", "XDG_CACHE_HOME": "\(home)/cache", "XDG_STATE_HOME": "\(home)/state",
            "PFSH_TEST_PASSWORD": EmulatorProcess.password,
        ]
        let command: [String]
        switch shell {
        case .bash:
            try """
                PS1='$ '
                [ -f /usr/share/bash-completion/bash_completion ] && . /usr/share/bash-completion/bash_completion
                . \(Self.completions)/pfsh.bash
                cd \(home)/work
                """.write(toFile: directory.file("bashrc"), atomically: true, encoding: .utf8)
            command = [shell.path, "--noprofile", "--rcfile", directory.file("bashrc"), "-i"]
        case .zsh:
            environment["ZDOTDIR"] = directory.file("zsh")
            try """
                PS1='$ '
                fpath=(\(Self.completions) $fpath)
                autoload -Uz compinit && compinit -u -d \(home)/zsh/compdump
                cd \(home)/work
                """.write(toFile: directory.file("zsh/.zshrc"), atomically: true, encoding: .utf8)
            command = [shell.path, "-i"]
        case .fish:
            try FileManager.default.copyItem(atPath: Self.completions + "/pfsh.fish", toPath: directory.file("config/fish/completions/pfsh.fish"))
            try """
                function fish_prompt; echo '$ '; end
                set -g fish_greeting
                cd \(home)/work
                """.write(toFile: directory.file("config/fish/config.fish"), atomically: true, encoding: .utf8)
            command = [shell.path, "-i"]
        }
        let session = try TmuxSession(emulator: emulator, directory: directory, environment: environment, command: command)
        try session.wait { $0.contains("$ ") }
        return session
    }

    /// Types `text` and Tab, then a mark: the mark shows where the cursor was left (after a space
    /// when the completion ended the word).
    func expect(_ shell: TmuxSession, typing text: String, toShow expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try shell.type(text, "Tab")
        // A Tab starts pfsh once; under load that takes longer than a fixed pause. Wait for the
        // completed words, then mark the line's end (a trailing space shows only before a mark).
        let completed = String(expected.reversed().drop { $0 == " " }.reversed())
        _ = try shell.wait(timeout: 10) { $0.contains(completed) }
        Thread.sleep(forTimeInterval: 0.1)
        try shell.type("#")
        let screen = try shell.wait(timeout: 10) { $0.contains(expected + "#") }
        #expect(screen.contains(expected + "#"), "\(screen)", sourceLocation: sourceLocation)
        try shell.type("", "C-c")
        try shell.type("", "C-l")
        try shell.wait { !$0.contains(expected + "#") }
    }

    @Test(arguments: Shell.allCases)
    func theShellCompletesAsThePromptDoes(_ kind: Shell) throws {
        try RequiredTool.require(kind.isInstalled, "\(kind.rawValue) is not installed (scripts/setup.sh installs it)")
        let shell = try start(kind)
        defer { shell.stop() }
        try expect(shell, typing: "pfsh cli", toShow: "pfsh client ")
        try expect(shell, typing: "pfsh --profile emu client show twx-o", toShow: "client show twx-only-on-server ")
        try expect(shell, typing: "pfsh --profile e", toShow: "pfsh --profile emu ")
        try expect(shell, typing: "pfsh set refreshRolling DONT", toShow: "pfsh set refreshRolling DONT_ROLL ")
        try expect(shell, typing: "pfsh source local-", toShow: "pfsh source local-script.pfsh ")
        let cache = try FileManager.default.contentsOfDirectory(atPath: shell.directory.file("cache/pfsh/clients"))
        #expect(cache.count == 1, "the live IDs were cached for the next Tab")
        let mode = try FileManager.default.attributesOfItem(atPath: shell.directory.file("cache/pfsh/clients/" + cache[0]))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
