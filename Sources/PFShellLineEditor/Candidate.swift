/// One completion choice.
public struct Candidate: Sendable, Equatable {
    /// Replaces the word being completed.
    public let replacement: String
    /// Shown when several candidates are listed.
    public let display: String
    /// Whether a unique completion is followed by a space (false for prefixes such as `path/`).
    public let appendSpace: Bool

    public init(replacement: String, display: String? = nil, appendSpace: Bool = true) {
        self.replacement = replacement
        self.display = display ?? replacement
        self.appendSpace = appendSpace
    }
}
