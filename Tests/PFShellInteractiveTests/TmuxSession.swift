import Foundation
import PFShellTestSupport

/// pfsh in a private tmux server: its own socket and an empty config, a fixed 100×30 window, a
/// temporary HOME with empty history and an empty EDITRC unless a test gives one. Screens are
/// read with capture-pane and polled until they match or a timeout passes.
final class TmuxSession {
    let directory: TemporaryDirectory
    let socket: String
    let name = "pfsh"
    let emulator: EmulatorProcess

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    }

    init(emulator: EmulatorProcess, editrc: String = "", directory: TemporaryDirectory? = nil) throws {
        self.emulator = emulator
        self.directory = try directory ?? TemporaryDirectory(prefix: "pfsh-tmux")
        socket = self.directory.file("tmux.sock")
        try editrc.write(toFile: self.directory.file("editrc"), atomically: true, encoding: .utf8)
        try start()
    }

    /// Another program in the window (a shell), with `environment` and nothing else inherited.
    init(emulator: EmulatorProcess, directory: TemporaryDirectory, environment: [String: String], command: [String]) throws {
        self.emulator = emulator
        self.directory = directory
        socket = directory.file("tmux.sock")
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        try launch(["env", "-i"] + assignments + command)
    }

    /// Starts (or restarts) pfsh in the window; the history file survives in the same HOME.
    func start() throws {
        let home = directory.path
        try launch([
            "env", "-i", "PATH=/usr/bin:/bin", "TERM=xterm", "LANG=C.UTF-8", "HOME=\(home)",
            "XDG_STATE_HOME=\(home)/state", "XDG_CONFIG_HOME=\(home)/config", "EDITRC=\(home)/editrc",
            "PFSH_TEST_PASSWORD=\(EmulatorProcess.password)",
            BuiltProducts.path("pfsh"), "--no-rc", "--url", emulator.hostURL, "--ca-file", emulator.caFile ?? "",
            "--password-env", "PFSH_TEST_PASSWORD",
        ])
    }

    private func launch(_ command: [String]) throws {
        let line = command.map(shellQuoted).joined(separator: " ")
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", line])
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try ProcessRunner.run("/usr/bin/tmux", ["-S", socket] + arguments, timeout: 20)
        return result.stdout
    }

    /// Types text (literally) and then named keys such as `Tab`, `Enter`, `Up`, `C-c`, `Escape`.
    func type(_ text: String, _ keys: String...) throws {
        if !text.isEmpty { try tmux(["send-keys", "-t", name, "-l", text]) }
        for key in keys { try tmux(["send-keys", "-t", name, key]) }
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// The screen with the lines scrolled off above it.
    func scrollback() throws -> String {
        try tmux(["capture-pane", "-p", "-S", "-2000", "-t", name])
    }

    /// Polls the screen (or, with `scrollback`, the lines above it too) until `match` holds;
    /// returns the last screen either way.
    @discardableResult
    func wait(timeout: TimeInterval = 10, scrollback: Bool = false, for match: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try scrollback ? self.scrollback() : screen()
            if match(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return last
    }

    /// The last non-empty line of the screen (where the prompt and the line being edited are).
    func currentLine() throws -> String {
        try screen().split(separator: "\n").last.map(String.init) ?? ""
    }

    func stop() {
        _ = try? tmux(["kill-server"])
    }

    deinit {
        stop()
    }
}

func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
