import Hummingbird
import PFShellEmulator

/// What one listener answers, the Admin API or the runtime endpoints, behind the
/// ``ListenerResponder`` that adds latency, faults and the log line.
protocol ListenerHandler: Sendable {
    func answer(_ request: Request) async throws -> EmulatorResponse

    /// The answer to a 500, 503 or 429 fault, in the shape of the listener's own errors.
    func faultAnswer(status: Int) -> EmulatorResponse

    /// Whether faults spare a path: the emulator's own counters, which are not PingFederate's.
    func sparesFaults(_ path: String) -> Bool
}

extension ListenerHandler {
    func sparesFaults(_ path: String) -> Bool { false }
}
