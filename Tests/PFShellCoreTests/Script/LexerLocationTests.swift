import Testing

@testable import PFShellCore

/// Where words start: physical line and column in characters, across continuations and quotes.
@Suite struct LexerLocationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let text: String
        let firstLine: Int
        /// Each word's text, line and column.
        let words: [Expected]
        var testDescription: String { id }
    }

    struct Expected: Equatable, Sendable, CustomStringConvertible {
        let text: String
        let line: Int
        let column: Int
        init(_ text: String, _ line: Int, _ column: Int) {
            self.text = text
            self.line = line
            self.column = column
        }
        var description: String { "\(text)@\(line):\(column)" }
    }

    static let cases: [Case] = [
        Case(id: "one line", text: #"client  new "x y""#, firstLine: 1,
             words: [Expected("client", 1, 1), Expected("new", 1, 9), Expected("x y", 1, 13)]),
        Case(id: "leading blanks", text: "\t  a", firstLine: 1, words: [Expected("a", 1, 4)]),
        Case(id: "continuation", text: "redirect add 'https://host/*' \\\n    https://other.example.com/cb", firstLine: 1,
             words: [
                Expected("redirect", 1, 1), Expected("add", 1, 10), Expected("https://host/*", 1, 14),
                Expected("https://other.example.com/cb", 2, 5),
             ]),
        Case(id: "continuation not at line 1", text: "a \\\n b \\\n  c", firstLine: 7,
             words: [Expected("a", 7, 1), Expected("b", 8, 2), Expected("c", 9, 3)]),
        Case(id: "continuation inside a word", text: "ab\\\ncd e", firstLine: 1,
             words: [Expected("abcd", 1, 1), Expected("e", 2, 4)]),
        Case(id: "continuation inside double quotes", text: "\"ab\\\ncd\" e", firstLine: 1,
             words: [Expected("abcd", 1, 1), Expected("e", 2, 5)]),
        Case(id: "CRLF continuation", text: "a \\\r\nb", firstLine: 1, words: [Expected("a", 1, 1), Expected("b", 2, 1)]),
        Case(id: "open quote across lines", text: "a 'x\ny' z", firstLine: 1,
             words: [Expected("a", 1, 1), Expected("x\ny", 1, 3), Expected("z", 2, 4)]),
        Case(id: "double quote across lines", text: "\"x\n\ny\" z", firstLine: 3,
             words: [Expected("x\n\ny", 3, 1), Expected("z", 5, 4)]),
        Case(id: "precomposed e-acute counts one", text: "\"é\" ü x", firstLine: 1,
             words: [Expected("é", 1, 1), Expected("ü", 1, 5), Expected("x", 1, 7)]),
        Case(id: "decomposed e-acute counts one", text: "\"e\u{301}\" x", firstLine: 1,
             words: [Expected("e\u{301}", 1, 1), Expected("x", 1, 5)]),
        Case(id: "emoji counts one", text: "🙂 👍🏽 x", firstLine: 1,
             words: [Expected("🙂", 1, 1), Expected("👍🏽", 1, 3), Expected("x", 1, 5)]),
    ]

    @Test(arguments: cases) func wordLocations(_ c: Case) throws {
        let line = try Lexer.words(ScriptFixture.raw(c.text, line: c.firstLine), variables: ScriptTestVariables())
        let found = line.words.map { Expected($0.text, $0.location.line, $0.location.column) }
        #expect(found == c.words)
        #expect(line.words.allSatisfy { $0.location.file == ScriptFixture.file })
        #expect(line.location == ScriptFixture.at(c.firstLine, 1))
    }

    @Test func lineStartingMidwayOffsetsOnlyItsFirstPhysicalLine() throws {
        let raw = RawLine(text: "a b \\\n c", location: ScriptFixture.at(2, 5), physicalLines: 2)
        let words = try Lexer.words(raw, variables: ScriptTestVariables()).words
        #expect(words.map(\.location) == [ScriptFixture.at(2, 5), ScriptFixture.at(2, 7), ScriptFixture.at(3, 2)])
    }

    @Test func errorColumnCountsCharactersNotBytes() {
        #expect(ScriptFixture.error(#""é" ${X}"#) == ScriptError(kind: .undefinedVariable("X"), location: ScriptFixture.at(1, 5)))
        #expect(ScriptFixture.error("\"e\u{301}\" ${X}") == ScriptError(kind: .undefinedVariable("X"), location: ScriptFixture.at(1, 5)))
    }

    @Test func errorOnContinuationLineReportsThatLine() {
        let error = ScriptFixture.error("a \\\n  b ${X}")
        #expect(error == ScriptError(kind: .undefinedVariable("X"), location: ScriptFixture.at(2, 5)))
    }

    @Test func errorAfterQuotedNewlineReportsThatLine() {
        let error = ScriptFixture.error("a 'b\nc' ${1x}")
        #expect(error == ScriptError(kind: .badSubstitution("${1x}"), location: ScriptFixture.at(2, 4)))
    }
}
