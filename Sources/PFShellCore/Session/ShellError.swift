/// A failure of a command, with its evidence, rendered in one place (`Diagnostic`).
public struct ShellError: Error, Sendable, Equatable {
    /// What kind of failure, which fixes the exit status.
    public enum Category: Sendable, Equatable {
        /// A command that cannot do what was asked, a validation failure, a server refusal: exit 1.
        case command
        /// A command line that does not parse: exit 2.
        case usage
        /// No answer from the server, TLS, or credentials refused: exit 3.
        case connection
        /// A commit stopped by a conflict, or applied only in part: exit 4.
        case commit
    }

    public var category: Category
    /// The command the message belongs to, e.g. `client new`; nil for the shell itself.
    public var command: String?
    public var message: String
    /// Where the offending word is; filled in by the runner when the command came from a script.
    public var location: SourceLocation?
    /// Further lines (one per field problem, per client of a commit, ...).
    public var notes: [String]
    /// The line was refused because it carries secret material: the prompt leaves it out of its
    /// history, and the message never repeats the refused word.
    public var carriesSecret = false

    public init(
        _ category: Category, command: String? = nil, _ message: String, location: SourceLocation? = nil,
        notes: [String] = []
    ) {
        self.category = category
        self.command = command
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func command(_ command: String, _ message: String, notes: [String] = []) -> ShellError {
        ShellError(.command, command: command, message, notes: notes)
    }

    public static func usage(_ command: String?, _ message: String) -> ShellError {
        ShellError(.usage, command: command, message)
    }
}

/// The documented exit statuses of `pfsh`.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case success = 0
    case failure = 1
    case usage = 2
    case connection = 3
    case commit = 4
    /// `--check`: the server differs from what the script describes.
    case differences = 5

    public init(_ category: ShellError.Category) {
        switch category {
        case .command: self = .failure
        case .usage: self = .usage
        case .connection: self = .connection
        case .commit: self = .commit
        }
    }
}

extension ExitStatus {
    /// What the status means, as `--help` and the manual page say it.
    public var summary: String {
        switch self {
        case .success: "success"
        case .failure: "a command, validation or server refusal"
        case .usage: "a usage error"
        case .connection: "a connection, TLS or authentication failure"
        case .commit: "a commit conflict or a partial commit"
        case .differences: "differences found (--check)"
        }
    }
}
