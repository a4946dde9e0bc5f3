/// Small text helpers for the model's parsers; the core does without Foundation.
enum ModelText {
    /// `text` without leading and trailing whitespace.
    static func trimmed(_ text: String) -> String {
        let characters = Substring(text)
        guard let first = characters.firstIndex(where: { !$0.isWhitespace }),
              let last = characters.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(characters[first...last])
    }

    /// Lowercased, with underscores read as dashes: `Dont_Roll` → `dont-roll`.
    static func wordKey(_ text: String) -> String {
        String(trimmed(text).lowercased().map { $0 == "_" ? "-" : $0 })
    }

    /// Uppercased, with dashes read as underscores: `server-default` → `SERVER_DEFAULT`.
    static func enumKey(_ text: String) -> String {
        String(trimmed(text).uppercased().map { $0 == "-" ? "_" : $0 })
    }

    /// Whether `text` holds whitespace or control characters anywhere.
    static func hasWhitespaceOrControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
    }
}
