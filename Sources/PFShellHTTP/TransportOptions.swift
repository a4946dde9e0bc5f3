/// Settings applied to every request; changing them on a transport keeps its connections.
public struct TransportOptions: Sendable {
    /// PEM file of the CA (or self-signed certificate) to trust instead of the system store.
    public var caFile: String?
    /// Skips certificate and host-name verification (`--insecure`); `caFile` is then ignored.
    public var insecure: Bool
    public var connectTimeoutMilliseconds: Int
    /// Limit for the whole transfer, connection included.
    public var timeoutMilliseconds: Int
    public var credentials: Credentials
    public var userAgent: String
    /// Keeps the cookies servers set, in memory only, and sends them back like a browser (libcurl's
    /// cookie engine). Off for the Admin API, which needs none.
    public var keepsCookies: Bool

    public init(
        caFile: String? = nil,
        insecure: Bool = false,
        connectTimeoutMilliseconds: Int = 5000,
        timeoutMilliseconds: Int = 30000,
        credentials: Credentials = .none,
        userAgent: String = "pfsh",
        keepsCookies: Bool = false
    ) {
        self.caFile = caFile
        self.insecure = insecure
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
        self.timeoutMilliseconds = timeoutMilliseconds
        self.credentials = credentials
        self.userAgent = userAgent
        self.keepsCookies = keepsCookies
    }
}

extension TransportOptions: CustomStringConvertible {
    public var description: String {
        "TransportOptions(caFile: \(caFile ?? "nil"), insecure: \(insecure), "
            + "connectTimeoutMilliseconds: \(connectTimeoutMilliseconds), "
            + "timeoutMilliseconds: \(timeoutMilliseconds), credentials: \(credentials), userAgent: \(userAgent), keepsCookies: \(keepsCookies))"
    }
}
