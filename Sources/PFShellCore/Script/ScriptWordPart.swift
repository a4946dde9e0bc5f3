/// A piece of a parsed word: literal characters, or a `${...}` still to be looked up.
enum ScriptWordPart: Equatable, Sendable {
    /// Characters as they end up in the word; `quoted` when written inside quotes or escaped.
    case text(String, quoted: Bool)
    /// A `${...}`; `quoted` when written inside double quotes.
    case expansion(ScriptExpansion, quoted: Bool)
}

extension Array where Element == ScriptWordPart {
    /// Whether any quoting was used, including inside a `${NAME:-default}`.
    var usesQuoting: Bool {
        contains { part in
            switch part {
            case .text(_, let quoted): return quoted
            case .expansion(let expansion, let quoted): return quoted || expansion.fallbackParts.usesQuoting
            }
        }
    }

    var containsExpansion: Bool {
        contains { part in
            if case .expansion = part { return true }
            return false
        }
    }
}
