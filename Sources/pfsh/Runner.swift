import FoundationEssentials
import PFShellCore

/// Runs command lines from any source (a script file, `-c`, piped standard input, the terminal)
/// the same way: expand, parse, run, print, and stop at the first error unless told to keep going.
final class Runner {
    let session: Session
    let environment: [String: String]
    let keepGoing: Bool
    /// The first error's exit status; success until something fails.
    private(set) var status: ExitStatus = .success
    private var depth = 0
    private var savedCacheRevision: Int?
    var quitRequested = false
    /// Set for the golden transcript tests only (`CommandEcho`): each command of the input marks
    /// where its output begins.
    var echo: CommandEcho?

    init(session: Session, environment: [String: String], keepGoing: Bool) {
        self.session = session
        self.environment = environment
        self.keepGoing = keepGoing
    }

    /// Whether the caller should stop reading more lines.
    var shouldStop: Bool { quitRequested || (status != .success && !keepGoing) }

    /// Runs a whole script text; `file` names it in diagnostics and anchors relative `source` paths.
    func runScript(text: String, file: String, showLocations: Bool = true) {
        var reader = ScriptReader(text: text, file: file)
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

    /// Expands, parses and runs one logical line.
    /// - Parameter quiet: drop the command's stdout (the automatic `connect` of a script prints nothing).
    func execute(_ raw: RawLine, showLocations: Bool, quiet: Bool = false) {
        let line: PFShellCore.CommandLine
        do {
            line = try Lexer.words(raw, variables: SessionVariables(session: session, environmentValues: environment))
        } catch {
            report(error, showLocation: showLocations)
            return
        }
        execute(line, showLocations: showLocations, quiet: quiet)
    }

    /// Parses and runs one line of words (from the lexer, or from pfsh's own arguments).
    func execute(_ line: PFShellCore.CommandLine, showLocations: Bool, quiet: Bool = false) {
        let invocation: Invocation?
        do {
            invocation = try CommandParser.parse(line)
        } catch {
            report(error, showLocation: showLocations)
            return
        }
        guard let invocation else { return }
        session.streamOutput = quiet ? nil : { Output.out([$0]) }
        let result = session.run(invocation)
        saveClientIDs()
        if !quiet { Output.out(result.output) }
        for warning in result.warnings {
            Output.err(Diagnostic.line(.warning, command: warning.command, warning.message, at: showLocations ? invocation.location : nil))
        }
        if let error = result.error { report(error, showLocation: showLocations) }
        switch result.action {
        case .source(let path): source(path, from: invocation, showLocations: showLocations)
        case .quit: quitRequested = true
        case nil: break
        }
    }

    private func source(_ path: String, from invocation: Invocation, showLocations: Bool) {
        let base = invocation.location.file
        let resolved: String
        if path.hasPrefix("/") || ["-c", "<stdin>", "<terminal>"].contains(base) {
            resolved = path
        } else {
            resolved = FilePaths.join(FilePaths.folder(of: base), path)
        }
        guard depth < 16 else {
            report(invocation.error("'\(path)' is sourced too deeply (16 levels); is it sourcing itself?"), showLocation: showLocations)
            return
        }
        guard let text = ScriptFile.text(at: resolved) else {
            report(invocation.error("cannot read '\(resolved)'", at: invocation.arguments.first), showLocation: showLocations)
            return
        }
        depth += 1
        runScript(text: text, file: resolved, showLocations: true)
        depth -= 1
    }

    func report(_ error: ShellError, showLocation: Bool = true) {
        Output.err(Diagnostic.render(error, showLocation: showLocation))
        fail(ExitStatus(error.category))
    }

    func report(_ error: ScriptError, showLocation: Bool = true) {
        let shellError = ShellError(.usage, error.message, location: error.location)
        report(shellError, showLocation: showLocation)
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
        let error = ShellError(
            .command, "the script ended with uncommitted changes; add 'commit' or 'discard --all'",
            location: nil, notes: staged.map(ClientDiff.summary))
        Output.err("\(file): " + Diagnostic.render(error, showLocation: false))
        fail(.failure)
    }
}
