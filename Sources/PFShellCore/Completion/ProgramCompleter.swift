/// Completion of a whole `pfsh` command line in the user's own shell (bash, zsh, fish): pfsh's own
/// options, then a command of the table (completed by `Completer`, as at the pfsh prompt) or a
/// script file, reading pfsh's options from `ProgramOptions.table`. Pure: the live data and the
/// files come in.
public enum ProgramCompleter {
    /// A candidate and what it is (a command's summary, a client's name, an option's help).
    public struct Candidate: Sendable, Equatable {
        public let text: String
        public let description: String?
        /// False after `clientAuth.` or a folder's `/`: the word goes on.
        public let complete: Bool
    }

    /// What pfsh's own options on the line say: how to reach the server for live IDs.
    public struct Connection: Sendable, Equatable {
        public var profile: String?
        public var url: String?
        public var values: [String: String] = [:]
    }

    /// The words after `pfsh`; the last is the word being completed (empty after a space).
    public static func complete(
        _ words: [String], options: [OptionSpec] = ProgramOptions.table, context: CompletionContext, clientNames: [String: String] = [:]
    ) -> [Candidate] {
        guard let current = words.last else { return [] }
        let before = Array(words.dropLast())
        var index = 0
        while index < before.count, before[index].hasPrefix("-"), before[index] != "--" {
            guard let option = option(named: before[index], in: options) else { break }
            index += !option.takesValue || before[index].contains("=") ? 1 : 2
        }
        if index > before.count, let option = option(named: before[index - 2], in: options), option.takesValue {
            return values(option.kind, current, context)  // the value of an option just typed
        }
        if index < before.count && before[index] == "--" { index += 1 }
        let rest = Array(before[index...])
        if rest.isEmpty {
            if current.hasPrefix("-") { return optionNames(current, options) }
            return commandWords(current) + values(.path, current, context).filter { $0.text.hasSuffix(".pfsh") || $0.text.hasSuffix("/") }
        }
        guard CommandTable.namesCommand(rest[0]), !ProgramTarget.looksLikePath(rest[0]) else { return [] }
        return commandArguments(rest, current: current, context: context, clientNames: clientNames)
    }

    /// The connection the options on the line name (`--profile`, `--url`, `--password-env`, ...).
    public static func connection(_ words: [String], options: [OptionSpec] = ProgramOptions.table) -> Connection {
        var connection = Connection()
        var index = 0
        while index < words.count - 1, words[index].hasPrefix("-") {
            guard let option = option(named: words[index], in: options) else { break }
            guard option.takesValue else {
                index += 1
                continue
            }
            connection.values[option.name] = words[index + 1]
            index += 2
        }
        connection.profile = connection.values["--profile"]
        connection.url = connection.values["--url"]
        return connection
    }

    /// The word being completed when it is a client ID (for asking the server with `filter=`).
    public static func isClientID(_ words: [String], options: [OptionSpec] = ProgramOptions.table) -> Bool {
        let context = CompletionContext(clientIDs: ["\u{1}"])
        return complete(words.dropLast() + [""], options: options, context: context).contains { $0.text == "\u{1}" }
    }

    private static func option(named word: String, in options: [OptionSpec]) -> OptionSpec? {
        let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
        return options.first { $0.name == name || $0.shortName == name }
    }

    private static func optionNames(_ prefix: String, _ options: [OptionSpec]) -> [Candidate] {
        options.filter { $0.name.hasPrefix("--") && $0.name.hasPrefix(prefix) }
            .map { Candidate(text: $0.name, description: $0.summary, complete: true) }
    }

    private static func commandWords(_ prefix: String) -> [Candidate] {
        Completer.commandWords().filter { $0.hasPrefix(prefix) }.map { word in
            let specs = CommandTable.all.filter { $0.words[0] == word }
            let summary = specs.count == 1 ? specs[0].summary : specs.compactMap { $0.words.dropFirst().first }.joined(separator: ", ")
            return Candidate(text: word, description: summary, complete: true)
        }
    }

    private static func values(_ kind: ValueKind, _ current: String, _ context: CompletionContext) -> [Candidate] {
        let offer: [String]
        switch kind {
        case .profile: offer = context.profiles
        case .path: offer = PathCompleter.entries(current, files: context.files)
        case .clientID: offer = context.clientIDs
        case .apiPath: offer = APIPaths.known(clientIDs: context.clientIDs)
        default: offer = []
        }
        return offer.filter { $0.hasPrefix(current) }.map { Candidate(text: $0, description: nil, complete: !$0.hasSuffix("/")) }
    }

    /// The words of a command, completed by the same `Completer` the pfsh prompt uses.
    private static func commandArguments(
        _ rest: [String], current: String, context: CompletionContext, clientNames: [String: String]
    ) -> [Candidate] {
        let line = rest.map(quoted).joined(separator: " ") + " " + openQuoted(current)
        let result = Completer.complete(line, cursor: line.utf8.count, context: context)
        let subcommand = rest.count == 1 ? rest[0] : nil
        return result.candidates.map { candidate in
            var description = clientNames[candidate.display]
            if let subcommand, let spec = CommandTable.lookup([CommandTable.aliases[subcommand] ?? subcommand, candidate.display]) {
                description = spec.summary
            }
            return Candidate(text: candidate.display, description: description, complete: candidate.appendSpace)
        }
    }

    /// The word as the pfsh lexer reads a word still being typed: inside an unclosed `"`, so any
    /// character stands for itself.
    private static func openQuoted(_ word: String) -> String {
        guard !word.isEmpty else { return "" }
        var text = "\""
        for character in word {
            if "\"\\$`".contains(character) { text.append("\\") }
            text.append(character)
        }
        return text
    }
}
