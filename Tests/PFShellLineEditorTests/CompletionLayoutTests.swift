@testable import PFShellLineEditor
import Testing

@Suite("completion layout")
struct CompletionLayoutTests {
    @Test("longest common prefix")
    func commonPrefix() {
        #expect(CompletionLayout.longestCommonPrefix(["clear", "close", "cluster"]) == "cl")
        #expect(CompletionLayout.longestCommonPrefix(["help", "history"]) == "h")
        #expect(CompletionLayout.longestCommonPrefix(["same", "same"]) == "same")
        #expect(CompletionLayout.longestCommonPrefix(["abc", "xyz"]) == "")
        #expect(CompletionLayout.longestCommonPrefix(["ünï", "ünö"]) == "ün")
        #expect(CompletionLayout.longestCommonPrefix([]) == "")
    }

    @Test("items fill columns top to bottom within the width")
    func columns() {
        let items = ["a", "bb", "ccc", "dddd", "e"]
        // Column width is 4 + 2: 14 columns hold two of them.
        #expect(CompletionLayout.rows(items, width: 14) == ["a     dddd", "bb    e", "ccc"])
        #expect(CompletionLayout.rows(items, width: 80) == ["a     bb    ccc   dddd  e"])
        #expect(CompletionLayout.rows(items, width: 3) == ["a", "bb", "ccc", "dddd", "e"])
        #expect(CompletionLayout.rows([], width: 80).isEmpty)
    }

    @Test("candidates default their display to the replacement")
    func candidateDefaults() {
        let candidate = Candidate(replacement: "cluster")
        #expect(candidate.display == "cluster")
        #expect(candidate.appendSpace)
    }
}
