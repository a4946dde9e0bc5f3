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

    public init(text: String, location: SourceLocation, physicalLines: Int) {
        self.text = text
        self.location = location
        self.physicalLines = physicalLines
    }
}
