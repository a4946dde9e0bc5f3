/// A line cut at the cursor, split tolerantly for completion.
///
/// Texts have quotes removed and escapes applied; `${...}` is left as written, since completion
/// must not look variables up.
public struct PartialLine: Sendable, Equatable {
    /// The words wholly before the cursor.
    public let completeWords: [String]
    /// The word the cursor is in or right after, up to the cursor; empty after a blank. Inside a
    /// comment this is the comment's text from `#`, so that it matches no candidate.
    public let current: String
    /// UTF-8 offset in the text where `current` starts (the cursor itself when `current` is new).
    public let currentStart: Int
    /// The quote still open at the cursor, which a completion must close.
    public let openQuote: Character?

    public init(completeWords: [String], current: String, currentStart: Int, openQuote: Character?) {
        self.completeWords = completeWords
        self.current = current
        self.currentStart = currentStart
        self.openQuote = openQuote
    }
}
