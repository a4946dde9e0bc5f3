/// How a logical line's text ends: complete, or waiting for another physical line.
enum ScriptLineEnd: Equatable, Sendable {
    case complete
    /// Inside a quote, opened at the location (the innermost open quote).
    case openQuote(Character, SourceLocation)
    /// Right after a `\` that continues onto the next line.
    case trailingBackslash(SourceLocation)

    /// The error to report when input ends here.
    var error: ScriptError? {
        switch self {
        case .complete: return nil
        case .openQuote(let quote, let location): return ScriptError(kind: .unterminatedQuote(quote), location: location)
        case .trailingBackslash(let location): return ScriptError(kind: .unfinishedContinuation, location: location)
        }
    }

    var openQuoteCharacter: Character? {
        if case .openQuote(let quote, _) = self { return quote }
        return nil
    }
}
