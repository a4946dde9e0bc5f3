/// A complete response: any HTTP status, including 4xx and 5xx, is a response, not an error.
public struct HTTPResponse: Sendable {
    public let status: Int
    /// The final response's headers in arrival order (interim 1xx responses are dropped).
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]
    /// Connections libcurl opened for this request (`CURLINFO_NUM_CONNECTS`): 0 when one was reused.
    public let newConnections: Int
    /// Total time of the transfer.
    public let milliseconds: Double

    public init(
        status: Int,
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = [],
        newConnections: Int = 0,
        milliseconds: Double = 0
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.newConnections = newConnections
        self.milliseconds = milliseconds
    }

    /// The first header with this name, compared case-insensitively (ASCII).
    public func header(_ name: String) -> String? {
        let wanted = HeaderName.folded(name)
        return headers.first { HeaderName.folded($0.name) == wanted }?.value
    }
}
