import NIOSSL

/// Where and how one of the emulator's listeners serves: the address, TLS (nil for plain HTTP),
/// the request log, the connection counters, and the faults and latency of `--faults` and
/// `--latency`. Shared by the Admin API and runtime listeners.
public struct ListenerSettings: Sendable {
    public let host: String
    /// The port to bind; 0 asks the system for a free one (the real one is given to `onListening`).
    public let port: Int
    /// nil serves plain HTTP.
    public let tls: TLSConfiguration?
    public let log: RequestLog?
    public let stats: ConnectionStats
    /// nil: no request fails on purpose. Both listeners share one, so faults follow arrival order.
    public let faults: FaultInjector?
    /// How long every request waits before it is handled.
    public let latency: Duration

    public init(
        host: String = "127.0.0.1", port: Int, tls: TLSConfiguration?, log: RequestLog? = nil,
        stats: ConnectionStats = ConnectionStats(), faults: FaultInjector? = nil, latency: Duration = .zero
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.log = log
        self.stats = stats
        self.faults = faults
        self.latency = latency
    }
}
