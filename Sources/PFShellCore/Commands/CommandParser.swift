/// Matches a command line to the command table: finds the command by its words, then sorts the
/// rest into options (`--name TEXT`, `--name=TEXT`, `-m TEXT`) and positional arguments (`--` ends
/// options). Every problem is a usage error at the offending word.
public enum CommandParser {
    public static func parse(_ line: CommandLine) throws(ShellError) -> Invocation? {
        guard let first = line.words.first else { return nil }
        var texts = line.words.map(\.text)
        if let alias = CommandTable.aliases[texts[0]] { texts[0] = alias }
        guard let spec = CommandTable.lookup(texts) else { throw unknownCommand(line, first) }
        var options: [String: Word] = [:]
        var arguments: [Word] = []
        var rest = Array(line.words.dropFirst(spec.words.count))[...]
        var optionsEnded = false
        while let word = rest.popFirst() {
            if !optionsEnded && word.text == "--" && !word.isQuoted {
                optionsEnded = true
            } else if !optionsEnded && !word.isQuoted && word.text.hasPrefix("-") && word.text.count > 1
                && !isNumber(word.text)
            {
                try parseOption(word, spec: spec, rest: &rest, into: &options)
            } else {
                arguments.append(word)
            }
        }
        try checkArity(spec, arguments, line: line)
        return Invocation(spec: spec, arguments: arguments, options: options, location: first.location, line: line)
    }

    private static func parseOption(
        _ word: Word, spec: CommandSpec, rest: inout ArraySlice<Word>, into options: inout [String: Word]
    ) throws(ShellError) {
        let parts = word.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard let option = spec.option(name) else {
            let known = spec.options.map(\.name)
            let hint = known.isEmpty ? "it takes no options" : "expected \(known.joined(separator: ", "))"
            throw ShellError(.usage, command: spec.name, "unknown option '\(name)'; \(hint)", location: word.location)
        }
        if options[option.name] != nil {
            throw ShellError(.usage, command: spec.name, "option '\(option.name)' given twice", location: word.location)
        }
        if !option.takesValue {
            guard parts.count == 1 else {
                throw ShellError(.usage, command: spec.name, "option '\(option.name)' takes no value", location: word.location)
            }
            options[option.name] = word
            return
        }
        if parts.count == 2 {
            options[option.name] = Word(
                text: String(parts[1]), location: word.location, isQuoted: word.isQuoted,
                containsExpansion: word.containsExpansion)
        } else if let value = rest.popFirst() {
            options[option.name] = value
        } else {
            throw ShellError(
                .usage, command: spec.name, "option '\(option.name)' needs a value (\(option.valueName ?? "VALUE"))",
                location: word.location)
        }
    }

    private static func checkArity(_ spec: CommandSpec, _ arguments: [Word], line: CommandLine) throws(ShellError) {
        let required = spec.arguments.filter { !$0.isOptional }.count
        let repeating = spec.arguments.last?.isRepeating == true
        if arguments.count < required {
            let missing = spec.arguments[arguments.count].name
            throw ShellError(
                .usage, command: spec.name, "missing \(missing); usage: \(spec.usage)",
                location: line.words.last?.location ?? line.location)
        }
        if !repeating && arguments.count > spec.arguments.count {
            let extra = arguments[spec.arguments.count]
            if spec.id == .secretSet { throw secretOnTheLine(spec, at: extra.location) }
            throw ShellError(
                .usage, command: spec.name, "unexpected argument '\(extra.text)'; usage: \(spec.usage)",
                location: extra.location)
        }
    }

    private static func isNumber(_ text: String) -> Bool {
        Int(text) != nil
    }

    private static func unknownCommand(_ line: CommandLine, _ first: Word) -> ShellError {
        let groups = Set(CommandTable.all.compactMap { $0.words.count > 1 ? $0.words[0] : nil })
        if groups.contains(first.text) {
            let subcommands = CommandTable.all.filter { $0.words.first == first.text && $0.words.count > 1 }
                .map { $0.words[1] }
            let given = line.words.count > 1 ? "'\(line.words[1].text)' is not a subcommand of" : "missing subcommand for"
            return ShellError(
                .usage, command: nil,
                "\(given) '\(first.text)'; expected \(subcommands.joined(separator: ", "))",
                location: line.words.count > 1 ? line.words[1].location : first.location)
        }
        let names = Set(CommandTable.all.map { $0.words[0] }).sorted()
        let suggestion = EditDistance.closest(to: first.text, among: names).map { "; did you mean '\($0)'?" } ?? ""
        return ShellError(.usage, command: nil, "unknown command '\(first.text)'\(suggestion)", location: first.location)
    }

    /// `secret set hunter2`: the word is neither used nor repeated, and the line stays out of history.
    private static func secretOnTheLine(_ spec: CommandSpec, at location: SourceLocation) -> ShellError {
        var error = ShellError(
            .usage, command: spec.name,
            "a secret is never given on the command line; use --env VAR, --file PATH, --stdin or --prompt",
            location: location)
        error.carriesSecret = true
        return error
    }
}
