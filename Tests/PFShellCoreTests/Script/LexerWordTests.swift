import Testing

@testable import PFShellCore

/// Word splitting, quoting, escapes and comments: the texts of the words of one line.
@Suite struct LexerWordTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let line: String
        let words: [String]
        var testDescription: String { id }
    }

    static let quoting: [Case] = [
        Case(id: "bare words", line: "client new thingworx", words: ["client", "new", "thingworx"]),
        Case(id: "blanks and tabs separate once", line: "  a \t b  ", words: ["a", "b"]),
        Case(id: "blank line", line: "", words: []),
        Case(id: "only blanks", line: " \t ", words: []),
        Case(id: "single quotes are literal", line: #"'a  b $X ${X} \ "c"'"#, words: [#"a  b $X ${X} \ "c""#]),
        Case(id: "double quotes keep blanks", line: #""a  b""#, words: ["a  b"]),
        Case(id: "double quote escapes", line: #""q\" b\\ d\$X""#, words: [#"q" b\ d$X"#]),
        Case(id: "other backslashes in double quotes stay", line: #""a\nb\}c\'""#, words: [#"a\nb\}c\'"#]),
        Case(id: "backslash escapes outside quotes", line: #"a\ b \'c\" \\ \n"#, words: ["a b", #"'c""#, #"\"#, "n"]),
        Case(id: "adjacent parts form one word", line: #"pre'mid'"end"post"#, words: ["premidendpost"]),
        Case(id: "empty single quotes are a word", line: "a '' b", words: ["a", "", "b"]),
        Case(id: "empty double quotes are a word", line: #""""#, words: [""]),
        Case(id: "empty quotes inside a word add nothing", line: "a''b", words: ["ab"]),
        Case(id: "single quote inside double quotes", line: #""it's""#, words: ["it's"]),
        Case(id: "double quotes inside single quotes", line: #"'say "hi"'"#, words: [#"say "hi""#]),
        Case(id: "quote written as close-escape-open", line: #"'it'\''s'"#, words: ["it's"]),
        Case(id: "dollar without brace is literal", line: #"$HOME a$ $$ "$x" $"#, words: ["$HOME", "a$", "$$", "$x", "$"]),
        Case(id: "escaped dollar outside quotes", line: #"\${CLIENT_ID}"#, words: ["${CLIENT_ID}"]),
        Case(id: "escaped dollar inside double quotes", line: #""\${CLIENT_ID}""#, words: ["${CLIENT_ID}"]),
        Case(id: "braces alone are literal", line: "{a} } {", words: ["{a}", "}", "{"]),
        Case(id: "non-ASCII words", line: #""é" ü 🙂"#, words: ["é", "ü", "🙂"]),
        Case(id: "carriage return is a blank", line: "a b\r", words: ["a", "b"]),
        Case(id: "quoted newline kept", line: "'a\nb' \"c\nd\"", words: ["a\nb", "c\nd"]),
        Case(id: "quoted carriage return kept", line: "'a\rb'", words: ["a\rb"]),
        Case(id: "brief example", line: #"client new ${CLIENT_ID:-thingworx} --name "ThingWorx ${ENV_NAME}"   # comment"#,
             words: ["client", "new", "thingworx", "--name", "ThingWorx Dev"]),
    ]

    static let comments: [Case] = [
        Case(id: "comment after words", line: "a b # c d", words: ["a", "b"]),
        Case(id: "comment right after a blank", line: "a #c", words: ["a"]),
        Case(id: "whole-line comment", line: "# note", words: []),
        Case(id: "indented comment", line: "   \t# note", words: []),
        Case(id: "hash inside a word", line: "a#b c# d", words: ["a#b", "c#", "d"]),
        Case(id: "hash after a closing quote", line: "'a'#b", words: ["a#b"]),
        Case(id: "hash in quotes", line: ##"'#a' "#b""##, words: ["#a", "#b"]),
        Case(id: "escaped hash", line: "\\#a", words: ["#a"]),
        Case(id: "hash in a default", line: "${NOPE:-#x}", words: ["#x"]),
        Case(id: "quote in a comment is not a quote", line: "a # don't \"", words: ["a"]),
        Case(id: "expansion in a comment is not looked up", line: "a # ${NOPE} ${1}", words: ["a"]),
    ]

    @Test(arguments: quoting + comments) func words(_ c: Case) throws {
        #expect(try ScriptFixture.texts(c.line) == c.words)
    }

    struct FlagCase: CustomTestStringConvertible, Sendable {
        let id: String
        let word: String
        let isQuoted: Bool
        let containsExpansion: Bool
        var testDescription: String { id }
    }

    static let flags: [FlagCase] = [
        FlagCase(id: "bare", word: "abc", isQuoted: false, containsExpansion: false),
        FlagCase(id: "single quoted", word: "'a'", isQuoted: true, containsExpansion: false),
        FlagCase(id: "empty single quotes", word: "''", isQuoted: true, containsExpansion: false),
        FlagCase(id: "empty double quotes", word: #""""#, isQuoted: true, containsExpansion: false),
        FlagCase(id: "quoted part", word: "a'b'", isQuoted: true, containsExpansion: false),
        FlagCase(id: "backslash", word: #"a\ b"#, isQuoted: true, containsExpansion: false),
        FlagCase(id: "lone dollar", word: "$x", isQuoted: false, containsExpansion: false),
        FlagCase(id: "bare expansion", word: "${CLIENT_ID}", isQuoted: false, containsExpansion: true),
        FlagCase(id: "expansion in double quotes", word: #""${CLIENT_ID}""#, isQuoted: true, containsExpansion: true),
        FlagCase(id: "quoted default", word: "${NOPE:-'x'}", isQuoted: true, containsExpansion: true),
        FlagCase(id: "bare default", word: "${NOPE:-x}", isQuoted: false, containsExpansion: true),
        FlagCase(id: "empty expansion", word: "${EMPTY}", isQuoted: false, containsExpansion: true),
    ]

    @Test(arguments: flags) func wordFlags(_ c: FlagCase) throws {
        let words = try ScriptFixture.line(c.word).words
        #expect(words.count == 1)
        #expect(words.first?.isQuoted == c.isQuoted)
        #expect(words.first?.containsExpansion == c.containsExpansion)
    }

    @Test func commandLineKeepsRawTextAndLocation() throws {
        let text = "client new 'x' \\\n  --name y # why"
        let line = try Lexer.words(ScriptFixture.raw(text, line: 4), variables: ScriptTestVariables())
        #expect(line.text == text)
        #expect(line.location == ScriptFixture.at(4, 1))
        #expect(line.words.map(\.text) == ["client", "new", "x", "--name", "y"])
    }
}
