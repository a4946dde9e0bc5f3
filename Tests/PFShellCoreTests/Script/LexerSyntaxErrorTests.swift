import Testing

@testable import PFShellCore

/// Malformed substitutions, open quotes and trailing backslashes handed straight to the lexer.
@Suite struct LexerSyntaxErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let line: String
        let kind: ScriptError.Kind
        let line1Column: Int
        let message: String
        var testDescription: String { id }
    }

    static let cases: [Case] = [
        Case(id: "empty name", line: "a ${}", kind: .badSubstitution("${}"), line1Column: 3, message: "bad substitution '${}'"),
        Case(id: "name starting with a digit", line: "${1A}", kind: .badSubstitution("${1A}"), line1Column: 1,
             message: "bad substitution '${1A}'"),
        Case(id: "positional-like", line: "x ${1}", kind: .badSubstitution("${1}"), line1Column: 3, message: "bad substitution '${1}'"),
        Case(id: "unclosed at end of line", line: "a ${A", kind: .badSubstitution("${A"), line1Column: 3,
             message: "bad substitution '${A'"),
        Case(id: "unknown operator", line: "${A:x}", kind: .badSubstitution("${A:x}"), line1Column: 1,
             message: "bad substitution '${A:x}'"),
        Case(id: "colon alone", line: "${A:}", kind: .badSubstitution("${A:}"), line1Column: 1, message: "bad substitution '${A:}'"),
        Case(id: "dash without colon", line: "${A-x}", kind: .badSubstitution("${A-x}"), line1Column: 1,
             message: "bad substitution '${A-x}'"),
        Case(id: "assignment is not supported", line: "${A:=x}", kind: .badSubstitution("${A:=x}"), line1Column: 1,
             message: "bad substitution '${A:=x}'"),
        Case(id: "alternative is not supported", line: "${A:+x}", kind: .badSubstitution("${A:+x}"), line1Column: 1,
             message: "bad substitution '${A:+x}'"),
        Case(id: "blank in the name", line: "${A B}", kind: .badSubstitution("${A B}"), line1Column: 1,
             message: "bad substitution '${A B}'"),
        Case(id: "dotted name", line: "${a.b}", kind: .badSubstitution("${a.b}"), line1Column: 1, message: "bad substitution '${a.b}'"),
        Case(id: "env without a name", line: "${env.}", kind: .badSubstitution("${env.}"), line1Column: 1,
             message: "bad substitution '${env.}'"),
        Case(id: "env name with a digit first", line: "${env.1X}", kind: .badSubstitution("${env.1X}"), line1Column: 1,
             message: "bad substitution '${env.1X}'"),
        Case(id: "dollar brace at end", line: "a ${", kind: .badSubstitution("${"), line1Column: 3, message: "bad substitution '${'"),
        Case(id: "unclosed default", line: "${A:-x y", kind: .badSubstitution("${A:-x y"), line1Column: 1,
             message: "bad substitution '${A:-x y'"),
        Case(id: "unclosed default after a nested one", line: "${A:-${B}", kind: .badSubstitution("${A:-${B}"), line1Column: 1,
             message: "bad substitution '${A:-${B}'"),
        Case(id: "bad nested substitution", line: "${NOPE:-${9}}", kind: .badSubstitution("${9}"), line1Column: 9,
             message: "bad substitution '${9}'"),
        Case(id: "quote before the brace", line: #""${A""#, kind: .badSubstitution(#"${A""#), line1Column: 2,
             message: #"bad substitution '${A"'"#),
        Case(id: "syntax before lookups", line: "${NOPE} ${1}", kind: .badSubstitution("${1}"), line1Column: 9,
             message: "bad substitution '${1}'"),
        Case(id: "bad even where unused", line: "${CLIENT_ID:-${-}}", kind: .badSubstitution("${-}"), line1Column: 14,
             message: "bad substitution '${-}'"),
        Case(id: "open single quote", line: "a 'b", kind: .unterminatedQuote("'"), line1Column: 3, message: "unterminated single quote"),
        Case(id: "open double quote", line: #"a "b c"#, kind: .unterminatedQuote("\""), line1Column: 3,
             message: "unterminated double quote"),
        Case(id: "open quote inside a default", line: "${A:-'x}", kind: .unterminatedQuote("'"), line1Column: 6,
             message: "unterminated single quote"),
        Case(id: "innermost open quote is reported", line: #""${A:-"x"#, kind: .unterminatedQuote("\""), line1Column: 7,
             message: "unterminated double quote"),
        Case(id: "escaped quote does not close", line: #""a\""#, kind: .unterminatedQuote("\""), line1Column: 1,
             message: "unterminated double quote"),
        Case(id: "trailing backslash", line: #"a \"#, kind: .unfinishedContinuation, line1Column: 3,
             message: "unfinished line continuation at end of input"),
        Case(id: "trailing backslash in a word", line: #"ab\"#, kind: .unfinishedContinuation, line1Column: 3,
             message: "unfinished line continuation at end of input"),
        Case(id: "open quote wins over its trailing backslash", line: #""a\"#, kind: .unterminatedQuote("\""), line1Column: 1,
             message: "unterminated double quote"),
    ]

    @Test(arguments: cases) func refuses(_ c: Case) {
        let error = ScriptFixture.error(c.line)
        #expect(error == ScriptError(kind: c.kind, location: ScriptFixture.at(1, c.line1Column)))
        #expect(error?.message == c.message)
    }

    @Test func backslashInSingleQuotesDoesNotContinue() throws {
        #expect(try ScriptFixture.texts(#"'a\' b"#) == [#"a\"#, "b"])
    }

    // MARK: - Found while fuzzing, in lines longer than the fuzzer's inputs

    /// `${A:-` repeated `levels` times, then `x`, then as many `}`.
    static func nested(_ levels: Int) -> String {
        String(repeating: "${A:-", count: levels) + "x" + String(repeating: "}", count: levels)
    }

    @Test func defaultsNestThirtyTwoDeep() throws {
        #expect(try ScriptFixture.texts(Self.nested(32)) == ["x"])
    }

    /// Each `${A:-` is five characters: the 33rd starts in column 161.
    @Test func aThirtyThirdNestedDefaultIsAnError() {
        let error = ScriptFixture.error(Self.nested(33))
        #expect(error == ScriptError(kind: .nestedTooDeep(32), location: ScriptFixture.at(1, 161)))
    }

    /// Five thousand nested defaults (a 30 kB line) overflowed the stack: the parser recursed
    /// once per level.
    @Test func deepNestingIsAnErrorNotACrash() {
        let line = Self.nested(5_000)
        #expect(ScriptFixture.error(line)?.kind == .nestedTooDeep(32))
        var check = ScriptPreflight(variables: [], environment: [], readFile: { _ in nil })
        #expect(check.problems(in: line, file: ScriptFixture.file).map(\.kind) == [.nestedTooDeep(32)])
        #expect(Lexer.partial(line, cursor: line.utf8.count).completeWords.isEmpty)
    }
}
