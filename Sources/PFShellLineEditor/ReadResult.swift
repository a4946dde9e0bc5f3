/// The outcome of `LineEditor.readLine(continuation:)`.
public enum ReadResult: Sendable, Equatable {
    /// A line, without its trailing newline.
    case line(String)
    /// Ctrl-C: the partly typed line is dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the input closed.
    case endOfInput
}
