import PFShellJSON

/// The HTTP methods the Admin API uses; the libcurl edge sends these same values.
public enum HTTPMethod: String, Sendable, CaseIterable {
    case get = "GET", post = "POST", put = "PUT", delete = "DELETE"
}

/// A request to the Admin API, relative to its base URL (`/oauth/clients/web`), with its query
/// kept apart from the path until it is sent.
public struct APIRequest: Sendable, Equatable {
    public var method: HTTPMethod
    public var path: String
    public var query: [QueryItem]
    public var body: JSONValue?
    /// 1 for the first sending, 2 for the first retry, and so on (the trace shows retries).
    public var attempt = 1

    public init(_ method: HTTPMethod, _ path: String, query: [QueryItem] = [], body: JSONValue? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
    }

    /// `GET`, `PUT` and `DELETE` leave the server the same however often they arrive; a `POST`
    /// creates a client each time.
    public var isIdempotent: Bool { method != .post }

    /// The path with the query, percent-encoded, as it goes on the wire (`/oauth/clients?filter=web`).
    public var target: String {
        query.isEmpty ? path : path + "?" + encodedQuery
    }

    /// The query as it goes on the wire, without its `?`.
    public var encodedQuery: String {
        query.map { pathSegment($0.name) + "=" + pathSegment($0.value) }.joined(separator: "&")
    }
}

/// One `name=value` of a request's query.
public struct QueryItem: Sendable, Equatable {
    public let name: String
    public let value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The server's answer: a status and, when there is one, a JSON body, with what is needed to say
/// what answered when it was not the API's JSON.
public struct APIResponse: Sendable, Equatable {
    public var status: Int
    public var body: JSONValue?
    /// The body as it arrived, when it was not JSON (a page, garbage); nil for JSON or no body.
    public var unreadable: UnreadableBody?
    /// The `Location` of a redirect.
    public var location: String?
    /// The `Retry-After` header of a 429 or 503, as sent.
    public var retryAfter: String?

    public init(
        status: Int, body: JSONValue? = nil, unreadable: UnreadableBody? = nil, location: String? = nil,
        retryAfter: String? = nil
    ) {
        self.status = status
        self.body = body
        self.unreadable = unreadable
        self.location = location
        self.retryAfter = retryAfter
    }

    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// A body that is not JSON: its content type, its size, and why it does not parse.
public struct UnreadableBody: Sendable, Equatable {
    public var contentType: String?
    public var byteCount: Int
    /// The parser's complaint, with line and column.
    public var parseError: String

    public init(contentType: String?, byteCount: Int, parseError: String) {
        self.contentType = contentType
        self.byteCount = byteCount
        self.parseError = parseError
    }
}

/// Why no answer came back: the connection, TLS, a timeout, or the user's Ctrl-C.
public struct TransportFailure: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case dns, refused, tls, timeout, cancelled
        /// The connection closed or broke after the request went out, before a whole answer came.
        case connectionLost
        case other
    }
    public let kind: Kind
    public let message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// Whether the server may have received the request: only a failure to reach it at all (a
    /// name that does not resolve, a refused connection, a failed handshake) proves it did not.
    public var requestMayHaveArrived: Bool {
        switch kind {
        case .dns, .refused, .tls: false
        case .timeout, .cancelled, .connectionLost, .other: true
        }
    }
}

/// The one way the core reaches the server. The edge implements it over libcurl; tests use a fake.
public protocol ServerPort: AnyObject {
    func send(_ request: APIRequest) throws(TransportFailure) -> APIResponse
}

/// Percent-encodes one path segment (a client ID may hold any character).
public func pathSegment(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
        let unreserved = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || [0x2D, 0x2E, 0x5F, 0x7E].contains(byte)
        if unreserved {
            out.unicodeScalars.append(Unicode.Scalar(byte))
        } else {
            let hex = String(byte, radix: 16, uppercase: true)
            out += "%" + (hex.count == 1 ? "0" + hex : hex)
        }
    }
    return out
}
