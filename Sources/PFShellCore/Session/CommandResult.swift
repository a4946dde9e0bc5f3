/// What running one command produced: data for stdout, warnings and an error for stderr, and
/// anything the driver must do that the core cannot (run a script, leave).
public struct CommandResult: Sendable {
    public enum Action: Sendable, Equatable {
        case source(path: String)
        case quit
    }

    public struct Warning: Sendable, Equatable {
        public let command: String?
        public let message: String
    }

    public var output: [String] = []
    public var warnings: [Warning] = []
    public var error: ShellError?
    public var action: Action?

    public init() {}

    public static func failure(_ error: ShellError) -> CommandResult {
        var result = CommandResult()
        result.error = error
        return result
    }

    mutating func print(_ line: String) {
        output.append(line)
    }

    mutating func warn(_ command: String?, _ message: String) {
        warnings.append(Warning(command: command, message: message))
    }
}
