import PFShellCore

/// The core's methods, under the name this module's users know.
public typealias HTTPMethod = PFShellCore.HTTPMethod

/// One request for `CurlTransport.send(_:)`.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// An absolute `http://` or `https://` URL.
    public var url: String
    /// Sent in order; an empty value is sent as an empty header (`Name;` in curl's terms), not dropped.
    public var headers: [(name: String, value: String)]
    /// `nil` sends no body, except for POST and PUT, which always send one (zero-length when `nil`).
    public var body: [UInt8]?

    public init(
        method: HTTPMethod,
        url: String,
        headers: [(name: String, value: String)] = [],
        body: [UInt8]? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
