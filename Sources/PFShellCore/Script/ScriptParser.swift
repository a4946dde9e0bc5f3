/// Splits one logical line into words of parts, without looking any variable up.
///
/// It never throws: syntax errors are collected and reading goes on, so that the line assembler,
/// completion and the lexer share one reading of where quotes open and close, even on lines the
/// lexer will reject.
struct ScriptParser {
    private let source: ScriptSource
    private let limit: Int
    private var index = 0
    private var errors: [ScriptError] = []
    private var end = ScriptLineEnd.complete
    /// How many `${NAME:-...}` the index is inside. Bounded so that a long line of nested defaults
    /// is an error, not a stack overflow here, in the expander or in the preflight.
    private var nesting = 0
    private var isTooDeep = false
    static let maximumNesting = 32

    /// Parses the whole source, or only the scalars before `limit` (the cursor, for completion).
    static func parse(_ source: ScriptSource, limit: Int? = nil) -> ParsedScriptLine {
        var parser = ScriptParser(source: source, limit: min(limit ?? source.count, source.count))
        return parser.parseLine()
    }

    private init(source: ScriptSource, limit: Int) {
        self.source = source
        self.limit = limit
    }

    // MARK: Words

    private mutating func parseLine() -> ParsedScriptLine {
        var words: [ParsedScriptLine.ParsedWord] = []
        var commentStart: Int?
        while true {
            skipSeparators()
            guard let scalar = peek() else { break }
            if scalar == "#" {
                commentStart = index
                index = limit
                break
            }
            let start = index
            let parts = parseWord()
            words.append(ParsedScriptLine.ParsedWord(parts: parts, start: start, end: index))
        }
        return ParsedScriptLine(words: words, commentStart: commentStart, errors: errors, end: end)
    }

    /// Skips blanks and `\`-newline continuations between words.
    private mutating func skipSeparators() {
        while let scalar = peek() {
            if Self.isBlank(scalar) {
                index += 1
            } else if scalar == "\\", newlineLength(at: index + 1) > 0 {
                index += 1 + newlineLength(at: index + 1)
            } else {
                return
            }
        }
    }

    /// Reads an unquoted word up to the next blank.
    private mutating func parseWord() -> [ScriptWordPart] {
        var parts = ScriptPartsBuilder()
        while let scalar = peek(), !Self.isBlank(scalar) {
            switch scalar {
            case "'": parseSingleQuoted(into: &parts)
            case "\"": parseDoubleQuoted(into: &parts)
            case "\\": parseBackslash(into: &parts, escapes: { _ in true }, quoted: false)
            case "$": parseDollar(into: &parts, quoted: false)
            default:
                parts.append(scalar, quoted: false)
                index += 1
            }
        }
        return parts.finish()
    }

    // MARK: Quotes and escapes

    /// `'...'`: every character literal, newlines included.
    private mutating func parseSingleQuoted(into parts: inout ScriptPartsBuilder) {
        let start = index
        index += 1
        parts.markQuoted()
        while let scalar = peek() {
            index += 1
            if scalar == "'" { return }
            parts.append(scalar, quoted: true)
        }
        openQuote("'", at: start)
    }

    /// `"..."`: `\"`, `\\`, `\$` escapes and `${...}` expansions.
    private mutating func parseDoubleQuoted(into parts: inout ScriptPartsBuilder) {
        let start = index
        index += 1
        parts.markQuoted()
        while let scalar = peek() {
            switch scalar {
            case "\"":
                index += 1
                return
            case "\\": parseBackslash(into: &parts, escapes: { "\"\\$".unicodeScalars.contains($0) }, quoted: true)
            case "$": parseDollar(into: &parts, quoted: true)
            default:
                parts.append(scalar, quoted: true)
                index += 1
            }
        }
        openQuote("\"", at: start)
    }

    /// A backslash: before a newline it joins lines; before a character it `escapes`, it stands
    /// for that character; otherwise (inside double quotes) it is itself.
    private mutating func parseBackslash(
        into parts: inout ScriptPartsBuilder,
        escapes: (Unicode.Scalar) -> Bool,
        quoted: Bool
    ) {
        let newline = newlineLength(at: index + 1)
        if newline > 0 {
            index += 1 + newline
        } else if let next = peek(1), escapes(next) {
            parts.append(next, quoted: true)
            index += 2
        } else if peek(1) == nil {
            end = .trailingBackslash(source.location(at: index))
            index += 1
        } else {
            parts.append("\\", quoted: quoted)
            index += 1
        }
    }

    private mutating func openQuote(_ quote: Character, at start: Int) {
        if case .openQuote = end { return }
        end = .openQuote(quote, source.location(at: start))
    }

    // MARK: Expansions

    /// `$`: an expansion when `{` follows, else a literal dollar.
    private mutating func parseDollar(into parts: inout ScriptPartsBuilder, quoted: Bool) {
        guard peek(1) == "{" else {
            parts.append("$", quoted: quoted)
            index += 1
            return
        }
        let start = index
        if let expansion = parseExpansion(insideDoubleQuotes: quoted) {
            parts.append(expansion, quoted: quoted)
        } else if index >= limit {
            parts.append(source.text(start..<limit), quoted: quoted)
        } else {
            parts.append("${", quoted: quoted)
        }
    }

    /// Reads `${NAME}`, `${NAME:-word}` or `${NAME:?word}`. On a malformed one it records the error
    /// and returns nil, leaving the index after `${` (so the rest reads as text) or at the end.
    private mutating func parseExpansion(insideDoubleQuotes: Bool) -> ScriptExpansion? {
        let start = index
        guard nesting < Self.maximumNesting else { return nestedTooDeep(from: start) }
        index += 2
        guard let (name, isEnvironment) = parseName() else { return badSubstitution(from: start) }
        guard let scalar = peek() else { return unfinishedExpansion(from: start) }
        var fallback = ScriptExpansion.Fallback.none
        switch scalar {
        case "}":
            index += 1
        case ":":
            guard let operation = peek(1), operation == "-" || operation == "?" else { return badSubstitution(from: start) }
            index += 2
            nesting += 1
            let fallbackParts = parseFallback(insideDoubleQuotes: insideDoubleQuotes)
            nesting -= 1
            guard let parts = fallbackParts else {
                return unfinishedExpansion(from: start)
            }
            fallback = operation == "-" ? .useDefault(parts) : .require(parts)
        default:
            return badSubstitution(from: start)
        }
        return ScriptExpansion(
            name: name,
            isEnvironment: isEnvironment,
            fallback: fallback,
            location: source.location(at: start),
            source: source.text(start..<index)
        )
    }

    /// `NAME` or `env.NAME`, NAME being `[A-Za-z_][A-Za-z0-9_]*`; nil when not a valid name.
    private mutating func parseName() -> (name: String, isEnvironment: Bool)? {
        var name = parseIdentifierCharacters()
        var isEnvironment = false
        if name == "env", peek() == "." {
            index += 1
            name = parseIdentifierCharacters()
            isEnvironment = true
        }
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return nil }
        return (name, isEnvironment)
    }

    private mutating func parseIdentifierCharacters() -> String {
        let start = index
        while let scalar = peek(), Self.isNameCharacter(scalar) {
            index += 1
        }
        return source.text(start..<index)
    }

    /// The word after `:-` or `:?`, through its closing `}`; nil when the line ends first.
    ///
    /// Written inside double quotes it follows double-quote rules (a `'` is literal, `"` opens a
    /// nested string, `\}` escapes the brace) like POSIX shells; otherwise it reads like an
    /// unquoted word, except that blanks are part of it.
    private mutating func parseFallback(insideDoubleQuotes: Bool) -> [ScriptWordPart]? {
        var parts = ScriptPartsBuilder()
        let escapes: (Unicode.Scalar) -> Bool = insideDoubleQuotes ? { "\"\\$}".unicodeScalars.contains($0) } : { _ in true }
        while let scalar = peek() {
            switch scalar {
            case "}":
                index += 1
                return parts.finish()
            case "$": parseDollar(into: &parts, quoted: insideDoubleQuotes)
            case "\"": parseDoubleQuoted(into: &parts)
            case "\\": parseBackslash(into: &parts, escapes: escapes, quoted: insideDoubleQuotes)
            case "'" where !insideDoubleQuotes: parseSingleQuoted(into: &parts)
            default:
                parts.append(scalar, quoted: insideDoubleQuotes)
                index += 1
            }
        }
        return nil
    }

    /// Records a malformed `${...}` quoted up to its `}` (or the end of the physical line) and
    /// goes back to just after the `${`, which then reads as text.
    private mutating func badSubstitution(from start: Int) -> ScriptExpansion? {
        var stop = index
        while stop < limit, source.scalars[stop] != "}", newlineLength(at: stop) == 0 {
            stop += 1
        }
        if stop < limit, source.scalars[stop] == "}" { stop += 1 }
        record(.badSubstitution(source.text(start..<stop)), at: start)
        index = start + 2
        return nil
    }

    /// A `${` still open at the end of the line. An open quote or trailing backslash inside it
    /// already explains the ending (more lines will come), so it is only an error otherwise.
    private mutating func unfinishedExpansion(from start: Int) -> ScriptExpansion? {
        if end == .complete && !isTooDeep {
            var stop = start
            while stop < limit, newlineLength(at: stop) == 0 {
                stop += 1
            }
            record(.badSubstitution(source.text(start..<stop)), at: start)
        }
        index = limit
        return nil
    }

    /// A `${` nested past the limit: the error, and the rest of the line is not read. The enclosing
    /// `${` are left unfinished without an error of their own: this one explains them.
    private mutating func nestedTooDeep(from start: Int) -> ScriptExpansion? {
        record(.nestedTooDeep(Self.maximumNesting), at: start)
        isTooDeep = true
        index = limit
        return nil
    }

    private mutating func record(_ kind: ScriptError.Kind, at position: Int) {
        errors.append(ScriptError(kind: kind, location: source.location(at: position)))
    }

    // MARK: Characters

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < limit ? source.scalars[index + offset] : nil
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// 1 for `\n`, 2 for `\r\n`, 0 when no line ends at `position`.
    private func newlineLength(at position: Int) -> Int {
        guard position < limit else { return 0 }
        if source.scalars[position] == "\n" { return 1 }
        if source.scalars[position] == "\r", position + 1 < limit, source.scalars[position + 1] == "\n" { return 2 }
        return 0
    }

    /// Word separators; a newline is one only when it is not quoted or escaped. `\r` is one so
    /// that text with CRLF endings that did not come through the reader still splits cleanly.
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
    }
}
