import FoundationEssentials
import Glibc
import PFShellCore
import PFShellLineEditor

/// Puts a session together from the command line, runs the start-up file, connects, runs the
/// input, and says how it ended.
final class Launcher {
    let options: ProgramOptions
    var environment = ProcessInfo.processInfo.environment
    var sandbox: Sandbox?
    /// The script's text, read once: checked whole before connecting, then run.
    private var scriptText: String?
    /// After `run`: how many client writes were applied, and the first error.
    private(set) var outcome: (applied: Int, firstError: String?) = (0, nil)

    init(options: ProgramOptions) {
        self.options = options
    }

    enum InputMode {
        case script(path: String)
        case commands([String])
        /// `pfsh [OPTIONS] COMMAND [WORDS...]`.
        case oneShot([String])
        case piped
        case terminal
    }

    var mode: InputMode {
        if case .command(let words) = options.target { return .oneShot(words) }
        if let path = options.check ?? options.script ?? options.scriptFile { return .script(path: path) }
        if !options.commands.isEmpty { return .commands(options.commands) }
        return LineEditor.isTerminal(STDIN_FILENO) ? .terminal : .piped
    }

    func run() -> ExitStatus {
        let mode = self.mode
        if isTerminal(mode) { setlocale(LC_CTYPE, "") }  // libedit reads multibyte input by the locale
        var trace: TraceWriter?
        if let path = options.trace {
            do {
                trace = try TraceWriter(path: path)
            } catch {
                Output.err("pfsh: cannot open the trace file '\(path)'")
                return .usage
            }
        }
        let services = TerminalServices(
            environment: environment, commandsFromStandardInput: isPiped(mode), interactive: canAsk(mode), trace: trace)
        let session = Session(services: services)
        session.alwaysDryRun = options.dryRun || options.check != nil
        session.checksForDifferences = options.check != nil
        session.jsonOutput = options.json
        for assignment in options.assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            session.variables[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        session.recoveryByOptions = !isTerminal(mode)
        session.announcesInterrupted = !options.resume && !options.discardInterrupted && !Self.isRecovery(mode)
        let runner = Runner(session: session, environment: environment, keepGoing: options.keepGoing)
        defer {
            services.finishJournals(keep: session.needsRecovery)
            sandbox?.stop()
        }
        defer { outcome = (session.appliedCount, runner.firstError) }
        runStartupFile(runner)
        if !checkBeforeRunning(mode, runner) { return runner.status }
        if runner.status == .success { connect(runner, services) }
        if options.resume || options.discardInterrupted {
            if runner.status == .success { recover(runner) }
        } else if runner.status == .success || options.keepGoing || isTerminal(mode) {
            runInput(mode, runner, services)
        }
        // A drift check that ran cleanly but left changes staged found differences.
        if options.check != nil && runner.status == .success && session.stagedCount > 0 { return .differences }
        return runner.status
    }

    /// `pfsh resume` and `pfsh discard-interrupted` are themselves the answer to the warning.
    private static func isRecovery(_ mode: InputMode) -> Bool {
        guard case .oneShot(let words) = mode else { return false }
        return ["resume", "discard-interrupted"].contains(words.first ?? "")
    }

    /// `--resume` (resume, then commit what it loaded) or `--discard-interrupted`.
    private func recover(_ runner: Runner) {
        let words = options.resume ? ["resume", "--commit"] : ["discard-interrupted"]
        runner.execute(PFShellCore.CommandLine(arguments: words, file: "pfsh"), showLocations: false)
    }

    /// A script or the `-c` commands are read whole first (`ScriptPreflight`): with a syntax error
    /// or a variable nothing gives, nothing runs and nothing connects. Piped input and the prompt
    /// run line by line as the lines come.
    private func checkBeforeRunning(_ mode: InputMode, _ runner: Runner) -> Bool {
        switch mode {
        case .script(let path):
            guard let text = ScriptFile.text(at: path) else {
                Output.err("pfsh: cannot read the script '\(path)'")
                runner.fail(.usage)
                return false
            }
            scriptText = text
            return runner.preflight([(text, path, 1)])
        case .commands(let commands):
            return runner.preflight(commands.enumerated().map { ($1, "-c", $0 + 1) })
        case .oneShot, .piped, .terminal:
            return true
        }
    }

    private func isPiped(_ mode: InputMode) -> Bool {
        if case .piped = mode { return true }
        return false
    }

    private func isTerminal(_ mode: InputMode) -> Bool {
        if case .terminal = mode { return true }
        return false
    }

    /// Whether a password or secret may be asked for on the terminal: at the prompt, and for a
    /// one-shot command started from a terminal (as kubectl and psql ask).
    private func canAsk(_ mode: InputMode) -> Bool {
        if case .oneShot = mode { return LineEditor.isTerminal(STDIN_FILENO) }
        return isTerminal(mode)
    }

    /// `$XDG_CONFIG_HOME/pfsh/pfshrc` (default `~/.config/pfsh/pfshrc`), a pfsh script run first.
    private func runStartupFile(_ runner: Runner) {
        guard !options.noRC else { return }
        let path = PfshFolders(environment: environment).startupFile
        guard let text = ScriptFile.text(at: path) else { return }
        runner.runScript(text: text, file: path)
    }

    /// `--sandbox`, `--url` or `--profile`, as a `connect` command so it reports like one.
    private func connect(_ runner: Runner, _ services: TerminalServices) {
        var words: [String]
        if options.sandbox {
            let password = services.randomSecret(length: 24)
            do {
                let started = try Sandbox(password: password)
                sandbox = started
                words = ["connect", started.adminURL, "--ca-file", started.caFile, "--password-env", Sandbox.passwordVariable]
                if let runtime = started.runtimeURL { words += ["--runtime-url", runtime] }
                environment[Sandbox.passwordVariable] = password
                services.environment[Sandbox.passwordVariable] = password
            } catch {
                Output.err("pfsh: \(error.message)")
                runner.fail(.connection)
                return
            }
        } else if let url = options.url {
            words = ["connect", url]
        } else if let profile = options.profile {
            words = ["connect", "--profile", profile]
        } else {
            return
        }
        words += options.connectionWords
        runner.execute(PFShellCore.CommandLine(arguments: words, file: "pfsh"), showLocations: false, quiet: !isTerminal(mode))
    }

    private func runInput(_ mode: InputMode, _ runner: Runner, _ services: TerminalServices) {
        runner.echo = CommandEcho(environment: environment)
        defer { runner.echo = nil }
        switch mode {
        case .script(let path):
            guard let text = scriptText else { return }
            runner.runScript(text: text, file: path)
            runner.echo?.endOfInput()
            runner.checkNothingLeftStaged(file: path)
        case .commands(let commands):
            for (index, command) in commands.enumerated() where !runner.shouldStop {
                runner.runScript(text: command, file: "-c", firstLine: index + 1)
            }
            runner.echo?.endOfInput()
            runner.checkNothingLeftStaged(file: "-c")
        case .oneShot(let words):
            OneShotCommand.run(words, commit: options.commit, runner: runner)
        case .piped:
            PipedInput.run(runner)
            runner.echo?.endOfInput()
            runner.checkNothingLeftStaged(file: "<stdin>")
        case .terminal:
            InteractiveLoop(runner: runner, services: services, environment: environment).run()
        }
    }
}
