/// One HTTP request as the emulator's handler sees it, independent of any server framework.
public struct EmulatorRequest: Sendable {
    public var method: String
    /// The path without the query, e.g. `/pf-admin-api/v1/oauth/clients/web`; percent-escapes still in place.
    public var path: String
    /// The query string without `?`, still percent-encoded (`filter=a%20b&page=2`).
    public var query: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(
        method: String, path: String, query: String = "", headers: [(name: String, value: String)] = [],
        body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
