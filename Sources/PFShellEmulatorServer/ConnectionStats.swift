import HummingbirdCore
import Synchronization

/// How many TCP connections a listener has accepted and how many are still open. Shared by the
/// listener's connection delegate (a struct Hummingbird copies, hence a class) and the responder
/// that answers `GET /emulator/stats`.
public final class ConnectionStats: Sendable {
    private let accepted = Atomic<Int>(0)
    private let open = Atomic<Int>(0)

    public init() {}

    /// Every accepted connection, failed TLS handshakes included.
    public var connectionsAccepted: Int { accepted.load(ordering: .relaxed) }
    /// Connections not yet closed; drops shortly after a client closes, not at once.
    public var connectionsOpen: Int { open.load(ordering: .relaxed) }

    func connectionOpened() {
        accepted.add(1, ordering: .relaxed)
        open.add(1, ordering: .relaxed)
    }

    func connectionClosed() {
        open.subtract(1, ordering: .relaxed)
    }

    /// The delegate to hand to `ApplicationConfiguration`; Hummingbird calls it from the listening
    /// channel for each child channel.
    var delegate: some AvailableConnectionsDelegate { CountingDelegate(stats: self) }
}

private struct CountingDelegate: AvailableConnectionsDelegate {
    let stats: ConnectionStats

    mutating func connectionOpened() { stats.connectionOpened() }
    mutating func connectionClosed() { stats.connectionClosed() }
    func isAcceptingNewConnections() -> Bool { true }
}
