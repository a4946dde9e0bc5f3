/// `record start FILE` … `record stop`: the lines of a session that staged what it committed, as a
/// replayable script. Lines keep their `${NAME}` as typed; a secret typed, piped or generated
/// becomes `secret set --env ID_SECRET`; lines whose changes were undone, discarded or never
/// committed are left out.
public struct SessionRecording: Sendable {
    public let path: String

    private enum Kind: Sendable {
        /// Staged changes to these clients.
        case staging(Set<String>)
        /// `let`: kept with what comes after it.
        case variable
        /// `discard`, recorded only so that `undo` takes back the right line.
        case discard
    }

    /// The script so far: what earlier commits kept, each followed by its `commit` line.
    private(set) var kept: [String] = []
    private var pending: [(line: String, kind: Kind)] = []

    public init(path: String) {
        self.path = path
    }

    mutating func staged(_ line: String, clients: Set<String>) {
        pending.append((line, .staging(clients)))
    }

    mutating func variable(_ line: String) {
        pending.append((line, .variable))
    }

    mutating func discarded() {
        pending.append(("", .discard))
    }

    /// `undo` takes back the last staging command or discard.
    mutating func undone() {
        if let last = pending.lastIndex(where: { if case .variable = $0.kind { false } else { true } }) {
            pending.remove(at: last)
        }
    }

    /// A commit applied `clients`: the lines that staged them (and the `let`s among them) are kept,
    /// then the commit's own line.
    mutating func committed(_ clients: Set<String>, line: String) {
        guard !clients.isEmpty else { return }
        var left: [(line: String, kind: Kind)] = []
        for entry in pending {
            switch entry.kind {
            case .staging(let touched) where !touched.isDisjoint(with: clients): kept.append(entry.line)
            case .variable: kept.append(entry.line)
            case .staging: left.append(entry)
            case .discard: continue
            }
        }
        pending = left
        kept.append(line)
    }

    /// The file's text: a header naming the secrets it needs, then the kept lines.
    public func script(secrets: [String]) -> String {
        var lines = ["# Recorded by pfsh: the commands that staged what was committed."]
        if !secrets.isEmpty { lines.append("# Secrets come from the environment: \(secrets.joined(separator: " "))") }
        return (lines + kept).joined(separator: "\n") + "\n"
    }
}
