import FoundationEssentials
import Glibc
import PFShellCore

/// Runs command lines from any source (a script file, `-c`, piped standard input, the terminal)
/// the same way: expand, parse, run, print, and stop at the first error unless told to keep going.
final class Runner {
    let session: Session
    let environment: [String: String]
    let keepGoing: Bool
    /// The first error's exit status; success until something fails.
    private(set) var status: ExitStatus = .success
    /// The first error reported, for a fan-out's summary.
    private(set) var firstError: String?
    private var depth = 0
    private var savedCacheRevision: Int?
    var quitRequested = false
    /// Set for the golden transcript tests only (`CommandEcho`): each command of the input marks
    /// where its output begins.
    var echo: CommandEcho?

    /// The commit's progress line, when standard error is a terminal and the output is not JSON.
    private let progress: ProgressLine?

    init(session: Session, environment: [String: String], keepGoing: Bool) {
        self.session = session
        self.environment = environment
        self.keepGoing = keepGoing
        let progress = isatty(STDERR_FILENO) == 1 && !session.jsonOutput ? ProgressLine() : nil
        self.progress = progress
        session.commitProgress = progress.map { line in { line.update($0) } }
    }

    /// Whether the caller should stop reading more lines.
    var shouldStop: Bool { quitRequested || (status != .success && !keepGoing) }

    /// Runs a whole script text; `file` names it in diagnostics and anchors relative `source` paths.
    func runScript(text: String, file: String, firstLine: Int = 1, showLocations: Bool = true) {
        var reader = ScriptReader(text: text, file: file, firstLine: firstLine)
        while !shouldStop {
            let line: RawLine?
            do {
                line = try reader.next()
            } catch {
                report(error)
                return
            }
            guard let line else { return }
            if depth == 0 { echo?.command(line) }
            execute(line, showLocations: showLocations)
        }
    }

    /// Feeds one physical line of piped input; runs the logical line once it is complete.
    func feed(_ text: String, to assembler: inout LineAssembler) {
        guard let line = assembler.feed(text) else { return }
        echo?.command(line)
        execute(line, showLocations: true)
    }

    /// At the end of piped input: runs the line left open, or reports why it cannot run.
    func finish(_ assembler: inout LineAssembler) {
        do {
            guard let line = try assembler.finish() else { return }
            echo?.command(line)
            execute(line, showLocations: true)
        } catch {
            report(error)
        }
    }

    /// Runs one logical line through the session's one path for a line, and prints what it did.
    /// - Parameter quiet: drop the command's stdout (the automatic `connect` of a script prints nothing).
    @discardableResult
    func execute(_ raw: RawLine, showLocations: Bool, quiet: Bool = false) -> CommandResult {
        streamOutput(quiet)
        let result = session.run(raw, environment: environment)
        show(result, showLocations: showLocations, quiet: quiet)
        return result
    }

    /// Runs one line of words (pfsh's own arguments, never split again).
    func execute(_ line: PFShellCore.CommandLine, showLocations: Bool, quiet: Bool = false) {
        streamOutput(quiet)
        show(session.run(line), showLocations: showLocations, quiet: quiet)
    }

    /// A long commit prints each client as it is written, unless the command's output is dropped;
    /// on a terminal its progress line steps aside for each.
    private func streamOutput(_ quiet: Bool) {
        guard !quiet else {
            session.streamOutput = nil
            return
        }
        guard let progress else {
            session.streamOutput = { Output.out([$0]) }
            return
        }
        session.streamOutput = { line in
            progress.erase()
            Output.out([line])
            progress.redraw()
        }
    }

    private func show(_ result: CommandResult, showLocations: Bool, quiet: Bool) {
        saveClientIDs()
        if !quiet { Output.out(result.output) }
        let place = showLocations ? result.location : nil
        for warning in result.warnings {
            Output.err(Diagnostic.line(.warning, command: warning.command, warning.message, at: place))
        }
        if let error = result.error { report(error, showLocation: showLocations) }
        switch result.action {
        case .source(let path, let location): source(path, at: location, line: result.location ?? location, showLocations: showLocations)
        case .quit: quitRequested = true
        case nil: break
        }
    }

    private func source(_ path: String, at location: SourceLocation, line: SourceLocation, showLocations: Bool) {
        let resolved = SourcePath.resolve(path, from: location.file)
        guard depth < 16 else {
            let message = "'\(path)' is sourced too deeply (16 levels); is it sourcing itself?"
            report(ShellError(.command, command: "source", message, location: line), showLocation: showLocations)
            return
        }
        guard let text = ScriptFile.text(at: resolved) else {
            report(ShellError(.command, command: "source", "cannot read '\(resolved)'", location: location), showLocation: showLocations)
            return
        }
        depth += 1
        runScript(text: text, file: resolved, showLocations: true)
        depth -= 1
    }

    func report(_ error: ShellError, showLocation: Bool = true) {
        Output.err(Diagnostic.render(error, showLocation: showLocation))
        if firstError == nil { firstError = (error.command.map { "\($0): " } ?? "") + error.message }
        fail(ExitStatus(error.category))
    }

    func report(_ error: ScriptError, showLocation: Bool = true) {
        report(ShellError(script: error), showLocation: showLocation)
    }

    /// The client IDs the user's shell completes, refreshed whenever a listing or a commit taught
    /// the session something (`ClientIDCacheFile`).
    private func saveClientIDs() {
        guard let connection = session.connection, session.cache.revision != savedCacheRevision else { return }
        savedCacheRevision = session.cache.revision
        guard session.cache.isFull || !session.cache.clientIDs.isEmpty else { return }
        ClientIDCacheFile(apiURL: connection.settings.apiURL, user: connection.settings.user, environment: environment)
            .save(session.cache)
    }

    /// Reads a script (or the `-c` commands, in order) whole before any line runs; reports every
    /// problem and says whether it may run. Nothing runs when one is found (exit status 2).
    func preflight(_ texts: [(text: String, file: String, firstLine: Int)]) -> Bool {
        var check = ScriptPreflight(
            variables: Set(session.variables.keys), environment: Set(environment.keys), readFile: ScriptFile.text(at:))
        let problems = texts.flatMap { check.problems(in: $0.text, file: $0.file, firstLine: $0.firstLine) }
        for problem in problems { report(problem) }
        return problems.isEmpty
    }

    /// At the prompt an error is reported and forgotten: the next command runs as usual.
    func resetAfterInteractiveError() {
        status = .success
    }

    func fail(_ exit: ExitStatus) {
        if status == .success { status = exit }
    }

    /// A script must not end with changes that were never committed (`quit` included: nobody is
    /// there to ask). Under `--dry-run` a commit that validated exactly what is staged counts.
    func checkNothingLeftStaged(file: String) {
        let staged = session.changeset.changed
        guard !staged.isEmpty else { return }
        if session.alwaysDryRun && session.dryRunRevision == session.changeset.revision { return }
        // A drift check's script need not commit: what it staged is the difference.
        if session.checksForDifferences {
            Output.out(staged.flatMap { ClientDiff.lines($0) })
            return
        }
        let error = ShellError(
            .command, "the script ended with uncommitted changes; add 'commit' or 'discard --all'",
            location: nil, notes: staged.map(ClientDiff.summary))
        Output.err("\(file): " + Diagnostic.render(error, showLocation: false))
        if firstError == nil { firstError = error.message }
        fail(.failure)
    }
}
