/// A logical line split into words of parts, with the syntax errors found on the way.
struct ParsedScriptLine: Sendable {
    struct ParsedWord: Sendable {
        let parts: [ScriptWordPart]
        /// Scalar indexes: the word's first character and just past its last.
        let start: Int
        let end: Int
    }

    let words: [ParsedWord]
    /// Scalar index of the `#` that starts a comment, if any.
    let commentStart: Int?
    /// Syntax errors in the order found; each malformed `${` was read on as literal text.
    let errors: [ScriptError]
    let end: ScriptLineEnd

    /// What a strict reader reports: the first syntax error, else an incomplete ending.
    var firstError: ScriptError? { errors.first ?? end.error }
}
