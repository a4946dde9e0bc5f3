import Foundation

/// The `--log` output: one line per request on stderr, `METHOD PATH STATUS 1.2ms`. Only the path is
/// written: the query can hold a filter, and headers and bodies hold credentials and secrets.
public struct RequestLog: Sendable {
    public init() {}

    func record(method: String, path: String, status: Int, elapsed: Duration) {
        let line = "\(method) \(path) \(status) \(Self.milliseconds(elapsed))ms"
        StandardOutput.errorLine(line)
    }

    /// Milliseconds with one decimal, e.g. `0.4`, `12.0`.
    static func milliseconds(_ duration: Duration) -> String {
        let components = duration.components
        let tenths = (components.seconds * 10_000) + (components.attoseconds / 100_000_000_000_000)
        return "\(tenths / 10).\(tenths % 10)"
    }
}
