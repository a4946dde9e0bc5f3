@testable import PFShellCore
import Testing

/// The manual page comes from the command table, like `help`.
@Suite struct ManualPageTests {
    static let page = ManualPage.render(version: "9.8.7")
    static let lines = page.split(separator: "\n").map(String.init)

    @Test func everyCommandOfTheTableHasAnEntry() {
        for spec in CommandTable.all {
            let tag = spec.words.map { Roff.escape($0) }.joined(separator: " ")
            #expect(Self.lines.contains { $0.hasPrefix("\\fB\(tag)\\fR") }, "no entry for \(spec.name)")
            #expect(Self.page.contains(Roff.escape(spec.summary)), "no summary for \(spec.name)")
            for option in spec.options {
                #expect(Self.lines.contains { $0.hasPrefix("\\fB\(Roff.escape(option.name))\\fR") }, "\(spec.name) \(option.name)")
            }
        }
    }

    @Test func hasTheSectionsOfAManualPage() {
        let sections = Self.lines.filter { $0.hasPrefix(".SH ") }.map { String($0.dropFirst(4)) }
        #expect(sections == ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "SCRIPTS", "FILES", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES"])
        #expect(Self.lines.first == #".TH PFSH 1 "" "pfsh 9.8.7" "User Commands""#)
    }

    @Test func listsPfshsOwnOptionsFromTheirTable() {
        #expect(Self.lines.contains("\\fB\\-\\-url\\fR \\fIURL\\fR"))
        #expect(Self.lines.contains("\\fB\\-h\\fR, \\fB\\-\\-help\\fR"))
        for option in ProgramOptions.table {
            #expect(Self.lines.contains { $0.contains("\\fB\(Roff.escape(option.name))\\fR") }, "\(option.name)")
        }
    }

    @Test func everyExitStatusIsExplained() {
        for status in ExitStatus.allCases {
            #expect(Self.lines.contains("\\fB\(status.rawValue)\\fR"))
            #expect(Self.page.contains(Roff.escape(status.summary)))
        }
    }

    @Test func noLineIsAnAccidentalRequest() {
        let requests = Set([".TH", ".SH", ".SS", ".TP", ".PP", ".RS", ".RE", ".nf", ".fi", ".br"])
        for line in Self.lines where line.hasPrefix(".") || line.hasPrefix("'") {
            #expect(requests.contains(String(line.prefix(3))), "\(line)")
        }
    }

    @Test(arguments: [
        ("a-b", "a\\-b"), ("back\\slash", "back\\eslash"), ("plain", "plain"),
    ])
    func escapes(_ text: String, _ expected: String) {
        #expect(Roff.escape(text) == expected)
    }

    @Test func aLineStartingWithADotIsProtected() {
        #expect(Roff.text(".pfsh files") == "\\&.pfsh files")
        #expect(Roff.text("'quoted'") == "\\&'quoted'")
    }
}
