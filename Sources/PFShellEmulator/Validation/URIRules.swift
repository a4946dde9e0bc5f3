/// The server's checks on URIs. PingFederate's redirect URIs may hold `*` wildcards
/// (`https://*.example.com/*`), and native apps use private schemes (`com.example.app:/cb`).
enum URIRules {
    /// A scheme, then a non-empty rest without spaces; `http(s)` must name a host.
    static func isAbsoluteURI(_ text: String, wildcards: Bool) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        let rest = text[text.index(after: colon)...]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
            !rest.isEmpty, !text.contains(where: { $0.isWhitespace || $0.isNewline })
        else { return false }
        if !wildcards && text.contains("*") { return false }
        if ["http", "https"].contains(scheme.lowercased()) { return hasHost(rest) }
        return true
    }

    /// An absolute `http` or `https` URL with a host and no wildcard.
    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        return isAbsoluteURI(text, wildcards: false)
    }

    private static func hasHost(_ rest: Substring) -> Bool {
        guard rest.hasPrefix("//") else { return false }
        let authority = rest.dropFirst(2).prefix { !"/?#".contains($0) }
        let host = authority.split(separator: "@").last.map { $0.split(separator: ":").first ?? "" } ?? ""
        return !host.isEmpty
    }
}
