/// Tab completion as a pure function: a line and a cursor in, candidates out. Driven by the
/// command table: command words, then options and arguments by the kind of value they take.
public enum Completer {
    public static func complete(_ line: String, cursor: Int, context: CompletionContext) -> Completions {
        let partial = Lexer.partial(line, cursor: cursor)
        let words = partial.completeWords
        let offer = candidates(for: words, current: partial.current, context: context)
        let matching = offer.matching(partial.current)
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

    static func candidates(for words: [String], current: String, context: CompletionContext) -> Offer {
        guard let first = words.first else { return Offer(commandWords()) }
        let name = CommandTable.aliases[first] ?? first
        let lineWords = [name] + words.dropFirst()
        guard let spec = CommandTable.lookup(lineWords) else {
            guard words.count == 1 else { return Offer([]) }
            return Offer(subcommands(of: name))
        }
        var rest = Array(lineWords.dropFirst(spec.words.count))
        // `token-manager` (one word) also starts `token-manager list`: offer both.
        let extra = rest.isEmpty && spec.words.count == 1 ? subcommands(of: name) : []
        var offer = ArgumentCompleter(spec: spec, context: context).candidates(after: &rest, current: current)
        offer.names = extra + offer.names
        return offer
    }

    /// Words that may complete the current one. Enum values and grant types are read in any case and
    /// with `-` for `_` (`set refreshRolling dont-<Tab>`), so they match that way too; IDs and paths
    /// match exactly.
    struct Offer {
        var names: [String]
        var ignoresCase = false

        init(_ names: [String], ignoresCase: Bool = false) {
            self.names = names
            self.ignoresCase = ignoresCase
        }

        func matching(_ prefix: String) -> [String] {
            guard ignoresCase else { return names.filter { $0.hasPrefix(prefix) } }
            let folded = ModelText.enumKey(prefix)
            return names.filter { ModelText.enumKey($0).hasPrefix(folded) }
        }
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
