/// PingFederate's runtime (engine) OAuth endpoints, by default on port 9031 of the admin host.
public struct RuntimeEndpoints: Sendable, Equatable {
    /// `https://pf.example.com:9031`.
    public let base: String

    public init(base: String) {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.base = trimmed
    }

    /// The admin API URL `https://host:9999/pf-admin-api/v1` → `https://host:9031`.
    public init(adminURL: String) {
        let scheme = adminURL.hasPrefix("http://") ? "http" : "https"
        let rest = adminURL.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? ""
        let host: String
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            host = String(rest[...close])
        } else {
            host = rest.split(separator: ":").first.map(String.init) ?? rest
        }
        self.init(base: "\(scheme)://\(host):9031")
    }

    /// From a token endpoint URL given by the user (`…/as/token.oauth2`).
    public init(tokenURL: String) {
        let suffix = "/as/token.oauth2"
        self.init(base: tokenURL.hasSuffix(suffix) ? String(tokenURL.dropLast(suffix.count)) : tokenURL)
    }

    public var token: String { base + "/as/token.oauth2" }
    public var introspection: String { base + "/as/introspect.oauth2" }
    public var authorization: String { base + "/as/authorization.oauth2" }
}

/// An HTTP exchange with the runtime endpoints: a form post or a GET, never following redirects.
public struct RuntimeRequest: Sendable, Equatable {
    public enum Method: String, Sendable { case get = "GET", post = "POST" }

    public let method: Method
    public let url: String
    public let form: [FormField]
    /// HTTP Basic client authentication, as RFC 6749 §2.3.1 prefers.
    public let clientID: String?
    public let clientSecret: String?

    public struct FormField: Sendable, Equatable {
        public let name: String
        public let value: String
    }

    public init(_ method: Method, _ url: String, form: [(String, String)] = [], clientID: String? = nil, clientSecret: String? = nil) {
        self.method = method
        self.url = url
        self.form = form.map { FormField(name: $0.0, value: $0.1) }
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    /// `application/x-www-form-urlencoded`: unreserved characters kept, everything else escaped.
    public var encodedForm: String {
        form.map { "\(Self.escape($0.name))=\(Self.escape($0.value))" }.joined(separator: "&")
    }

    public static func escape(_ text: String) -> String {
        pathSegment(text)
    }
}

public struct RuntimeResponse: Sendable, Equatable {
    public let status: Int
    /// The `Location` header of a redirect.
    public let location: String?
    public let body: String

    public init(status: Int, location: String?, body: String) {
        self.status = status
        self.location = location
        self.body = body
    }
}
