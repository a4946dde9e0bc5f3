import PFShellCore

/// `pfsh [OPTIONS] COMMAND [WORDS...]`: one command of the table, its words passed as they are (the
/// shell that started pfsh already split and quoted them). With `--commit`, a command that stages a
/// change is followed by `diff` and `commit`, like `kubectl patch`.
enum OneShotCommand {
    /// What diagnostics and `source` see as the command's file.
    static let file = "pfsh"

    static func run(_ words: [String], commit: Bool, runner: Runner) {
        if let help = ProgramTarget.command(words).helpRequest {
            runner.execute(CommandLine(arguments: help, file: file), showLocations: false)
            return
        }
        runner.execute(CommandLine(arguments: words, file: file), showLocations: false)
        if commit {
            for follow in ["diff", "commit"] where runner.status == .success {
                runner.execute(CommandLine(arguments: [follow], file: file), showLocations: false)
            }
        }
        // `pfsh source deploy.pfsh` is held to a script's rule: nothing may be left staged.
        if runner.status == .success { runner.checkNothingLeftStaged(file: file) }
    }
}
