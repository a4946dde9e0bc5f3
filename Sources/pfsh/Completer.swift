import PFShellCore
import PFShellLineEditor

/// Adapts the core's completion to the line editor: command names and subcommands for now.
enum Completer {
    static func complete(line: String, cursor: Int, session: Session) -> CompletionResult {
        let partial = Lexer.partial(line, cursor: cursor)
        let words = partial.completeWords
        let names: [String]
        switch words.count {
        case 0: names = Array(Set(CommandTable.all.map { $0.words[0] })).sorted()
        case 1: names = CommandTable.all.filter { $0.words.count == 2 && $0.words[0] == words[0] }.map { $0.words[1] }
        default: names = []
        }
        let matching = names.filter { $0.hasPrefix(partial.current) }
        return CompletionResult(
            wordStart: partial.currentStart,
            candidates: matching.map { Candidate(replacement: $0, display: $0, appendSpace: true) })
    }
}
