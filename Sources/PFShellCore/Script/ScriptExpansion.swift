/// A parsed `${NAME}`, `${NAME:-default}` or `${NAME:?message}`, with `env.` for the environment.
struct ScriptExpansion: Equatable {
    enum Fallback: Equatable {
        case none
        /// `:-`: these parts stand in when the value is unset or empty.
        case useDefault([ScriptWordPart])
        /// `:?`: these parts are the message of the error raised when the value is unset or empty.
        case require([ScriptWordPart])
    }

    let name: String
    let isEnvironment: Bool
    let fallback: Fallback
    /// Where the `${` is.
    let location: SourceLocation
    /// The expansion as written, for completion, which must not look it up.
    let source: String

    /// The name as written, `env.` included, for messages.
    var displayName: String { isEnvironment ? "env.\(name)" : name }

    var fallbackParts: [ScriptWordPart] {
        switch fallback {
        case .none: return []
        case .useDefault(let parts), .require(let parts): return parts
        }
    }
}
