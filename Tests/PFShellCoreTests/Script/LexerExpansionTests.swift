import Testing

@testable import PFShellCore

/// `${NAME}`, `${NAME:-default}`, `${NAME:?message}` and `${env.NAME}`, with the values in
/// `ScriptTestVariables.standard`.
@Suite struct LexerExpansionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let line: String
        let words: [String]
        var testDescription: String { id }
    }

    static let cases: [Case] = [
        Case(id: "plain", line: "${CLIENT_ID}", words: ["thingworx"]),
        Case(id: "inside double quotes", line: #""ThingWorx ${ENV_NAME}""#, words: ["ThingWorx Dev"]),
        Case(id: "joined to text", line: "pre${ENV_NAME}post${CLIENT_ID}", words: ["preDevpostthingworx"]),
        Case(id: "value with blanks stays one word", line: "${SPACED} x", words: ["a  b", "x"]),
        Case(id: "value is not expanded again", line: "${META}", words: ["${CLIENT_ID}"]),
        Case(id: "quotes in a value stay", line: "${QUOTES}", words: [#"'q' "d""#]),
        Case(id: "empty value is an empty word", line: "a ${EMPTY} b", words: ["a", "", "b"]),
        Case(id: "underscore name", line: "${_a1}", words: ["under"]),
        Case(id: "variable named env", line: "${env}", words: ["plain"]),
        Case(id: "default when unset", line: "${NOPE:-thingworx}", words: ["thingworx"]),
        Case(id: "default when empty", line: "${EMPTY:-x}", words: ["x"]),
        Case(id: "set value wins over default", line: "${CLIENT_ID:-other}", words: ["thingworx"]),
        Case(id: "default with blanks", line: "${NOPE:-a  b} c", words: ["a  b", "c"]),
        Case(id: "empty default", line: "${NOPE:-}", words: [""]),
        Case(id: "nested default", line: "${NOPE:-${ENV_NAME}}", words: ["Dev"]),
        Case(id: "default of a default", line: "${NOPE:-${NOPE2:-deep}}", words: ["deep"]),
        Case(id: "default with text around a nested one", line: "${NOPE:-a${ENV_NAME}b}", words: ["aDevb"]),
        Case(id: "unused default is not looked up", line: "${CLIENT_ID:-${NOPE}}", words: ["thingworx"]),
        Case(id: "single-quoted default", line: "${NOPE:-'a} b'}", words: ["a} b"]),
        Case(id: "double-quoted default", line: #"${NOPE:-"x ${ENV_NAME}"}"#, words: ["x Dev"]),
        Case(id: "escaped brace in default", line: #"${NOPE:-a\}b}"#, words: ["a}b"]),
        Case(id: "dollar in default", line: "${NOPE:-$5}", words: ["$5"]),
        Case(id: "apostrophe in a double-quoted default", line: #""${NOPE:-it's}""#, words: ["it's"]),
        Case(id: "nested double quotes in a double-quoted default", line: #""${NOPE:-"x y"}""#, words: ["x y"]),
        Case(id: "escaped brace in a double-quoted default", line: #""${NOPE:-a\}b}""#, words: ["a}b"]),
        Case(id: "required and set", line: "${CLIENT_ID:?give one}", words: ["thingworx"]),
        Case(id: "environment", line: "${env.HOME}/x", words: ["/home/u/x"]),
        Case(id: "environment in double quotes", line: #""${env.HOME}""#, words: ["/home/u"]),
        Case(id: "environment default", line: "${env.NOPE:-/tmp}", words: ["/tmp"]),
        Case(id: "empty environment uses default", line: "${env.EMPTYENV:-d}", words: ["d"]),
        Case(id: "environment required and set", line: "${env.HOME:?need it}", words: ["/home/u"]),
        Case(id: "environment and variables are apart", line: "${HOME:-none} ${env.CLIENT_ID:-none}", words: ["none", "none"]),
        Case(id: "brief let example", line: "let HOST ${TWX_HOST:?set -v TWX_HOST=host:port}", words: ["let", "HOST", "twx:8443"]),
    ]

    @Test(arguments: cases) func expands(_ c: Case) throws {
        #expect(try ScriptFixture.texts(c.line) == c.words)
    }

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        let id: String
        let line: String
        let kind: ScriptError.Kind
        let column: Int
        let message: String
        var testDescription: String { id }
    }

    static let errors: [ErrorCase] = [
        ErrorCase(id: "undefined", line: "client new ${CLIENT}", kind: .undefinedVariable("CLIENT"), column: 12,
                  message: "undefined variable 'CLIENT'"),
        ErrorCase(id: "undefined inside double quotes", line: #"x "a ${NOPE}""#, kind: .undefinedVariable("NOPE"), column: 6,
                  message: "undefined variable 'NOPE'"),
        ErrorCase(id: "undefined environment", line: "${env.NOPE}", kind: .undefinedVariable("env.NOPE"), column: 1,
                  message: "undefined variable 'env.NOPE'"),
        ErrorCase(id: "undefined in a used default", line: "${NOPE:-${ALSO}}", kind: .undefinedVariable("ALSO"), column: 9,
                  message: "undefined variable 'ALSO'"),
        ErrorCase(id: "first undefined wins", line: "${A} ${B}", kind: .undefinedVariable("A"), column: 1,
                  message: "undefined variable 'A'"),
        ErrorCase(id: "required", line: "let HOST ${HOST:?set -v HOST=host:port}",
                  kind: .requiredVariable(name: "HOST", message: "set -v HOST=host:port"), column: 10,
                  message: "variable 'HOST' is required: set -v HOST=host:port"),
        ErrorCase(id: "required but empty", line: "${EMPTY:?no}", kind: .requiredVariable(name: "EMPTY", message: "no"),
                  column: 1, message: "variable 'EMPTY' is required: no"),
        ErrorCase(id: "required without a message", line: "${NOPE:?}", kind: .requiredVariable(name: "NOPE", message: ""),
                  column: 1, message: "variable 'NOPE' is required"),
        ErrorCase(id: "required message is expanded", line: "${NOPE:?set it for ${ENV_NAME}}",
                  kind: .requiredVariable(name: "NOPE", message: "set it for Dev"), column: 1,
                  message: "variable 'NOPE' is required: set it for Dev"),
        ErrorCase(id: "required environment", line: "x ${env.SECRET:?export SECRET}",
                  kind: .requiredVariable(name: "env.SECRET", message: "export SECRET"), column: 3,
                  message: "variable 'env.SECRET' is required: export SECRET"),
        ErrorCase(id: "required inside a default", line: "${NOPE:-${ALSO:?m}}", kind: .requiredVariable(name: "ALSO", message: "m"),
                  column: 9, message: "variable 'ALSO' is required: m"),
    ]

    @Test(arguments: errors) func refuses(_ c: ErrorCase) {
        let error = ScriptFixture.error(c.line)
        #expect(error == ScriptError(kind: c.kind, location: ScriptFixture.at(1, c.column)))
        #expect(error?.message == c.message)
    }

    /// A lookup that records the names it was asked for.
    final class RecordingLookup: VariableLookup {
        var asked: [String] = []
        func value(of name: String) -> String? {
            asked.append(name)
            return name == "SET" ? "v" : nil
        }
        func environment(_ name: String) -> String? {
            asked.append("env.\(name)")
            return nil
        }
    }

    @Test func unusedDefaultIsNeverLookedUp() throws {
        let lookup = RecordingLookup()
        let line = try Lexer.words(ScriptFixture.raw("${SET:-${OTHER}} ${NOPE:-${env.X:-d}}"), variables: lookup)
        #expect(line.words.map(\.text) == ["v", "d"])
        #expect(lookup.asked == ["SET", "NOPE", "env.X"])
    }
}
