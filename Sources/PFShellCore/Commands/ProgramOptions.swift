/// pfsh's own command line, `pfsh [OPTIONS] [COMMAND [WORD...] | SCRIPT]`, read from one table of
/// options that `pfsh --help`, the manual page and completion in the user's shell also read. The
/// connection options are the command table's own, so `connect`, `profile define` and the command
/// line cannot drift apart. Parsed here rather than by a reflection-based parser: a `pfsh -c`
/// start-up is dominated by what runs before `main`, and the table was already the source of truth.
public struct ProgramOptions: Sendable, Equatable {
    /// Single-valued options by name (`--url`); the last one given wins, as in most Unix tools.
    public internal(set) var values: [String: String] = [:]
    /// Repeatable options (`-c`, `-v`) in the order given.
    public internal(set) var lists: [String: [String]] = [:]
    public internal(set) var flags: Set<String> = []
    /// The command or script and every word after it, exactly as given.
    public internal(set) var words: [String] = []

    public init() {}

    /// Every option pfsh takes, in the order `--help` and the manual list them.
    public static let table: [OptionSpec] =
        [OptionSpec("--url", value: "URL", .url, "the admin host, https://host:9999 (/pf-admin-api/v1 is added)")]
        + CommandTable.connectionOptions
        + [
            OptionSpec("--profile", value: "NAME", .profile, "connect with a profile defined in pfshrc"),
            OptionSpec("--sandbox", "start the bundled emulator with demo data and connect to it"),
            OptionSpec("-c", value: "COMMAND", .text, "run this command (repeatable)"),
            OptionSpec("-f", value: "FILE", .path, "run this script file"),
            OptionSpec("-v", value: "NAME=VALUE", .text, "set a script variable (repeatable)"),
            OptionSpec("--keep-going", "continue after an error (the exit status is the first error's)"),
            OptionSpec("--dry-run", "make every commit dry: validate and print the requests, write nothing"),
            OptionSpec(
                "--check", value: "SCRIPT", .path,
                "drift check: run SCRIPT with every commit dry; exit 0 when the server already matches it, 5 with the field diff"),
            OptionSpec("--json", "data-printing commands print JSON"),
            OptionSpec("--stop-on-failure", "with --profile A,B,...: stop at the first server that fails"),
            OptionSpec("--commit", "with a command that stages a change: stage it, show the diff and commit it"),
            OptionSpec("--resume", "finish what an interrupted session left for this server: stage it and commit it"),
            OptionSpec("--discard-interrupted", "forget what an interrupted session left for this server"),
            OptionSpec("--trace", value: "FILE", .path, "append one JSON line per HTTP exchange, secrets removed"),
            OptionSpec("--no-rc", "do not run $XDG_CONFIG_HOME/pfsh/pfshrc first"),
            OptionSpec("--version", "print the version and exit"),
            OptionSpec("--help", short: "-h", value: nil, .text, "show this help and exit"),
        ]

    static let repeatable: Set<String> = ["-c", "-v"]

    /// The option `name` names (`--url`, `-h`), or nil.
    public static func option(named name: String) -> OptionSpec? {
        table.first { $0.name == name || $0.shortName == name }
    }

    // MARK: What the options say

    public var url: String? { values["--url"] }
    public var user: String? { values["--user"] }
    public var passwordEnv: String? { values["--password-env"] }
    public var passwordFile: String? { values["--password-file"] }
    public var tokenEnv: String? { values["--token-env"] }
    public var caFile: String? { values["--ca-file"] }
    public var insecure: Bool { flags.contains("--insecure") }
    /// Checked to be a positive whole number by `parse`.
    public var timeout: Int? { values["--timeout"].flatMap { Int($0) } }
    public var runtimeURL: String? { values["--runtime-url"] }
    public var profile: String? { values["--profile"] }
    public var sandbox: Bool { flags.contains("--sandbox") }
    public var commands: [String] { lists["-c", default: []] }
    public var scriptFile: String? { values["-f"] }
    public var assignments: [String] { lists["-v", default: []] }
    public var keepGoing: Bool { flags.contains("--keep-going") }
    public var dryRun: Bool { flags.contains("--dry-run") }
    /// `--check SCRIPT`: the script to compare the server with.
    public var check: String? { values["--check"] }
    public var json: Bool { flags.contains("--json") }
    public var commit: Bool { flags.contains("--commit") }
    public var trace: String? { values["--trace"] }
    public var resume: Bool { flags.contains("--resume") }
    public var discardInterrupted: Bool { flags.contains("--discard-interrupted") }
    public var noRC: Bool { flags.contains("--no-rc") }
    public var stopOnFailure: Bool { flags.contains("--stop-on-failure") }

    /// `--profile dev,test,prod`: the profiles a script runs against in turn; empty for one server.
    public var fanOutProfiles: [String] {
        guard let profile, profile.contains(",") else { return [] }
        return profile.split(separator: ",").map(String.init)
    }

    /// The same options for one server of a fan-out.
    public func with(profile: String) -> ProgramOptions {
        var copy = self
        copy.values["--profile"] = profile
        return copy
    }
    public var version: Bool { flags.contains("--version") }
    public var help: Bool { flags.contains("--help") }

    /// What the words after the options ask for: a command, a script, or neither.
    public var target: ProgramTarget { ProgramTarget(words: words) }

    /// The script named as the first word (`pfsh deploy.pfsh`), not with `-f`.
    public var script: String? {
        if case .script(let path, _) = target { return path }
        return nil
    }

    /// The connection options given, as `connect` takes them: `[--user, admin, --insecure]`.
    public var connectionWords: [String] {
        CommandTable.connectionOptions.flatMap { option -> [String] in
            if let value = values[option.name] { return [option.name, value] }
            return flags.contains(option.name) ? [option.name] : []
        }
    }

    mutating func take(_ option: OptionSpec, value: String?) {
        guard let value else {
            flags.insert(option.name)
            return
        }
        if Self.repeatable.contains(option.name) {
            lists[option.name, default: []].append(value)
        } else {
            values[option.name] = value
        }
    }
}

/// A command line pfsh cannot run; its message is printed after `pfsh: `.
public struct ProgramOptionError: Error, Equatable, Sendable {
    public let message: String

    init(_ message: String) {
        self.message = message
    }
}
