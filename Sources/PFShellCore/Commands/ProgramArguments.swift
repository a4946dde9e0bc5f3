/// What the words after pfsh's own options ask for: `pfsh [OPTIONS] COMMAND [WORDS...]` runs one
/// command of the table, `pfsh [OPTIONS] SCRIPT` runs a script, as git and kubectl read their
/// command lines.
public enum ProgramTarget: Sendable, Equatable {
    /// No words: commands come from `-c`, `-f`, standard input or the terminal.
    case nothing
    /// A script file; `rest` are the words after it, which must be pfsh's own options.
    case script(path: String, rest: [String])
    /// One command of the table with its words, exactly as given.
    case command([String])

    /// A first word that names a command is that command, unless it contains `/` or ends in
    /// `.pfsh`: `status` runs the command, `./status` the script file named `status`. A leading
    /// `--` ends pfsh's options and is dropped.
    public init(words: [String]) {
        var words = words[...]
        if words.first == "--" { words = words.dropFirst() }
        guard let first = words.first else {
            self = .nothing
            return
        }
        if Self.looksLikePath(first) || !CommandTable.namesCommand(first) {
            self = .script(path: first, rest: Array(words.dropFirst()))
        } else {
            self = .command(Array(words))
        }
    }

    static func looksLikePath(_ word: String) -> Bool {
        word.contains("/") || word.hasSuffix(".pfsh")
    }

    /// Why `--commit` and the target do not go together, if they do not: a command that stages a
    /// change runs from the command line only with `--commit` (stage, diff, commit, like
    /// `kubectl patch`), and `--commit` goes with nothing else. Nil when they fit.
    public func commitProblem(commit: Bool) -> String? {
        guard case .command(let words) = self else {
            return commit ? "--commit goes with a command that stages a change, e.g. pfsh --commit client delete ID" : nil
        }
        // An unknown command is reported when it runs; asking for help stages nothing.
        guard let spec, helpRequest == nil else { return nil }
        if spec.stages && !commit {
            // `pfsh client delete x --commit`: the flag went to the command, which has no such option.
            let misplaced = words.prefix { $0 != "--" }.contains("--commit")
            let line = (["pfsh", "--commit"] + words.filter { !misplaced || $0 != "--commit" }.map(quoted)).joined(separator: " ")
            if misplaced { return "--commit is pfsh's own option and goes before the command: \(line)" }
            return "'\(spec.name)' stages a change; add --commit to stage it, show the diff and commit it (\(line))"
        }
        if !spec.stages && commit {
            return "--commit goes with a command that stages a change; '\(spec.name)' does not"
        }
        return nil
    }

    /// `pfsh client list --help` (or `-h`, before any `--`) asks what the command does: the words of
    /// `help client list`. No command takes these options, so they cannot mean anything else.
    public var helpRequest: [String]? {
        guard case .command(let words) = self, let spec else { return nil }
        let options = words.prefix { $0 != "--" }
        guard options.contains("--help") || options.contains("-h") else { return nil }
        return ["help"] + spec.words
    }

    /// The command of the table the words run (`client delete` for `client delete x`), when it is one.
    public var spec: CommandSpec? {
        guard case .command(var words) = self else { return nil }
        if let alias = CommandTable.aliases[words[0]] { words[0] = alias }
        return CommandTable.lookup(words)
    }
}

extension CommandTable {
    /// Whether `word` is the first word of a command of the table, or an alias of one.
    public static func namesCommand(_ word: String) -> Bool {
        aliases[word] != nil || all.contains { $0.words[0] == word }
    }
}

extension CommandLine {
    /// A command line made of `arguments` exactly as the program received them: each is one word,
    /// never split again, quoted or expanded. Locations count columns in the line as
    /// `quoted(_:)` would write it, which is also its `text`.
    public init(arguments: [String], file: String) {
        var words: [Word] = []
        var column = 1
        for argument in arguments {
            words.append(Word(text: argument, location: SourceLocation(file: file, line: 1, column: column)))
            column += quoted(argument).count + 1
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        self.init(words: words, location: start, text: arguments.map(quoted).joined(separator: " "))
    }
}
