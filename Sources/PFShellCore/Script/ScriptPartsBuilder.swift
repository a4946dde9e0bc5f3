/// Collects a word's parts, gathering consecutive characters with the same quoting into one
/// text part without copying the text on each character.
struct ScriptPartsBuilder {
    private var parts: [ScriptWordPart] = []
    private var pending = String.UnicodeScalarView()
    private var pendingQuoted = false
    private var hasPending = false

    mutating func append(_ scalar: Unicode.Scalar, quoted: Bool) {
        startText(quoted: quoted)
        pending.append(scalar)
    }

    mutating func append(_ text: String, quoted: Bool) {
        startText(quoted: quoted)
        pending.append(contentsOf: text.unicodeScalars)
    }

    /// Records that quotes were opened even if nothing follows, so that `''` is a word.
    mutating func markQuoted() {
        startText(quoted: true)
    }

    mutating func append(_ expansion: ScriptExpansion, quoted: Bool) {
        flush()
        parts.append(.expansion(expansion, quoted: quoted))
    }

    mutating func finish() -> [ScriptWordPart] {
        flush()
        return parts
    }

    private mutating func startText(quoted: Bool) {
        if hasPending && pendingQuoted == quoted { return }
        flush()
        hasPending = true
        pendingQuoted = quoted
    }

    private mutating func flush() {
        guard hasPending else { return }
        parts.append(.text(String(pending), quoted: pendingQuoted))
        pending = String.UnicodeScalarView()
        hasPending = false
    }
}
