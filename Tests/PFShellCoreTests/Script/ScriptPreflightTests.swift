import PFShellCore
import Testing

/// A script is read whole before it runs: every syntax error and every variable nothing gives.
@Suite struct ScriptPreflightTests {
    func problems(_ text: String, variables: Set<String> = [], environment: Set<String> = [], files: [String: String] = [:]) -> [String] {
        var check = ScriptPreflight(variables: variables, environment: environment, readFile: { files[$0] })
        return check.problems(in: text, file: "job.pfsh").map(\.description)
    }

    @Test func aVariableNothingGivesIsFoundBeforeAnythingRuns() {
        #expect(problems("client new web\nset description ${WHO}\ncommit\n") == ["job.pfsh:2:17: undefined variable 'WHO'"])
        #expect(problems("set description ${env.WHO}\n") == ["job.pfsh:1:17: undefined variable 'env.WHO'"])
    }

    @Test func givenLetDefaultedAndEnvironmentVariablesAreFine() {
        #expect(problems("set description ${WHO}\n", variables: ["WHO"]).isEmpty)
        #expect(problems("let WHO me\nset description ${WHO}\n").isEmpty)
        #expect(problems("set description ${WHO:-nobody}\n").isEmpty)
        #expect(problems("set description ${env.HOME}\n", environment: ["HOME"]).isEmpty)
    }

    @Test func aLetCountsOnlyFromItsLineOn() {
        #expect(problems("set description ${WHO}\nlet WHO me\n") == ["job.pfsh:1:17: undefined variable 'WHO'"])
    }

    @Test func aDefaultThatIsUsedIsCheckedToo() {
        #expect(problems("echo ${A:-${B}}\n") == ["job.pfsh:1:11: undefined variable 'B'"])
        #expect(problems("echo ${A:-${B}}\n", variables: ["A"]).isEmpty)
    }

    @Test func aRequiredVariableSaysItsMessage() {
        #expect(problems("echo ${FILE:?give -v FILE=path}\n") == ["job.pfsh:1:6: variable 'FILE' is required: give -v FILE=path"])
    }

    @Test func syntaxErrorsAreFoundEvenAfterGoodLines() {
        #expect(problems("status\necho 'open\n") == ["job.pfsh:2:6: unterminated single quote"])
        #expect(problems("echo ${bad name}\nstatus\n").count == 1)
    }

    @Test func aSourcedFileIsReadWhereItIsSourcedAndItsLetsCount() {
        let files = ["lib/common.pfsh": "let SITE prod\necho ${MISSING}\n"]
        let found = problems("source lib/common.pfsh\necho ${SITE}\n", files: files)
        #expect(found == ["lib/common.pfsh:2:6: undefined variable 'MISSING'"])
    }

    @Test func letsCarryOverFromOneCommandToTheNext() {
        var check = ScriptPreflight(variables: [], environment: [], readFile: { _ in nil })
        #expect(check.problems(in: "let A 1", file: "-c", firstLine: 1).isEmpty)
        #expect(check.problems(in: "echo ${A} ${B}", file: "-c", firstLine: 2).map(\.description) == ["-c:2:11: undefined variable 'B'"])
    }

    // MARK: - Found by fuzzing

    /// The files a check reads, in order.
    final class Reads {
        var paths: [String] = []
    }

    /// A script sourcing itself was read again at every level down to the depth limit: 2^16 times
    /// with two `source` lines, and with three the check never ended.
    @Test func aScriptThatSourcesItselfIsNotReadAgain() {
        let text = "source self.pfsh\nsource self.pfsh\necho ${MISSING}\n"
        let reads = Reads()
        var check = ScriptPreflight(variables: [], environment: [], readFile: { path in
            reads.paths.append(path)
            return text
        })
        let found = check.problems(in: text, file: "self.pfsh").map(\.description)
        // Counts, so that a failure does not print 65,536 paths.
        #expect(reads.paths.count == 0)
        #expect(found.count == 1)
        #expect(found.first == "self.pfsh:3:6: undefined variable 'MISSING'")
    }

    @Test func aFileSourcedTwiceIsReadAndReportedOnce() {
        let reads = Reads()
        var check = ScriptPreflight(variables: [], environment: [], readFile: { path in
            reads.paths.append(path)
            return path == "lib.pfsh" ? "echo ${MISSING}\n" : nil
        })
        let found = check.problems(in: "source lib.pfsh\nsource lib.pfsh\n", file: "main.pfsh").map(\.description)
        #expect(reads.paths == ["lib.pfsh"])
        #expect(found == ["lib.pfsh:1:6: undefined variable 'MISSING'"])
    }
}
