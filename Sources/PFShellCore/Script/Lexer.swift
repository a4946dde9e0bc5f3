/// Word splitting and expansion of logical lines.
public enum Lexer {
    /// The words of a logical line, with every `${...}` looked up in `variables`.
    ///
    /// Syntax errors (the first malformed `${`, then an open quote or a trailing backslash) are
    /// reported before any variable is looked up; then the first lookup that fails.
    public static func words(_ line: RawLine, variables: some VariableLookup) throws(ScriptError) -> CommandLine {
        let source = line.parse?.source ?? ScriptSource(line.text, start: line.location)
        let parsed = line.parse?.parsed ?? ScriptParser.parse(source)
        if let error = parsed.firstError { throw error }
        var words: [Word] = []
        for word in parsed.words {
            words.append(
                Word(
                    text: try ScriptExpander.expand(word.parts, with: variables),
                    location: source.location(at: word.start),
                    isQuoted: word.parts.usesQuoting,
                    containsExpansion: word.parts.containsExpansion
                )
            )
        }
        return CommandLine(words: words, location: line.location, text: line.text)
    }

    /// Tolerant splitting for completion: never throws and looks nothing up. Reads `text` up to
    /// `cursor` (a UTF-8 offset, clamped and moved back to a character boundary) and returns the
    /// words before it and the partial word at it.
    public static func partial(_ text: String, cursor: Int) -> PartialLine {
        let source = ScriptSource(text, start: SourceLocation(file: "", line: 1, column: 1))
        let limit = source.index(atUTF8Offset: max(0, cursor))
        let parsed = ScriptParser.parse(source, limit: limit)
        var complete = parsed.words.map { ScriptExpander.verbatim($0.parts) }
        if let comment = parsed.commentStart {
            return PartialLine(
                completeWords: complete,
                current: source.text(comment..<limit),
                currentStart: source.utf8Offset(at: comment),
                openQuote: nil
            )
        }
        if let last = parsed.words.last, last.end == limit {
            let current = complete.removeLast()
            return PartialLine(
                completeWords: complete,
                current: current,
                currentStart: source.utf8Offset(at: last.start),
                openQuote: parsed.end.openQuoteCharacter
            )
        }
        return PartialLine(completeWords: complete, current: "", currentStart: source.utf8Offset(at: limit), openQuote: nil)
    }
}
