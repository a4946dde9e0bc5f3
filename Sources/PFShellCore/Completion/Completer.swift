/// Tab completion as a pure function: a line and a cursor in, candidates out. Driven by the
/// command table: command words, then options and arguments by the kind of value they take.
public enum Completer {
    public static func complete(_ line: String, cursor: Int, context: CompletionContext) -> Completions {
        let partial = Lexer.partial(line, cursor: cursor)
        let words = partial.completeWords
        let names = candidates(for: words, current: partial.current, context: context)
        let matching = names.filter { $0.hasPrefix(partial.current) }
        return Completions(
            wordStart: partial.currentStart,
            candidates: matching.map { candidate($0, openQuote: partial.openQuote) })
    }

    /// Quotes the candidate as the word was started; closes an open quote.
    static func candidate(_ text: String, openQuote: Character?) -> CompletionCandidate {
        let continues = text.hasSuffix("/") || text.hasSuffix(".")
        if let quote = openQuote {
            let closing = continues ? "" : String(quote)
            return CompletionCandidate(
                replacement: "\(quote)\(text)\(closing)", display: text, appendSpace: !continues)
        }
        return CompletionCandidate(replacement: quoted(text), display: text, appendSpace: !continues)
    }

    static func candidates(for words: [String], current: String, context: CompletionContext) -> [String] {
        guard let first = words.first else { return commandWords() }
        let name = CommandTable.aliases[first] ?? first
        let lineWords = [name] + words.dropFirst()
        guard let spec = CommandTable.lookup(lineWords) else {
            guard words.count == 1 else { return [] }
            return subcommands(of: name)
        }
        var rest = Array(lineWords.dropFirst(spec.words.count))
        // `token-manager` (one word) also starts `token-manager list`: offer both.
        let extra = rest.isEmpty && spec.words.count == 1 ? subcommands(of: name) : []
        return extra + ArgumentCompleter(spec: spec, context: context).candidates(after: &rest, current: current)
    }

    /// First words of every command, once each.
    static func commandWords() -> [String] {
        var seen: [String] = []
        for spec in CommandTable.all where !seen.contains(spec.words[0]) { seen.append(spec.words[0]) }
        return seen.sorted()
    }

    static func subcommands(of word: String) -> [String] {
        CommandTable.all.filter { $0.words.count == 2 && $0.words[0] == word }.map { $0.words[1] }
    }
}
