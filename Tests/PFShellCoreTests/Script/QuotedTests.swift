import Testing

@testable import PFShellCore

/// `quoted(_:)`: its exact output, and that the lexer reads it back as the same single word.
@Suite struct QuotedTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let text: String
        let quoted: String
        var testDescription: String { id }
    }

    static let cases: [Case] = [
        Case(id: "plain", text: "thingworx", quoted: "thingworx"),
        Case(id: "safe punctuation", text: "a-b_c.d/e:f=g@h%i+j,k", quoted: "a-b_c.d/e:f=g@h%i+j,k"),
        Case(id: "non-ASCII letters", text: "Zürich-é", quoted: "Zürich-é"),
        Case(id: "empty", text: "", quoted: "''"),
        Case(id: "blank", text: "a b", quoted: "'a b'"),
        Case(id: "apostrophe", text: "it's", quoted: #"'it'\''s'"#),
        Case(id: "only an apostrophe", text: "'", quoted: #"''\'''"#),
        Case(id: "dollar brace", text: "${A}", quoted: "'${A}'"),
        Case(id: "hash", text: "#x", quoted: "'#x'"),
        Case(id: "hash inside", text: "a#b", quoted: "'a#b'"),
        Case(id: "glob characters", text: "https://host/*", quoted: "'https://host/*'"),
        Case(id: "query", text: "cb?x=1&y", quoted: "'cb?x=1&y'"),
        Case(id: "tilde", text: "~", quoted: "'~'"),
        Case(id: "double quote and backslash", text: #"a"b\c"#, quoted: #"'a"b\c'"#),
        Case(id: "newline", text: "a\nb", quoted: "'a\nb'"),
        Case(id: "no-break space", text: "a\u{A0}b", quoted: "'a\u{A0}b'"),
        Case(id: "emoji", text: "🙂", quoted: "'🙂'"),
    ]

    @Test(arguments: cases) func output(_ c: Case) {
        #expect(quoted(c.text) == c.quoted)
    }

    static let tricky: [String] = [
        "", " ", "  lead", "trail ", "a b", "'", "''", "\"", "\\", "\\\\", "trailing\\", "$", "$$", "${A}", "${A:-b}",
        "#", "a#b", "it's \"quoted\"", "line1\nline2", "\n", "tab\there", "cr\rhere", "é ü", "🙂", "e\u{301}",
        "'\u{301}", "\u{301}x", "a'b'c", "\\'", "{}", "}", "-", "--name=x y", "\u{FEFF}",
    ]

    @Test(arguments: tricky) func roundTrips(_ text: String) throws {
        let words = try ScriptFixture.line(quoted(text), ScriptTestVariables()).words
        #expect(words.map(\.text) == [text])
    }

    @Test func quotedWordsReadBackAsTheSameCommand() throws {
        let words = ["client", "new", "it's", "", "${X}", "a b\nc", "#no"]
        let line = words.map(quoted).joined(separator: " ")
        #expect(line == #"client new 'it'\''s' '' '${X}' 'a b"# + "\n" + #"c' '#no'"#)
        let read = try ScriptFixture.readAll(line)
        #expect(read.count == 1)
        let command = try Lexer.words(try #require(read.first), variables: ScriptTestVariables())
        #expect(command.words.map(\.text) == words)
    }
}
