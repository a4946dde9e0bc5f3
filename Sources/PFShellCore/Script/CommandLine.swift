/// A logical command line: its words plus where it starts (the first physical line).
///
/// The name shadows the standard library's `CommandLine` inside this module; code that wants the
/// process arguments writes `Swift.CommandLine`.
public struct CommandLine: Sendable, Equatable {
    /// The words after quoting and expansion; empty for a blank or comment-only line.
    public let words: [Word]
    public let location: SourceLocation
    /// The raw logical text as written: physical lines joined with `\n` (a `\` before a joined
    /// line is kept), comments kept. Meant for echoing and diagnostics.
    public let text: String

    public init(words: [Word], location: SourceLocation, text: String) {
        self.words = words
        self.location = location
        self.text = text
    }
}
