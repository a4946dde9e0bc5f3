import ArgumentParser
import PFShellCore

/// pfsh's command line. Usage errors exit 2 (not argument-parser's 64).
struct PfshOptions: ParsableArguments {
    static let helpText = """
        pfsh: the PingFederate shell. Stage OAuth client changes against the Admin API, review them
        with diff, and write them with commit; replay saved .pfsh scripts. 'pfsh [<options>] COMMAND
        [WORD ...]' runs one command ('pfsh help' lists them); one that stages a change needs --commit.


        """ + HelpWrap.wrap(ExitStatus.allCases.map { "\($0.rawValue) \($0.summary)" }, first: "exit status: ")

    /// The command or script and everything after it, exactly as given: after the first word that is
    /// not one of pfsh's options, every word belongs to the command (`pfsh client list --json`).
    @Argument(
        parsing: .captureForPassthrough,
        help: ArgumentHelp(
            "a command and its words, run once (see 'pfsh help'), or a .pfsh script to run",
            valueName: "command-or-script"))
    var words: [String] = []

    @Option(name: .customLong("url"), help: "the admin host, https://host:9999 (/pf-admin-api/v1 is added)")
    var url: String?

    @Option(help: "administrator name (default administrator)")
    var user: String?

    @Option(name: .customLong("password-env"), help: ArgumentHelp("read the password from this environment variable", valueName: "VAR"))
    var passwordEnv: String?

    @Option(name: .customLong("password-file"), help: ArgumentHelp("read the password from this file", valueName: "FILE"))
    var passwordFile: String?

    @Option(name: .customLong("token-env"), help: ArgumentHelp("send this environment variable as a bearer token", valueName: "VAR"))
    var tokenEnv: String?

    @Option(name: .customLong("ca-file"), help: ArgumentHelp("trust the certificates in this PEM file", valueName: "PEM"))
    var caFile: String?

    @Flag(help: "do not verify the server's certificate (warns on every connect)")
    var insecure = false

    @Option(help: ArgumentHelp("give up on a request after this many seconds (default 30)", valueName: "SECONDS"))
    var timeout: Int?

    @Option(name: .customLong("runtime-url"), help: ArgumentHelp("PingFederate's runtime OAuth endpoints (default: port 9031 of the admin host)", valueName: "URL"))
    var runtimeURL: String?

    @Option(help: ArgumentHelp("connect with a profile defined in pfshrc", valueName: "NAME"))
    var profile: String?

    @Flag(help: "start the bundled emulator with demo data and connect to it")
    var sandbox = false

    @Option(name: .short, help: ArgumentHelp("run this command (repeatable)", valueName: "COMMAND"))
    var c: [String] = []

    @Option(name: .short, help: ArgumentHelp("run this script file", valueName: "FILE"))
    var f: String?

    @Option(name: .short, help: ArgumentHelp("set a script variable (repeatable)", valueName: "NAME=VALUE"))
    var v: [String] = []

    @Flag(name: .customLong("keep-going"), help: "continue after an error (the exit status is the first error's)")
    var keepGoing = false

    @Flag(name: .customLong("dry-run"), help: "make every commit dry: validate and print the requests, write nothing")
    var dryRun = false

    @Flag(help: "data-printing commands print JSON")
    var json = false

    @Flag(help: "with a command that stages a change: stage it, show the diff and commit it")
    var commit = false

    @Option(help: ArgumentHelp("append one JSON line per HTTP exchange, secrets removed", valueName: "FILE"))
    var trace: String?

    @Flag(name: .customLong("no-rc"), help: "do not run $XDG_CONFIG_HOME/pfsh/pfshrc first")
    var noRC = false

    @Flag(help: "print the version and exit")
    var version = false

    /// What the words after the options ask for: a command, a script, or neither.
    var target: ProgramTarget { ProgramTarget(words: words) }

    var script: String? {
        if case .script(let path, _) = target { return path }
        return nil
    }

    func validate() throws {
        if let first = words.first, first.hasPrefix("-"), first.count > 1, first != "--" {
            throw ValidationError("Unknown option '\(first)'")
        }
        let sources = [passwordEnv, passwordFile, tokenEnv].compactMap { $0 }
        if sources.count > 1 { throw ValidationError("use only one of --password-env, --password-file and --token-env") }
        if script != nil && f != nil { throw ValidationError("give the script either as an argument or with -f, not both") }
        if (script != nil || f != nil) && !c.isEmpty { throw ValidationError("give either a script or -c commands, not both") }
        if case .command(let words) = target, f != nil || !c.isEmpty {
            throw ValidationError("give either the command '\(words[0])' or -c and -f, not both")
        }
        if sandbox && (url != nil || profile != nil) { throw ValidationError("--sandbox connects by itself; drop --url and --profile") }
        if url != nil && profile != nil { throw ValidationError("give either --url or --profile") }
        for assignment in v where !assignment.contains("=") {
            throw ValidationError("-v expects NAME=VALUE, got '\(assignment)'")
        }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
        if let problem = target.commitProblem(commit: commit) { throw ValidationError(problem) }
    }
}

/// Greedy wrapping of a list for `--help`: items joined with `; `, a line never broken inside one.
enum HelpWrap {
    static func wrap(_ items: [String], first: String, width: Int = 92) -> String {
        var lines: [String] = []
        var current = first
        for (index, item) in items.enumerated() {
            let piece = item + (index < items.count - 1 ? ";" : "")
            if current != first && current.count + 1 + piece.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty || current == first ? "" : " ") + piece
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
