/// Why a script line could not be read or expanded, and where.
public struct ScriptError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Input ended inside a quote; the character is `'` or `"`.
        case unterminatedQuote(Character)
        /// Input ended right after a `\` that asked for another line.
        case unfinishedContinuation
        /// `${NAME}` with NAME unset; `env.NAME` for the environment.
        case undefinedVariable(String)
        /// `${NAME:?message}` with NAME unset or empty.
        case requiredVariable(name: String, message: String)
        /// A malformed `${...}`, as written.
        case badSubstitution(String)
        /// A `${` inside more than this many `${NAME:-...}` or `${NAME:?...}`.
        case nestedTooDeep(Int)
    }

    public let kind: Kind
    /// The column of the offending `${`, opening quote or backslash.
    public let location: SourceLocation

    public init(kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// Lowercase and without a trailing period, to follow `FILE:LINE:COLUMN: `.
    public var message: String {
        switch kind {
        case .unterminatedQuote(let quote):
            return quote == "'" ? "unterminated single quote" : "unterminated double quote"
        case .unfinishedContinuation:
            return "unfinished line continuation at end of input"
        case .undefinedVariable(let name):
            return "undefined variable '\(name)'"
        case .requiredVariable(let name, let message):
            return message.isEmpty ? "variable '\(name)' is required" : "variable '\(name)' is required: \(message)"
        case .badSubstitution(let text):
            return "bad substitution '\(text)'"
        case .nestedTooDeep(let levels):
            return "substitutions nested more than \(levels) deep"
        }
    }

    public var description: String { "\(location): \(message)" }
}
