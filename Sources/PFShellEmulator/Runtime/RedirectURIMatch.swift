/// Matching a requested `redirect_uri` against a client's registered ones (pf-runtime-oauth.md §4.2).
/// Without a wildcard the comparison is exact, character for character: no case folding and no port
/// normalisation (PingFederate rejects `:443` written out against a URI without it). A `*` in a
/// registered URI matches any run of characters, `/` included: an assumption, since PingFederate does
/// not document what its wildcard may match.
enum RedirectURIMatch {
    static func matches(_ requested: String, registered: String) -> Bool {
        guard registered.contains("*") else { return requested == registered }
        return glob(Array(registered.unicodeScalars), Array(requested.unicodeScalars))
    }

    /// Whether any registered URI matches.
    static func isRegistered(_ requested: String, among registered: [String]) -> Bool {
        registered.contains { matches(requested, registered: $0) }
    }

    /// The redirect URI to use: the requested one when it is registered; with none requested, the only
    /// registered one, if there is exactly one and it has no wildcard (PingFederate requires a
    /// specific `redirect_uri` otherwise). nil when there is none to trust.
    static func resolve(_ requested: String?, registered: [String]) -> String? {
        if let requested { return isRegistered(requested, among: registered) ? requested : nil }
        guard registered.count == 1, let only = registered.first, !only.contains("*") else { return nil }
        return only
    }

    /// `*` matches any run of characters; everything else matches itself. Iterative with one
    /// backtracking point, so linear-ish and free of recursion.
    private static func glob(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        var p = 0
        var t = 0
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if p < pattern.count, pattern[p] == text[t] {
                p += 1
                t += 1
            } else if let star {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
