/// A logical line before word splitting: one or more physical lines joined with `\n`.
///
/// Continuations are kept as written (a `\` followed by `\n`) and so is the newline inside a
/// quote spanning lines, so that the lexer can report each word on its own physical line.
/// Line endings are normalised: a `\r` before the `\n` is dropped.
public struct RawLine: Sendable, Equatable {
    public let text: String
    /// The start of the first physical line.
    public let location: SourceLocation
    /// How many physical lines were joined (at least 1).
    public let physicalLines: Int
    /// The parse the line assembler made to find where the line ends, kept so that the lexer
    /// does not parse the line a second time.
    let parse: LineParse?

    struct LineParse: Sendable {
        let source: ScriptSource
        let parsed: ParsedScriptLine
    }

    public init(text: String, location: SourceLocation, physicalLines: Int) {
        self.text = text
        self.location = location
        self.physicalLines = physicalLines
        self.parse = nil
    }

    init(text: String, location: SourceLocation, physicalLines: Int, parse: LineParse?) {
        self.text = text
        self.location = location
        self.physicalLines = physicalLines
        self.parse = parse
    }

    public static func == (lhs: RawLine, rhs: RawLine) -> Bool {
        lhs.text == rhs.text && lhs.location == rhs.location && lhs.physicalLines == rhs.physicalLines
    }
}
