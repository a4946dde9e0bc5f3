import FoundationEssentials
import Glibc
import PFShellCore
import PFShellLineEditor

/// The terminal session: libedit line editing and history, a prompt that shows where you are,
/// and a question before leaving with uncommitted changes.
final class InteractiveLoop {
    let runner: Runner
    let services: TerminalServices
    let editor: LineEditor
    let filler: CacheFiller
    var session: Session { runner.session }

    init(runner: Runner, services: TerminalServices, environment: [String: String]) {
        self.runner = runner
        self.services = services
        let folder = PfshFolders(environment: environment).state
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let session = runner.session
        session.checksNewIDsAtOnce = true  // someone is there to fix the ID before staging more
        let filler = CacheFiller()
        self.filler = filler
        editor = LineEditor(
            programName: "pfsh", historyFile: FilePaths.join(folder, "history"),
            completion: { line, cursor in
                if let url = session.connection?.settings.apiURL { filler.awaitFirstFill(of: url) }
                session.absorb(filler.take())
                return LineCompletion.complete(line: line, cursor: cursor, session: session)
            })
    }

    /// Before each prompt: collects ended watchdogs, takes what the background fill brought, and
    /// starts a fill when one is due.
    private func refreshCache() {
        services.reapWatchdogs()
        session.absorb(filler.take())
        guard let connection = session.connection, let options = services.port?.transport.options else { return }
        filler.startIfDue(apiURL: connection.settings.apiURL, options: options, cacheRevision: session.cache.revision)
    }

    func run() {
        var lineNumber = 1
        var assembler = LineAssembler(file: "<terminal>")
        while true {
            refreshCache()
            editor.prompt = assembler.needsMore ? "> " : Prompt.text(for: session)
            switch editor.readLine(continuation: assembler.needsMore) {
            case .interrupted:
                assembler = LineAssembler(file: "<terminal>", firstLine: lineNumber)
                continue
            case .endOfInput:
                Output.out([""])
                if confirmLeaving() { return }
                continue
            case .line(let text):
                lineNumber += 1
                guard let line = assembler.feed(text) else { continue }
                let transport = services.port?.transport
                let interrupt = services.interrupt
                interrupt.clear()
                let watcher = InterruptWatcher {
                    interrupt.raise()
                    transport?.cancel()
                }
                let result = runner.execute(line, showLocations: false)
                watcher.stop()
                if HistoryPolicy.shouldRecord(line.text, result: result) { editor.addToHistory(line.text) }
                runner.resetAfterInteractiveError()
                if runner.quitRequested {
                    if confirmLeaving() { return }
                    runner.quitRequested = false
                }
            }
        }
    }

    /// Leaving with staged changes asks first.
    private func confirmLeaving() -> Bool {
        let staged = session.changeset.changed
        guard !staged.isEmpty else { return true }
        Output.out(staged.map(ClientDiff.summary))
        editor.prompt = "leave with \(staged.count) uncommitted change(s)? [y/N] "
        if case .line(let answer) = editor.readLine(), ["y", "yes"].contains(answer.lowercased()) { return true }
        return false
    }
}

/// `pfsh admin@pf.example.com [web] +2> `, or `pfsh> ` when disconnected.
enum Prompt {
    static func text(for session: Session) -> String {
        var parts = ["pfsh"]
        if let connection = session.connection {
            let host = connection.settings.profile ?? ConnectionSettings.hostAndPort(connection.settings.apiURL)
            parts.append("\(connection.settings.user)@\(host)")
        }
        if let selected = session.selected { parts.append("[\(selected)]") }
        if session.stagedCount > 0 { parts.append("+\(session.stagedCount)") }
        if let left = session.confirmationCountdown { parts.append("[confirm in \(left)]") }
        return parts.joined(separator: " ") + "> "
    }
}
