/// The parameters of an OAuth request: `application/x-www-form-urlencoded` pairs from the body and,
/// where the endpoint reads it, the query. A parameter sent with an empty value counts as omitted
/// (RFC 6749 §3.1), and one sent twice is an error the endpoint reports (RFC 6749 §3.1, §3.2).
struct OAuthParameters {
    private(set) var pairs: [(name: String, value: String)] = []

    init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs.filter { !$0.value.isEmpty }
    }

    /// Decodes `a=1&b=x+y`; `+` is a space and percent-escapes are decoded.
    static func decode(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (
                PercentDecoding.decode(parts[0], plusIsSpace: true),
                parts.count > 1 ? PercentDecoding.decode(parts[1], plusIsSpace: true) : ""
            )
        }
    }

    enum Source {
        /// The body only (introspection and revocation: `token` goes in the body).
        case body
        /// The body, then the query: PingFederate takes token parameters from the query too
        /// (pf-runtime-oauth.md §2.1), and the authorization endpoint takes GET or a form POST.
        case bodyAndQuery
    }

    /// A body that is not form-encoded, with the `Content-Type` it came with.
    struct UnsupportedContentType: Error {
        let type: String
    }

    /// The request's parameters. A body with a `Content-Type` other than a form is refused; a body
    /// without one is read as a form.
    static func of(_ request: EmulatorRequest, from source: Source) throws(UnsupportedContentType) -> OAuthParameters {
        var pairs: [(name: String, value: String)] = []
        if !request.body.isEmpty {
            if let type = request.header("Content-Type"),
                type.split(separator: ";").first?.trimmed.lowercased() != "application/x-www-form-urlencoded"
            {
                throw UnsupportedContentType(type: type)
            }
            pairs += decode(String(decoding: request.body, as: UTF8.self))
        }
        if source == .bodyAndQuery { pairs += decode(request.query) }
        return OAuthParameters(pairs: pairs)
    }

    /// The parameters for the token, introspection and revocation endpoints, which refuse a body
    /// that is not a form as `invalid_request`.
    static func form(_ request: EmulatorRequest, from source: Source) throws(OAuthError) -> OAuthParameters {
        do {
            return try of(request, from: source)
        } catch {
            throw .invalidRequest("The request must be application/x-www-form-urlencoded, not \(error.type).")
        }
    }

    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// The first of `names` that is sent more than once.
    func repeated(among names: [String]) -> String? {
        names.first { name in pairs.filter { $0.name == name }.count > 1 }
    }

    /// The first parameter name sent more than once.
    var firstRepeated: String? {
        var seen: Set<String> = []
        for pair in pairs {
            if !seen.insert(pair.name).inserted { return pair.name }
        }
        return nil
    }
}

extension Substring {
    fileprivate var trimmed: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

/// Percent-encoding for building a redirect's query (RFC 3986 unreserved characters stay).
enum PercentEncoding {
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80, character.isLetter || character.isNumber || "-._~".contains(character) {
                out.append(character)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// `a=1&b=2` from pairs, each name and value encoded.
    static func query(_ pairs: [(String, String)]) -> String {
        pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }
}

/// Scope lists: space-separated tokens (RFC 6749 §3.3), kept in the order first given, without repeats.
enum ScopeList {
    static func parse(_ text: String?) -> [String] {
        var seen: Set<String> = []
        return (text ?? "").split(separator: " ").map(String.init).filter { seen.insert($0).inserted }
    }

    /// Whether every scope is a valid scope-token (`%x21 / %x23-5B / %x5D-7E`).
    static func isValid(_ scopes: [String]) -> Bool {
        scopes.allSatisfy { scope in
            scope.unicodeScalars.allSatisfy { scalar in
                let value = scalar.value
                return value == 0x21 || (0x23...0x5B).contains(value) || (0x5D...0x7E).contains(value)
            }
        }
    }

    static func text(_ scopes: [String]) -> String { scopes.joined(separator: " ") }
}
