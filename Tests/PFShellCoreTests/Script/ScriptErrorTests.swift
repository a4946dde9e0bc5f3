import Testing

@testable import PFShellCore

/// Messages are lowercase without a trailing period and follow `FILE:LINE:COLUMN: `.
@Suite struct ScriptErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let kind: ScriptError.Kind
        let message: String
        var testDescription: String { id }
    }

    static let cases: [Case] = [
        Case(id: "single quote", kind: .unterminatedQuote("'"), message: "unterminated single quote"),
        Case(id: "double quote", kind: .unterminatedQuote("\""), message: "unterminated double quote"),
        Case(id: "continuation", kind: .unfinishedContinuation, message: "unfinished line continuation at end of input"),
        Case(id: "undefined", kind: .undefinedVariable("CLIENT_ID"), message: "undefined variable 'CLIENT_ID'"),
        Case(id: "required", kind: .requiredVariable(name: "TWX_HOST", message: "set -v TWX_HOST=host:port"),
             message: "variable 'TWX_HOST' is required: set -v TWX_HOST=host:port"),
        Case(id: "required without message", kind: .requiredVariable(name: "X", message: ""), message: "variable 'X' is required"),
        Case(id: "bad substitution", kind: .badSubstitution("${1x}"), message: "bad substitution '${1x}'"),
        Case(id: "nested too deep", kind: .nestedTooDeep(32), message: "substitutions nested more than 32 deep"),
    ]

    @Test(arguments: cases) func message(_ c: Case) {
        let error = ScriptError(kind: c.kind, location: ScriptFixture.at(3, 7))
        #expect(error.message == c.message)
        #expect(error.description == "t.pfsh:3:7: " + c.message)
    }
}
