/// PingFederate's runtime (engine) OAuth endpoints, by default on port 9031 of the admin host.
public struct RuntimeEndpoints: Sendable, Equatable {
    /// PingFederate's default runtime (engine) port.
    public static let defaultPort = 9031

    /// `https://pf.example.com:9031`.
    public let base: String

    /// Surrounding blanks and trailing `/` are dropped.
    public init(base: String) {
        var trimmed = ModelText.trimmed(base)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.base = trimmed
    }

    /// The admin URL `https://host:9999/pf-admin-api/v1` → `https://host:9031`: same scheme and
    /// host, no path. A text without `://` is taken as `https://`; one with no host is kept as it is.
    public init(adminURL: String) {
        let trimmed = RuntimeEndpoints(base: adminURL).base
        let absolute = trimmed.contains("://") ? trimmed : "https://" + trimmed
        guard let parts = URIParts(absolute), let host = parts.host, !host.isEmpty else {
            self.init(base: adminURL)
            return
        }
        self.init(base: "\(parts.scheme)://\(host):\(Self.defaultPort)")
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
    /// HTTP Basic credentials, exactly as they go into the header (callers form-encode a client's
    /// ID and secret first, RFC 6749 §2.3.1).
    public let basic: BasicCredentials?
    /// The `Accept` header: JSON for the OAuth endpoints, HTML for the pages a browser would see.
    public let accept: String

    public struct FormField: Sendable, Equatable {
        public let name: String
        public let value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public struct BasicCredentials: Sendable, Equatable, CustomStringConvertible {
        public let user: String
        public let password: String

        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }

        /// Never shows the password.
        public var description: String { "basic(user: \(user), password: ***)" }
    }

    public static let json = "application/json"
    public static let html = "text/html,application/xhtml+xml"

    public init(
        _ method: Method, _ url: String, form: [(String, String)] = [], basic: BasicCredentials? = nil,
        accept: String = RuntimeRequest.json
    ) {
        self.method = method
        self.url = url
        self.form = form.map { FormField(name: $0.0, value: $0.1) }
        self.basic = basic
        self.accept = accept
    }

    /// `application/x-www-form-urlencoded`: unreserved characters kept, everything else escaped.
    public var encodedForm: String {
        form.map { "\(Self.escape($0.name))=\(Self.escape($0.value))" }.joined(separator: "&")
    }

    public static func escape(_ text: String) -> String {
        pathSegment(text)
    }

    /// `url?a=1&b=2`, each name and value escaped.
    public static func url(_ base: String, query: [(String, String)]) -> String {
        base + "?" + query.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }
}

public struct RuntimeResponse: Sendable, Equatable {
    public let status: Int
    /// The `Location` header of a redirect.
    public let location: String?
    /// The `Content-Type` header.
    public let contentType: String?
    public let body: String

    public init(status: Int, location: String?, contentType: String? = nil, body: String) {
        self.status = status
        self.location = location
        self.contentType = contentType
        self.body = body
    }
}
