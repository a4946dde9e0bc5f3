import NIOSSL

/// Where and how one of the emulator's listeners serves: the address, TLS (nil for plain HTTP),
/// the request log and the connection counters. Shared by the Admin API and runtime listeners.
public struct ListenerSettings: Sendable {
    public let host: String
    /// The port to bind; 0 asks the system for a free one (the real one is given to `onListening`).
    public let port: Int
    /// nil serves plain HTTP.
    public let tls: TLSConfiguration?
    public let log: RequestLog?
    public let stats: ConnectionStats

    public init(
        host: String = "127.0.0.1", port: Int, tls: TLSConfiguration?, log: RequestLog? = nil,
        stats: ConnectionStats = ConnectionStats()
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.log = log
        self.stats = stats
    }
}
