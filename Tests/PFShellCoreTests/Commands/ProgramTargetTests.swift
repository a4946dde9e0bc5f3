@testable import PFShellCore
import Testing

/// `pfsh [OPTIONS] COMMAND [WORDS...]` against `pfsh [OPTIONS] SCRIPT`: what the first word decides.
@Suite struct ProgramTargetTests {
    @Test(arguments: [
        (["client", "list"], ProgramTarget.command(["client", "list"])),
        (["client", "list", "--json"], .command(["client", "list", "--json"])),
        (["status"], .command(["status"])),
        (["help", "client", "new"], .command(["help", "client", "new"])),
        (["exit"], .command(["exit"])),
        (["--", "status"], .command(["status"])),
        (["./status"], .script(path: "./status", rest: [])),
        (["scripts/status"], .script(path: "scripts/status", rest: [])),
        (["status.pfsh"], .script(path: "status.pfsh", rest: [])),
        (["client.pfsh", "--keep-going"], .script(path: "client.pfsh", rest: ["--keep-going"])),
        (["deploy"], .script(path: "deploy", rest: [])),
        ([], .nothing),
        (["--"], .nothing),
    ])
    func theFirstWordDecides(_ words: [String], _ expected: ProgramTarget) {
        #expect(ProgramTarget(words: words) == expected)
    }

    @Test func everyCommandOfTheTableIsRecognised() {
        for spec in CommandTable.all {
            #expect(ProgramTarget(words: spec.words).spec?.id == spec.id, "\(spec.name)")
        }
    }

    @Test func aStagingCommandNeedsCommit() throws {
        let target = ProgramTarget(words: ["client", "delete", "old client"])
        let problem = try #require(target.commitProblem(commit: false))
        #expect(problem == "'client delete' stages a change; add --commit to stage it, show the diff and commit it (pfsh --commit client delete 'old client')")
        #expect(target.commitProblem(commit: true) == nil)
        let late = ProgramTarget(words: ["client", "delete", "x", "--commit"])
        #expect(late.commitProblem(commit: false) == "--commit is pfsh's own option and goes before the command: pfsh --commit client delete x")
    }

    @Test func commitGoesOnlyWithAStagingCommand() {
        #expect(ProgramTarget(words: ["client", "list"]).commitProblem(commit: true) == "--commit goes with a command that stages a change; 'client list' does not")
        #expect(ProgramTarget(words: ["deploy.pfsh"]).commitProblem(commit: true) != nil)
        #expect(ProgramTarget(words: []).commitProblem(commit: true) != nil)
        #expect(ProgramTarget(words: ["client", "list"]).commitProblem(commit: false) == nil)
        // An unknown subcommand is left to the command parser, which says what is wrong.
        #expect(ProgramTarget(words: ["client", "bogus"]).commitProblem(commit: false) == nil)
    }

    @Test func helpAfterACommandExplainsIt() {
        #expect(ProgramTarget(words: ["client", "list", "--help"]).helpRequest == ["help", "client", "list"])
        #expect(ProgramTarget(words: ["client", "delete", "x", "-h"]).helpRequest == ["help", "client", "delete"])
        #expect(ProgramTarget(words: ["client", "delete", "-h"]).commitProblem(commit: false) == nil)
        #expect(ProgramTarget(words: ["echo", "--", "--help"]).helpRequest == nil)
        #expect(ProgramTarget(words: ["client", "list"]).helpRequest == nil)
        #expect(ProgramTarget(words: ["client", "bogus", "--help"]).helpRequest == nil)
    }

    @Test func argumentsAreWordsAsGivenNeverSplitQuotedOrExpanded() throws {
        let arguments = ["set", "description", "two  spaces 'quoted' ${HOME} \\ and # not a comment", "--client", "a b"]
        let line = CommandLine(arguments: arguments, file: "pfsh")
        #expect(line.words.map(\.text) == arguments)
        #expect(line.words.allSatisfy { !$0.isQuoted && !$0.containsExpansion })
        let invocation = try #require(try CommandParser.parse(line))
        #expect(invocation.spec.id == .set)
        #expect(invocation.value("--client") == "a b")
        #expect(invocation.arguments.map(\.text) == ["description", "two  spaces 'quoted' ${HOME} \\ and # not a comment"])
    }

    @Test func locationsCountColumnsOfTheQuotedLine() {
        let line = CommandLine(arguments: ["client", "show", "a b"], file: "pfsh")
        #expect(line.text == "client show 'a b'")
        #expect(line.words.map(\.location.column) == [1, 8, 13])
        #expect(line.words.allSatisfy { $0.location.file == "pfsh" && $0.location.line == 1 })
    }

    @Test func anEmptyArgumentStaysAWord() throws {
        let line = CommandLine(arguments: ["echo", "", "x"], file: "pfsh")
        #expect(line.words.map(\.text) == ["echo", "", "x"])
    }
}
