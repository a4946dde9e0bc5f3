/// Joins physical lines fed one at a time (an interactive prompt, a pipe read line by line) into
/// logical lines: a line ending in `\` or inside an open quote waits for the next one.
public struct LineAssembler {
    private let file: String
    private var nextLine: Int
    private var pending: Pending?

    /// The logical line read so far and how it ends.
    private struct Pending {
        var text: String
        let line: Int
        var count: Int
        var end: ScriptLineEnd
        /// The parse that found `end`, when the text has not grown since.
        var parse: RawLine.LineParse?
    }

    public init(file: String, firstLine: Int = 1) {
        self.file = file
        self.nextLine = firstLine
    }

    /// Whether a logical line has started and is waiting for more physical lines.
    public var needsMore: Bool { pending != nil }

    /// Adds one physical line (a trailing `\n`, `\r\n` or `\r` is dropped). Returns the logical
    /// line once complete, or nil while it needs more. A blank line is a complete, empty line.
    public mutating func feed(_ physicalLine: String) -> RawLine? {
        let line = Self.droppingLineEnding(physicalLine)
        defer { nextLine += 1 }
        guard var current = pending else {
            return settle(Pending(text: line, line: nextLine, count: 1, end: .complete), rescan: true)
        }
        pending = nil
        current.text += "\n"
        current.text += line
        current.count += 1
        return settle(current, rescan: Self.mayClose(current.end, line))
    }

    /// At the end of input: the last logical line, nil when there is none, or the error of a line
    /// left open (an unterminated quote or a trailing `\`).
    public mutating func finish() throws(ScriptError) -> RawLine? {
        guard let current = pending else { return nil }
        pending = nil
        if let error = current.end.error { throw error }
        return rawLine(current)
    }

    /// Returns the line if complete, else keeps it pending. Reads with the same parser as the
    /// lexer so that both agree on where quotes close.
    private mutating func settle(_ candidate: Pending, rescan: Bool) -> RawLine? {
        var current = candidate
        current.parse = nil
        if rescan {
            let source = ScriptSource(current.text, start: location(of: current))
            let parsed = ScriptParser.parse(source)
            current.end = parsed.end
            current.parse = RawLine.LineParse(source: source, parsed: parsed)
        }
        if current.end == .complete { return rawLine(current) }
        pending = current
        return nil
    }

    /// Whether a new line can change how the text ends. Inside a quote nothing can until that
    /// quote's character appears: `'...'` is all literal, and inside `"..."` a `'` never counts.
    /// Skipping the rescan keeps a long quoted block (a certificate) linear instead of quadratic.
    private static func mayClose(_ end: ScriptLineEnd, _ line: String) -> Bool {
        guard let quote = end.openQuoteCharacter?.unicodeScalars.first else { return true }
        return line.unicodeScalars.contains(quote)
    }

    private func location(of pending: Pending) -> SourceLocation {
        SourceLocation(file: file, line: pending.line, column: 1)
    }

    private func rawLine(_ pending: Pending) -> RawLine {
        RawLine(text: pending.text, location: location(of: pending), physicalLines: pending.count, parse: pending.parse)
    }

    /// A line without its ending; most lines have none left, and are returned as they are.
    private static func droppingLineEnding(_ line: String) -> String {
        guard let last = line.utf8.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") else { return line }
        var scalars = Substring(line).unicodeScalars
        if scalars.last == "\n" { scalars.removeLast() }
        if scalars.last == "\r" { scalars.removeLast() }
        return String(Substring(scalars))
    }
}
