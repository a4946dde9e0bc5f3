extension ProgramOptions {
    /// Reads pfsh's arguments: options first, then the command or script with every word after it
    /// belonging to that (`pfsh client list --json` passes `--json` to `client list`). Options may
    /// still follow a script (`pfsh deploy.pfsh --keep-going`), as they could before one-shot
    /// commands existed. `--name=value` and `--name value` are the same. With `--help` anywhere
    /// among the options, nothing else is checked.
    public static func parse(_ arguments: [String]) throws(ProgramOptionError) -> ProgramOptions {
        var options = try parseOptions(arguments[...])
        if options.help { return options }
        if case .script(let path, let rest) = options.target, !rest.isEmpty {
            let trailing = try parseOptions(rest[...])
            if let extra = trailing.words.first {
                throw ProgramOptionError("unexpected argument '\(extra)' after the script '\(path)'")
            }
            options.merge(trailing)
            options.words = [path]
        }
        try options.validate()
        return options
    }

    /// Options up to the first word that is not one (or `--`, which is kept for `ProgramTarget`).
    private static func parseOptions(_ arguments: ArraySlice<String>) throws(ProgramOptionError) -> ProgramOptions {
        var options = ProgramOptions()
        var rest = arguments
        while let word = rest.first, word.hasPrefix("-"), word.count > 1, word != "--" {
            rest = rest.dropFirst()
            let (name, attached) = Self.split(word)
            guard let option = option(named: name) else { throw unknown(word) }
            guard option.takesValue else {
                if attached != nil { throw ProgramOptionError("'\(option.name)' takes no value") }
                options.take(option, value: nil)
                continue
            }
            guard let value = attached ?? rest.first else {
                throw ProgramOptionError("'\(name)' needs a value (\(name) \(option.valueName ?? "VALUE"))")
            }
            if attached == nil { rest = rest.dropFirst() }
            options.take(option, value: value)
        }
        options.words = Array(rest)
        return options
    }

    /// `--url=https://x` as `--url` and its value; short options take theirs as the next word.
    private static func split(_ word: String) -> (name: String, value: String?) {
        guard word.hasPrefix("--"), let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }

    private static func unknown(_ word: String) -> ProgramOptionError {
        let names = table.flatMap { [$0.name] + ($0.shortName.map { [$0] } ?? []) }
        let guess = EditDistance.closest(to: split(word).name, among: names).map { "; did you mean '\($0)'?" } ?? ""
        return ProgramOptionError("unknown option '\(word)'\(guess)")
    }

    private mutating func merge(_ other: ProgramOptions) {
        values.merge(other.values) { _, later in later }
        lists.merge(other.lists) { earlier, later in earlier + later }
        flags.formUnion(other.flags)
    }

    /// The rules between options, each with the way out.
    func validate() throws(ProgramOptionError) {
        if CommandTable.secondCredentialSource(among: Array(values.keys)) != nil {
            throw ProgramOptionError(CommandTable.oneCredentialSource)
        }
        if script != nil && scriptFile != nil {
            throw ProgramOptionError("give the script either as an argument or with -f, not both")
        }
        if (script != nil || scriptFile != nil) && !commands.isEmpty {
            throw ProgramOptionError("give either a script or -c commands, not both")
        }
        if case .command(let words) = target, scriptFile != nil || !commands.isEmpty {
            throw ProgramOptionError("give either the command '\(words[0])' or -c and -f, not both")
        }
        if sandbox && (url != nil || profile != nil) {
            throw ProgramOptionError("--sandbox connects by itself; drop --url and --profile")
        }
        if url != nil && profile != nil { throw ProgramOptionError("give either --url or --profile") }
        for assignment in assignments where !assignment.contains("=") {
            throw ProgramOptionError("-v expects NAME=VALUE, got '\(assignment)'")
        }
        if let text = values["--timeout"], (Int(text) ?? 0) <= 0 {
            throw ProgramOptionError("--timeout must be a positive whole number of seconds, not '\(text)'")
        }
        if let problem = target.commitProblem(commit: commit) { throw ProgramOptionError(problem) }
        try validateRecovery()
    }

    /// `--resume` and `--discard-interrupted` are whole runs of their own, against one server.
    private func validateRecovery() throws(ProgramOptionError) {
        guard resume || discardInterrupted else { return }
        if resume && discardInterrupted { throw ProgramOptionError("give either --resume or --discard-interrupted") }
        let name = resume ? "--resume" : "--discard-interrupted"
        if url == nil && profile == nil { throw ProgramOptionError("\(name) needs the server: --url or --profile") }
        if script != nil || scriptFile != nil || !commands.isEmpty || !words.isEmpty {
            throw ProgramOptionError("\(name) runs alone: drop the script, -c or command")
        }
    }
}
