/// Splits a whole script into logical lines without expanding anything: joins `\` continuations
/// and the lines of a quote left open. Accepts `\n` and `\r\n` line endings and a leading
/// byte order mark. Every logical line is returned, blank and comment-only ones included.
public struct ScriptReader {
    private let lines: [String]
    private var nextIndex = 0
    private var assembler: LineAssembler

    public init(text: String, file: String) {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var lines = scalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        // The newline ending the last line does not start another one.
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        self.assembler = LineAssembler(file: file)
    }

    /// The next logical line, or nil at the end. Throws if the script ends inside a quote or after
    /// a trailing `\`; after that it returns nil.
    public mutating func next() throws(ScriptError) -> RawLine? {
        while nextIndex < lines.count {
            let line = lines[nextIndex]
            nextIndex += 1
            if let raw = assembler.feed(line) { return raw }
        }
        return try assembler.finish()
    }
}
