import Testing

@testable import PFShellCore

/// Tolerant splitting at the cursor, for completion.
@Suite struct LexerPartialTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let text: String
        /// UTF-8 offset; nil for the end of the text.
        let cursor: Int?
        let expected: PartialLine
        var testDescription: String { id }

        init(_ id: String, _ text: String, cursor: Int? = nil, _ complete: [String], _ current: String, _ start: Int, _ quote: Character? = nil) {
            self.id = id
            self.text = text
            self.cursor = cursor
            self.expected = PartialLine(completeWords: complete, current: current, currentStart: start, openQuote: quote)
        }
    }

    static let cases: [Case] = [
        Case("empty", "", [], "", 0),
        Case("only blanks", "   ", [], "", 3),
        Case("first word", "cli", [], "cli", 0),
        Case("after a blank", "client ", ["client"], "", 7),
        Case("second word", "client ne", ["client"], "ne", 7),
        Case("cursor in the middle of a word", "client new thingworx", cursor: 9, ["client"], "ne", 7),
        Case("cursor after a blank mid-line", "client  new", cursor: 7, ["client"], "", 7),
        Case("cursor at start", "client new", cursor: 0, [], "", 0),
        Case("open single quote", "redirect add 'https://ho", ["redirect", "add"], "https://ho", 13, "'"),
        Case("open double quote with a blank", #"client new --name "Thing Wo"#, ["client", "new", "--name"], "Thing Wo", 18, "\""),
        Case("cursor inside a quote mid-line", #"a "bc de" f"#, cursor: 7, ["a"], "bc d", 2, "\""),
        Case("just opened quote", "a '", ["a"], "", 2, "'"),
        Case("closed quote", "a 'b c'", ["a"], "b c", 2),
        Case("quoted then bare", #"a 'b c'd\ e"#, ["a"], "b cd e", 2),
        Case("earlier words unquoted", #"'x y' "z" w"#, ["x y", "z"], "w", 10),
        Case("escaped blank", #"a b\ c"#, ["a"], "b c", 2),
        Case("trailing backslash in a word", #"a b\"#, ["a"], "b", 2),
        Case("lone trailing backslash", #"a \"#, ["a"], "", 2),
        Case("continuation then a word", "a \\\nb", ["a"], "b", 4),
        Case("expansions kept as written", #"show ${CLIENT_ID} "${A:-x y}"#, ["show", "${CLIENT_ID}"], "${A:-x y}", 18, "\""),
        Case("unfinished expansion", "show ${CLI", ["show"], "${CLI", 5),
        Case("unfinished expansion with an open quote", "x ${A:-'a b", ["x"], "${A:-'a b", 2, "'"),
        Case("bad substitution tolerated", "a ${1} b", ["a", "${1}"], "b", 7),
        Case("comment", "a # note", ["a"], "# note", 2),
        Case("cursor before a comment", "a b # note", cursor: 3, ["a"], "b", 2),
        Case("UTF-8 offsets", "é 'ü", ["é"], "ü", 3, "'"),
        Case("cursor inside a character moves back", "ab é", cursor: 4, ["ab"], "", 3),
        Case("cursor past the end", "ab", cursor: 99, [], "ab", 0),
        Case("negative cursor", "ab", cursor: -1, [], "", 0),
    ]

    @Test(arguments: cases) func partial(_ c: Case) {
        #expect(Lexer.partial(c.text, cursor: c.cursor ?? c.text.utf8.count) == c.expected)
    }
}
