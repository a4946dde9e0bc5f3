/// One word of a command line, after quotes and expansions.
public struct Word: Sendable, Equatable {
    /// The word's text: quotes removed, escapes applied, `${...}` replaced by values.
    public let text: String
    /// Where the word starts: its first character, which may be an opening quote.
    public let location: SourceLocation
    /// Whether any part of the word was quoted with `'`, `"` or a backslash, including inside a
    /// `${NAME:-default}`. Lets a caller tell `''` or `'--x'` from a bare word.
    public let isQuoted: Bool
    /// Whether the word holds a `${...}` expansion, so its text did not come from the script alone.
    public let containsExpansion: Bool

    public init(text: String, location: SourceLocation, isQuoted: Bool = false, containsExpansion: Bool = false) {
        self.text = text
        self.location = location
        self.isQuoted = isQuoted
        self.containsExpansion = containsExpansion
    }
}
