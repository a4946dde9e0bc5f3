import Foundation
import Testing

/// Tests that need a program from outside the package: tmux and the shells of the interactive
/// tests, the conformance tool beside the project. Where one is missing the test is skipped, and
/// says why; under `PFSH_REQUIRE_ALL=1`, which `scripts/test.sh` (and so CI) sets, it runs and
/// fails instead, so that a run which checked less than everything cannot pass.
///
/// A whole test or suite takes `.enabled(if: RequiredTool.runs(present), "why")` (a visible skip)
/// and starts with `RequiredTool.require(present, "why")`; one case of a parameterized test, which
/// no trait can skip, gets a known issue with the reason and is cancelled.
public enum RequiredTool {
    public static let variable = "PFSH_REQUIRE_ALL"

    public static var isRequired: Bool { ProcessInfo.processInfo.environment[variable] == "1" }

    /// Whether a test that needs the program runs: when it is there, or when it must be.
    public static func runs(_ present: Bool) -> Bool { present || isRequired }

    /// Returns when `present`; otherwise fails the test under `PFSH_REQUIRE_ALL=1`, else records
    /// the reason as a known issue and cancels the test.
    public static func require(_ present: Bool, _ missing: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard !present else { return }
        try #require(!isRequired, "\(missing), and \(variable)=1 requires it", sourceLocation: sourceLocation)
        withKnownIssue(Comment(rawValue: "\(missing); skipped (\(variable)=1 makes this a failure)")) {
            Issue.record(Comment(rawValue: missing), sourceLocation: sourceLocation)
        }
        try Test.cancel(Comment(rawValue: missing), sourceLocation: sourceLocation)
    }
}
