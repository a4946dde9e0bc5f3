/// What the completion closure returns for a line and cursor.
public struct CompletionResult: Sendable {
    /// UTF-8 offset in the line where the word being completed starts (the word ends at the cursor).
    public let wordStart: Int
    public let candidates: [Candidate]

    public init(wordStart: Int, candidates: [Candidate]) {
        self.wordStart = wordStart
        self.candidates = candidates
    }

    /// Nothing to offer: Tab beeps.
    public static let none = CompletionResult(wordStart: 0, candidates: [])
}
