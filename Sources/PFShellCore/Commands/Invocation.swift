/// A command line matched against the table: the command, its positional words and its options.
public struct Invocation: Sendable {
    public let spec: CommandSpec
    public let arguments: [Word]
    /// Option values by long name; a flag maps to its own word.
    public let options: [String: Word]
    /// Where the command's first word is.
    public let location: SourceLocation
    /// The whole line as typed, for history and the record of what staged a client.
    public let line: CommandLine

    public var name: String { spec.name }

    public func flag(_ name: String) -> Bool { options[name] != nil }

    public func value(_ name: String) -> String? { options[name]?.text }

    public func argument(_ index: Int) -> String? {
        index < arguments.count ? arguments[index].text : nil
    }

    /// A usage or command error located at a word of this line (the command's first word by default).
    public func error(
        _ message: String, at word: Word? = nil, _ category: ShellError.Category = .command, notes: [String] = []
    ) -> ShellError {
        ShellError(category, command: spec.name, message, location: word?.location ?? location, notes: notes)
    }
}
