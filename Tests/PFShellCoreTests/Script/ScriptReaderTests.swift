import Testing

@testable import PFShellCore

/// Splitting whole scripts into logical lines.
@Suite struct ScriptReaderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let script: String
        /// Each logical line's text, first physical line and number of physical lines.
        let lines: [Expected]
        var testDescription: String { id }
    }

    struct Expected: Equatable, Sendable, CustomStringConvertible {
        let text: String
        let line: Int
        let physicalLines: Int
        init(_ text: String, _ line: Int, _ physicalLines: Int) {
            self.text = text
            self.line = line
            self.physicalLines = physicalLines
        }
        var description: String { "\(line)+\(physicalLines):\(text)" }
    }

    static let cases: [Case] = [
        Case(id: "empty script", script: "", lines: []),
        Case(id: "one newline is one blank line", script: "\n", lines: [Expected("", 1, 1)]),
        Case(id: "lines", script: "a\nb c\n", lines: [Expected("a", 1, 1), Expected("b c", 2, 1)]),
        Case(id: "no final newline", script: "a\nb", lines: [Expected("a", 1, 1), Expected("b", 2, 1)]),
        Case(id: "blank and comment lines kept", script: "a\n\n# c\n", lines: [Expected("a", 1, 1), Expected("", 2, 1), Expected("# c", 3, 1)]),
        Case(id: "continuation", script: "a \\\n  b\nc", lines: [Expected("a \\\n  b", 1, 2), Expected("c", 3, 1)]),
        Case(id: "two continuations", script: "a \\\nb \\\nc\nd",
             lines: [Expected("a \\\nb \\\nc", 1, 3), Expected("d", 4, 1)]),
        Case(id: "continuation onto a blank line", script: "a \\\n\nb", lines: [Expected("a \\\n", 1, 2), Expected("b", 3, 1)]),
        Case(id: "open single quote", script: "a 'x\ny'\nz", lines: [Expected("a 'x\ny'", 1, 2), Expected("z", 3, 1)]),
        Case(id: "open double quote with a blank line", script: "a \"x\n\ny\"\nz",
             lines: [Expected("a \"x\n\ny\"", 1, 3), Expected("z", 4, 1)]),
        Case(id: "quote inside a default spans lines", script: "${A:-'x\ny'}\nz",
             lines: [Expected("${A:-'x\ny'}", 1, 2), Expected("z", 3, 1)]),
        Case(id: "CRLF endings", script: "a 'x\r\ny' \\\r\n b\r\nc\r\n",
             lines: [Expected("a 'x\ny' \\\n b", 1, 3), Expected("c", 4, 1)]),
        Case(id: "byte order mark dropped", script: "\u{FEFF}a\nb", lines: [Expected("a", 1, 1), Expected("b", 2, 1)]),
        Case(id: "backslash in a comment does not continue", script: "a # c \\\nb", lines: [Expected("a # c \\", 1, 1), Expected("b", 2, 1)]),
        Case(id: "quote in a comment does not open", script: "a # don't\nb", lines: [Expected("a # don't", 1, 1), Expected("b", 2, 1)]),
        Case(id: "escaped backslash does not continue", script: "a \\\\\nb", lines: [Expected("a \\\\", 1, 1), Expected("b", 2, 1)]),
        Case(id: "backslash in single quotes does not continue", script: "'a\\'\nb", lines: [Expected("'a\\'", 1, 1), Expected("b", 2, 1)]),
        Case(id: "escaped quote does not open", script: "a \\'\nb", lines: [Expected("a \\'", 1, 1), Expected("b", 2, 1)]),
        Case(id: "bad substitution still tracks quotes", script: "${1x} 'a\nb'\nc",
             lines: [Expected("${1x} 'a\nb'", 1, 2), Expected("c", 3, 1)]),
        Case(id: "unclosed brace ends at the line", script: "${A:-x\ny", lines: [Expected("${A:-x", 1, 1), Expected("y", 2, 1)]),
    ]

    @Test(arguments: cases) func logicalLines(_ c: Case) throws {
        let lines = try ScriptFixture.readAll(c.script)
        #expect(lines.map { Expected($0.text, $0.location.line, $0.physicalLines) } == c.lines)
        #expect(lines.allSatisfy { $0.location.file == ScriptFixture.file && $0.location.column == 1 })
    }

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        let id: String
        let script: String
        let linesBefore: [String]
        let error: ScriptError
        var testDescription: String { id }
    }

    static let errors: [ErrorCase] = [
        ErrorCase(id: "open single quote at end", script: "a\nb 'c\nd", linesBefore: ["a"],
                  error: ScriptError(kind: .unterminatedQuote("'"), location: ScriptFixture.at(2, 3))),
        ErrorCase(id: "open double quote at end", script: "x \"abc\n\ndef\n", linesBefore: [],
                  error: ScriptError(kind: .unterminatedQuote("\""), location: ScriptFixture.at(1, 3))),
        ErrorCase(id: "open quote after non-ASCII", script: "ü 'x", linesBefore: [],
                  error: ScriptError(kind: .unterminatedQuote("'"), location: ScriptFixture.at(1, 3))),
        ErrorCase(id: "trailing backslash at end", script: "a\nb \\", linesBefore: ["a"],
                  error: ScriptError(kind: .unfinishedContinuation, location: ScriptFixture.at(2, 3))),
        ErrorCase(id: "trailing backslash before the final newline", script: "a\nbc\\\n", linesBefore: ["a"],
                  error: ScriptError(kind: .unfinishedContinuation, location: ScriptFixture.at(2, 3))),
        ErrorCase(id: "trailing backslash on a continuation line", script: "a \\\nb \\", linesBefore: [],
                  error: ScriptError(kind: .unfinishedContinuation, location: ScriptFixture.at(2, 3))),
    ]

    @Test(arguments: errors) func endsInError(_ c: ErrorCase) {
        var reader = ScriptReader(text: c.script, file: ScriptFixture.file)
        var before: [String] = []
        var thrown: ScriptError?
        do {
            while let line = try reader.next() {
                before.append(line.text)
            }
        } catch {
            thrown = error
        }
        #expect(before == c.linesBefore)
        #expect(thrown == c.error)
        #expect((try? reader.next()) == .some(nil))
    }

    @Test func briefScriptReadsAndExpands() throws {
        let script = """
            client new ${CLIENT_ID:-thingworx} --name "ThingWorx ${ENV_NAME}"   # comment
            redirect add 'https://host/*' \\
                https://other.example.com/cb
            secret set --env TWX_CLIENT_SECRET --if-new
            let HOST ${TWX_HOST:?set -v TWX_HOST=host:port}

            """
        let lines = try ScriptFixture.readAll(script).map { line throws(ScriptError) in
            try Lexer.words(line, variables: ScriptTestVariables.standard)
        }
        #expect(lines.map { $0.words.map(\.text) } == [
            ["client", "new", "thingworx", "--name", "ThingWorx Dev"],
            ["redirect", "add", "https://host/*", "https://other.example.com/cb"],
            ["secret", "set", "--env", "TWX_CLIENT_SECRET", "--if-new"],
            ["let", "HOST", "twx:8443"],
        ])
        #expect(lines.map(\.location.line) == [1, 2, 4, 5])
        #expect(lines[1].words.last?.location == ScriptFixture.at(3, 5))
        #expect(lines[1].text == "redirect add 'https://host/*' \\\n    https://other.example.com/cb")
    }
}
