@testable import PFShellCore

/// Variables and environment for lexer tests; each a plain dictionary.
struct ScriptTestVariables: VariableLookup, Sendable {
    var values: [String: String] = [:]
    var env: [String: String] = [:]

    func value(of name: String) -> String? { values[name] }
    func environment(_ name: String) -> String? { env[name] }

    /// What the expansion tests read.
    static let standard = ScriptTestVariables(
        values: [
            "CLIENT_ID": "thingworx", "ENV_NAME": "Dev", "EMPTY": "", "SPACED": "a  b",
            "META": "${CLIENT_ID}", "QUOTES": "'q' \"d\"", "env": "plain", "TWX_HOST": "twx:8443", "_a1": "under",
        ],
        env: ["HOME": "/home/u", "EMPTYENV": ""]
    )
}

/// Shorthands: every line is read as if from `t.pfsh`.
enum ScriptFixture {
    static let file = "t.pfsh"

    static func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    static func raw(_ text: String, line: Int = 1) -> RawLine {
        RawLine(text: text, location: at(line, 1), physicalLines: text.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    static func line(_ text: String, _ variables: ScriptTestVariables = .standard) throws(ScriptError) -> CommandLine {
        try Lexer.words(raw(text), variables: variables)
    }

    static func texts(_ text: String, _ variables: ScriptTestVariables = .standard) throws(ScriptError) -> [String] {
        try line(text, variables).words.map(\.text)
    }

    /// The error `Lexer.words` throws, or nil when it succeeds.
    static func error(_ text: String, _ variables: ScriptTestVariables = .standard) -> ScriptError? {
        do {
            _ = try line(text, variables)
            return nil
        } catch {
            return error
        }
    }

    static func readAll(_ text: String) throws(ScriptError) -> [RawLine] {
        var reader = ScriptReader(text: text, file: file)
        var lines: [RawLine] = []
        while let line = try reader.next() {
            lines.append(line)
        }
        return lines
    }
}
