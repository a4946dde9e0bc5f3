/// Splits a whole script into logical lines without expanding anything: joins `\` continuations
/// and the lines of a quote left open. Accepts `\n` and `\r\n` line endings and a leading
/// byte order mark. Every logical line is returned, blank and comment-only ones included.
/// Physical lines are cut from the text as they are read, so a script is held once, not twice.
public struct ScriptReader {
    private let text: Substring
    private var position: Substring.Index
    private var assembler: LineAssembler

    public init(text: String, file: String, firstLine: Int = 1) {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body.unicodeScalars.removeFirst() }
        self.text = body
        self.position = body.startIndex
        self.assembler = LineAssembler(file: file, firstLine: firstLine)
    }

    /// The next logical line, or nil at the end. Throws if the script ends inside a quote or after
    /// a trailing `\`; after that it returns nil.
    public mutating func next() throws(ScriptError) -> RawLine? {
        while let line = nextPhysicalLine() {
            if let raw = assembler.feed(line) { return raw }
        }
        return try assembler.finish()
    }

    /// The next physical line without its `\n`; the newline ending the last line does not start
    /// another one. Found on the UTF-8 view and copied whole, not a character at a time.
    private mutating func nextPhysicalLine() -> String? {
        guard position < text.endIndex else { return nil }
        let end = text.utf8[position...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
        let line = String(text[position..<end])
        position = end < text.endIndex ? text.utf8.index(after: end) : end
        return line
    }
}
