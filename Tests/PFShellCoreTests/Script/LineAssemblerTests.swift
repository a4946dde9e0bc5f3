import Testing

@testable import PFShellCore

/// Physical lines fed one at a time, as from a prompt or a pipe.
@Suite struct LineAssemblerTests {
    static func raw(_ text: String, line: Int, physical: Int, file: String = ScriptFixture.file) -> RawLine {
        RawLine(text: text, location: SourceLocation(file: file, line: line, column: 1), physicalLines: physical)
    }

    @Test func completeLineComesBackAtOnce() {
        var assembler = LineAssembler(file: ScriptFixture.file)
        #expect(assembler.feed("client show x") == Self.raw("client show x", line: 1, physical: 1))
        #expect(!assembler.needsMore)
        #expect(assembler.feed("") == Self.raw("", line: 2, physical: 1))
    }

    @Test func openQuoteWaitsForItsClose() {
        var assembler = LineAssembler(file: ScriptFixture.file)
        #expect(assembler.feed("a 'b") == nil)
        #expect(assembler.needsMore)
        #expect(assembler.feed("") == nil)
        #expect(assembler.feed("c' d") == Self.raw("a 'b\n\nc' d", line: 1, physical: 3))
        #expect(!assembler.needsMore)
        #expect(assembler.feed("e") == Self.raw("e", line: 4, physical: 1))
    }

    struct QuoteCase: CustomTestStringConvertible, Sendable {
        let id: String
        let lines: [String]
        var testDescription: String { id }
    }

    /// Lines inside a quote that do or do not close it; the logical line completes exactly on the
    /// last one, never before.
    static let quoteCases: [QuoteCase] = [
        QuoteCase(id: "JSON in single quotes", lines: ["body '{", #"  "k": "v","#, #"  "n": 1"#, "}'"]),
        QuoteCase(id: "apostrophe and escaped quote in double quotes", lines: [#"a "x"#, "it's", #"say \"hi\" \"#, #"end""#]),
        QuoteCase(id: "nested quote in a default", lines: [#""${A:-"x"#, #"y"}"#, "z", #"" w"#]),
        QuoteCase(id: "close then reopen", lines: ["a 'x", "y' 'z", "w'"]),
        QuoteCase(id: "close then continue", lines: ["a 'x", "y' \\", "z"]),
    ]

    @Test(arguments: quoteCases) func completesOnTheClosingLine(_ c: QuoteCase) {
        var assembler = LineAssembler(file: ScriptFixture.file)
        for line in c.lines.dropLast() {
            #expect(assembler.feed(line) == nil, "completed early at \(line)")
        }
        let last = assembler.feed(c.lines.last ?? "")
        #expect(last == Self.raw(c.lines.joined(separator: "\n"), line: 1, physical: c.lines.count))
        #expect(!assembler.needsMore)
    }

    @Test func trailingBackslashWaitsForTheNextLine() {
        var assembler = LineAssembler(file: "<stdin>", firstLine: 10)
        #expect(assembler.feed("a \\") == nil)
        #expect(assembler.needsMore)
        #expect(assembler.feed("  b") == Self.raw("a \\\n  b", line: 10, physical: 2, file: "<stdin>"))
        #expect(assembler.feed("c") == Self.raw("c", line: 12, physical: 1, file: "<stdin>"))
    }

    @Test func lineEndingsAreDropped() {
        var assembler = LineAssembler(file: ScriptFixture.file)
        #expect(assembler.feed("a \"b\r\n") == nil)
        #expect(assembler.feed("c\"\n") == Self.raw("a \"b\nc\"", line: 1, physical: 2))
        #expect(assembler.feed("x \\\r") == nil)
        #expect(assembler.feed("y\r\n") == Self.raw("x \\\ny", line: 3, physical: 2))
    }

    @Test func finishWithNothingPending() throws {
        var assembler = LineAssembler(file: ScriptFixture.file)
        #expect(try assembler.finish() == nil)
        _ = assembler.feed("a")
        #expect(try assembler.finish() == nil)
    }

    struct FinishCase: CustomTestStringConvertible, Sendable {
        let id: String
        let lines: [String]
        let error: ScriptError
        var testDescription: String { id }
    }

    static let finishCases: [FinishCase] = [
        FinishCase(id: "open single quote", lines: ["ok", "a 'b", "c"],
                   error: ScriptError(kind: .unterminatedQuote("'"), location: SourceLocation(file: "-c", line: 2, column: 3))),
        FinishCase(id: "open double quote after UTF-8", lines: ["é \"x"],
                   error: ScriptError(kind: .unterminatedQuote("\""), location: SourceLocation(file: "-c", line: 1, column: 3))),
        FinishCase(id: "open quote in a default", lines: ["${A:-\"x"],
                   error: ScriptError(kind: .unterminatedQuote("\""), location: SourceLocation(file: "-c", line: 1, column: 6))),
        FinishCase(id: "trailing backslash", lines: ["a \\", "  b \\"],
                   error: ScriptError(kind: .unfinishedContinuation, location: SourceLocation(file: "-c", line: 2, column: 5))),
    ]

    @Test(arguments: finishCases) func finishReportsTheOpenLine(_ c: FinishCase) {
        var assembler = LineAssembler(file: "-c")
        for line in c.lines {
            _ = assembler.feed(line)
        }
        #expect(assembler.needsMore)
        var thrown: ScriptError?
        do {
            _ = try assembler.finish()
        } catch {
            thrown = error
        }
        #expect(thrown == c.error)
        #expect(thrown?.message == c.error.message)
        #expect(!assembler.needsMore)
        #expect((try? assembler.finish()) == .some(nil))
    }
}
