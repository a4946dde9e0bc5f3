/// Where a piece of input came from: a script's path (`-c` for commands given with `-c`, `<stdin>`
/// for piped input), a 1-based line, and a 1-based column counted in characters.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`, the prefix of a diagnostic.
    public var description: String { "\(file):\(line):\(column)" }
}
