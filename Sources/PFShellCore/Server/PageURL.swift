/// URLs met while walking the runtime's pages: a form's action or a `Location` resolved against
/// the page's URL, the server a URL points at, and whether a redirect goes to a given URI.
enum PageURL {
    /// `scheme://authority` of an absolute http(s) URL (scheme and authority lowercased), else nil.
    static func origin(_ url: String) -> String? {
        guard let parts = URIParts(url), parts.isWeb, let host = parts.host, !host.isEmpty, let authority = parts.authority
        else { return nil }
        return parts.scheme + "://" + authority.lowercased()
    }

    /// Whether `url` (absolute, or a reference resolved against `base`) is on `base`'s server.
    static func isOnServer(_ url: String, of base: String) -> Bool {
        guard let server = origin(base) else { return false }
        return origin(resolve(url, against: base)) == server
    }

    /// `reference` resolved against `base` (RFC 3986 §5.2) for the forms pages use: absolute,
    /// `//host/path`, `/path`, `?query` and `path` relative to the base's folder.
    static func resolve(_ reference: String, against base: String) -> String {
        if URIParts(reference) != nil { return reference }
        guard let server = origin(base), let parts = URIParts(base) else { return reference }
        if reference.hasPrefix("//") { return parts.scheme + ":" + reference }
        if reference.hasPrefix("/") { return server + reference }
        let withoutQuery = String(base.prefix { $0 != "?" && $0 != "#" })
        if reference.isEmpty { return withoutQuery }
        if reference.hasPrefix("?") { return withoutQuery + reference }
        let path = withoutQuery.dropFirst(server.count)
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "/"
        return server + folder + reference
    }

    /// Whether `location` is `uri` itself, or `uri` with a query or fragment added.
    static func isRedirect(_ location: String, to uri: String) -> Bool {
        guard location.hasPrefix(uri) else { return false }
        let rest = location.dropFirst(uri.count)
        guard let next = rest.first else { return true }
        return next == "?" || next == "#" || (uri.contains("?") && (next == "&" || uri.hasSuffix("?") || uri.hasSuffix("&")))
    }

    /// `location` without its query's values, which may hold a code: `https://app/cb?…`.
    static func withoutQuery(_ location: String) -> String {
        guard let question = location.firstIndex(of: "?") else { return location }
        return location[..<question] + "?…"
    }
}
