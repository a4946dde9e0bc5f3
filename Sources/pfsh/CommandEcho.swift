import PFShellCore

/// For the golden transcript tests only, which show each command of a script before what it
/// printed: under `PFSH_ECHO_COMMANDS=1`, before each command of the input (the script, `-c`, piped
/// standard input; not the start-up file, nor what `source` reads) pfsh writes the command's lines
/// to stdout and to stderr, the first after U+001E, the others after U+001F, and U+001E alone once
/// the input is done (read to its end, or stopped by an error or `quit`). Only the test harness
/// reads these marks; nothing else about a run changes.
///
/// The harness cannot find the boundaries itself: a script is read whole and runs at once, and
/// stdout and stderr are separate pipes, so only pfsh knows where one command's output ends.
struct CommandEcho {
    static let variable = "PFSH_ECHO_COMMANDS"

    init?(environment: [String: String]) {
        guard environment[Self.variable] == "1" else { return nil }
    }

    /// Marks the start of a command; blank and comment-only lines are not commands.
    func command(_ line: RawLine) {
        guard let first = line.text.first(where: { $0 != " " && $0 != "\t" && $0 != "\n" }), first != "#" else { return }
        let lines = line.text.split(separator: "\n", omittingEmptySubsequences: false)
        let marked = lines.enumerated().map { ($0.offset == 0 ? "\u{1E}" : "\u{1F}") + $0.element }.joined(separator: "\n")
        Output.out([marked])
        Output.err(marked)
    }

    /// Marks the end of the commands: what follows is the check for uncommitted changes.
    func endOfInput() {
        Output.out(["\u{1E}"])
        Output.err("\u{1E}")
    }
}
