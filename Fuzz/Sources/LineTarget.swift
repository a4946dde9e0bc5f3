import PFShellCore

/// One logical line: lexed with variables, compared with the preflight's verdict on the same
/// line, its words quoted and lexed back, then parsed as a command.
enum LineTarget {
    /// The line's words, when it lexes.
    @discardableResult
    static func run(_ line: RawLine) -> [String]? {
        let lexed: CommandLine
        do {
            lexed = try Lexer.words(line, variables: FuzzVariables())
        } catch {
            checkInside(line, error.location)
            agreesWithPreflight(line, lexerError: error)
            return nil
        }
        agreesWithPreflight(line, lexerError: nil)
        for word in lexed.words { checkInside(line, word.location) }
        let texts = lexed.words.map(\.text)
        readsBackQuoted(texts, at: line.location)
        commandParse(lexed, line)
        return texts
    }

    private static func checkInside(_ line: RawLine, _ location: SourceLocation) {
        let lines = line.location.line..<(line.location.line + line.physicalLines)
        check(lines.contains(location.line) && location.column >= 1, "location \(location) outside the line at \(line.location)")
    }

    /// The preflight reads the line alone (re-read from its text, which gives the same line) and
    /// finds a problem exactly when the lexer fails; a syntax error is the same error.
    private static func agreesWithPreflight(_ line: RawLine, lexerError: ScriptError?) {
        // A `\r` or a leading byte order mark is dropped when read again, so the line would differ.
        guard !line.text.unicodeScalars.contains("\r"), line.text.unicodeScalars.first != "\u{FEFF}" else { return }
        let start = line.location.line
        var reader = ScriptReader(text: line.text + "\n", file: line.location.file, firstLine: start)
        let again = try? reader.next()
        check(again == line && (try? reader.next()) == nil, "the line reads back otherwise: \(line.text.debugDescription)")
        var preflight = ScriptPreflight(
            variables: FuzzVariables.names, environment: FuzzVariables.environmentNames, readFile: { _ in nil })
        let problems = preflight.problems(in: line.text + "\n", file: line.location.file, firstLine: start)
        check(problems.isEmpty == (lexerError == nil), "preflight \(problems) but lexer \(String(describing: lexerError))")
        switch lexerError?.kind {
        case .badSubstitution, .nestedTooDeep:
            check(problems.first == lexerError, "preflight \(problems) but lexer \(String(describing: lexerError))")
        default:
            break
        }
    }

    /// What `quoted` makes of each word reads back as the same words (the command echo relies on it).
    private static func readsBackQuoted(_ texts: [String], at location: SourceLocation) {
        let echo = texts.map(quoted).joined(separator: " ")
        let raw = RawLine(text: echo, location: location, physicalLines: 1 + echo.utf8.filter { $0 == UInt8(ascii: "\n") }.count)
        let again = try? Lexer.words(raw, variables: FuzzVariables())
        check(again?.words.map(\.text) == texts, "\(texts) quoted as \(echo.debugDescription) reads back otherwise")
    }

    /// A parsed command has as many arguments as its usage allows; a refused one says where.
    private static func commandParse(_ lexed: CommandLine, _ line: RawLine) {
        do {
            guard let invocation = try CommandParser.parse(lexed) else {
                check(lexed.words.isEmpty, "no command from a line with words")
                return
            }
            let spec = invocation.spec.arguments
            let required = spec.filter { !$0.isOptional }.count
            let fits = invocation.arguments.count <= spec.count || spec.last?.isRepeating == true
            check(invocation.arguments.count >= required && fits, "\(invocation.arguments.count) arguments for \(invocation.name)")
        } catch {
            if let location = error.location { checkInside(line, location) }
        }
    }
}
