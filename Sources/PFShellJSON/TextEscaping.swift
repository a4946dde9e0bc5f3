/// Escaping text for the formats pfsh and its emulator write beside JSON (roff, HTML): each
/// character the format's table names is replaced, the rest kept.
public enum TextEscaping {
    public static func escape(_ text: String, _ replacement: (Character) -> String?) -> String {
        var result = ""
        for character in text {
            if let replaced = replacement(character) { result += replaced } else { result.append(character) }
        }
        return result
    }
}
