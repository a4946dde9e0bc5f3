import PFShellCore

/// `pfsh --profile dev,test,prod SCRIPT`: the script against each server in turn, each its own
/// session, connection and commit, then a summary table. The exit status is 0 when every server
/// succeeded, otherwise that of the first one that failed.
struct FanOut {
    let options: ProgramOptions

    func run() -> ExitStatus {
        guard options.script != nil || options.scriptFile != nil || !options.commands.isEmpty else {
            Output.err("pfsh: --profile with several profiles runs a script or -c commands against each; give one")
            return .usage
        }
        var rows: [[String]] = []
        var first: ExitStatus = .success
        for (index, profile) in options.fanOutProfiles.enumerated() {
            Output.out(["==> \(profile)"])
            let launcher = Launcher(options: options.with(profile: profile))
            let status = launcher.run()
            rows.append([profile, Self.result(status, launcher.outcome)])
            if status != .success && first == .success { first = status }
            if status != .success && options.stopOnFailure {
                rows += options.fanOutProfiles.dropFirst(index + 1).map { [$0, "not run (--stop-on-failure)"] }
                break
            }
        }
        Output.out([""] + TextTable.render(header: ["PROFILE", "RESULT"], rows: rows))
        return first
    }

    private static func result(_ status: ExitStatus, _ outcome: (applied: Int, firstError: String?)) -> String {
        guard status == .success else {
            return "failed (exit \(status.rawValue))" + (outcome.firstError.map { ": \($0)" } ?? "")
        }
        return outcome.applied > 0 ? "committed \(outcome.applied) client write(s)" : "nothing to do"
    }
}
