/// The pieces of an absolute URI the model checks: the scheme and, for `scheme://...`, the
/// authority's host and port. A light split, not a full RFC 3986 parser: it is enough to tell an
/// absolute URI from a relative one and to find the host.
struct URIParts: Equatable {
    /// Lowercased.
    let scheme: String
    /// Everything after `scheme:`.
    let rest: Substring
    /// Everything between `//` and the path, user info and port included, when there is one.
    let authority: Substring?
    /// The host without user info and port, when the URI has an authority (`//`).
    let host: Substring?
    /// The text after the host's `:`, when there is one.
    let port: Substring?

    /// Splits `text`; nil when it has no valid scheme (a relative reference).
    init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon]
        guard Self.isScheme(scheme) else { return nil }
        self.scheme = scheme.lowercased()
        self.rest = text[text.index(after: colon)...]
        guard rest.hasPrefix("//") else {
            authority = nil
            host = nil
            port = nil
            return
        }
        let authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        self.authority = authority
        let hostAndPort = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        (host, port) = Self.splitPort(hostAndPort)
    }

    /// RFC 3986: a letter, then letters, digits, `+`, `-` or `.`.
    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// `host:port`, keeping an IPv6 literal's brackets (`[::1]:8080`) whole.
    private static func splitPort(_ text: Substring) -> (Substring, Substring?) {
        let searchFrom = text.hasPrefix("[") ? (text.firstIndex(of: "]") ?? text.startIndex) : text.startIndex
        guard let colon = text[searchFrom...].lastIndex(of: ":") else { return (text, nil) }
        return (text[..<colon], text[text.index(after: colon)...])
    }

    var isWeb: Bool { scheme == "http" || scheme == "https" }

    /// `host:port` as the URI writes them, without user info.
    var hostAndPort: String? {
        host.map { String($0) + (port.map { ":" + $0 } ?? "") }
    }

    /// A web URI's authority is usable: a host, and a port that is a number (or a `*` wildcard
    /// when wildcards are allowed).
    func hasValidAuthority(wildcards: Bool) -> Bool {
        guard let host, !host.isEmpty else { return false }
        guard let port else { return true }
        if wildcards && port == "*" { return true }
        return !port.isEmpty && port.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
