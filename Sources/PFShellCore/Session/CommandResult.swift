import PFShellJSON

/// What running one command produced: data for stdout, warnings and an error for stderr, and
/// anything the driver must do that the core cannot (run a script, leave).
public struct CommandResult: Sendable {
    public enum Action: Sendable, Equatable {
        /// Run the script at `path`; `location` is where the path was written.
        case source(path: String, location: SourceLocation)
        case quit
    }

    public struct Warning: Sendable, Equatable {
        public let command: String?
        public let message: String
    }

    public var output: [String] = []
    /// The command's data as one JSON document (`--json`), printed in place of `output`.
    public var document: JSONValue?
    /// A commit under `--json`: one JSON line per client, then a summary line.
    public var jsonLines: [JSONValue] = []
    public var warnings: [Warning] = []
    public var error: ShellError?
    public var action: Action?
    /// Where the command was written, for its warnings.
    public var location: SourceLocation?

    public init() {}

    public static func failure(_ error: ShellError) -> CommandResult {
        var result = CommandResult()
        result.error = error
        return result
    }

    mutating func print(_ line: String) {
        output.append(line)
    }

    mutating func emit(_ value: JSONValue) {
        document = value
    }

    /// Under `--json`, stdout holds JSON only: the document, the JSON lines, or the text lines
    /// wrapped as `{"command": NAME, "messages": [...]}`.
    mutating func renderJSON(command: String, asked: Bool) {
        if !jsonLines.isEmpty {
            output = jsonLines.map { JSONPrinter.print($0) }
        } else if let document {
            output = [JSONPrinter.print(document, style: .pretty)]
        } else if asked && !output.isEmpty {
            let wrapped: JSONValue = ["command": .string(command), "messages": .array(output.map(JSONValue.string))]
            output = [JSONPrinter.print(wrapped, style: .pretty)]
        }
    }

    mutating func warn(_ command: String?, _ message: String) {
        warnings.append(Warning(command: command, message: message))
    }
}
