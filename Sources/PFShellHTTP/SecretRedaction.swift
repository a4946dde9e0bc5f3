/// Removes secrets from text that may reach a user, a log or a bug report.
enum SecretRedaction {
    static let mask = "***"

    /// Replaces every occurrence of each non-empty secret, and the password of any `scheme://user:password@` URL.
    static func redact(_ text: String, secrets: [String]) -> String {
        var result = text
        for secret in secrets where !secret.isEmpty {
            result = replacingAll(secret, in: result)
        }
        return redactURLPasswords(result)
    }

    private static func replacingAll(_ needle: String, in haystack: String) -> String {
        let source = Array(haystack.utf8)
        let pattern = Array(needle.utf8)
        guard pattern.count <= source.count else { return haystack }
        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if index + pattern.count <= source.count, source[index..<index + pattern.count].elementsEqual(pattern) {
                output.append(contentsOf: mask.utf8)
                index += pattern.count
            } else {
                output.append(source[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `https://admin:pw@host/` becomes `https://admin:***@host/`.
    private static func redactURLPasswords(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let marker = Array("://".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard index + marker.count <= bytes.count, bytes[index..<index + marker.count].elementsEqual(marker) else {
                output.append(bytes[index])
                index += 1
                continue
            }
            output.append(contentsOf: marker)
            index += marker.count
            // The authority ends at the first '/', '?', '#' or whitespace.
            var end = index
            while end < bytes.count, !"/?# \t\r\n".utf8.contains(bytes[end]) { end += 1 }
            let authority = bytes[index..<end]
            if let at = authority.lastIndex(of: UInt8(ascii: "@")),
                let colon = authority[index..<at].firstIndex(of: UInt8(ascii: ":"))
            {
                output.append(contentsOf: bytes[index...colon])
                output.append(contentsOf: mask.utf8)
                output.append(contentsOf: bytes[at..<end])
            } else {
                output.append(contentsOf: authority)
            }
            index = end
        }
        return String(decoding: output, as: UTF8.self)
    }
}
