import Foundation

/// The `--log` output: one line per request on stderr, `METHOD PATH STATUS 1.2ms`. Only the path is
/// written: the query can hold a filter, and headers and bodies hold credentials and secrets.
///
/// A request that got a `--faults` fault says which at the end: `fault` after a 500, 503 or 429
/// answered in the handler's stead, `reset-before` (with `-` for the status: nothing was answered)
/// or `reset-after` (with the status the handler answered but never sent).
public struct RequestLog: Sendable {
    public init() {}

    func record(method: String, path: String, status: Int?, elapsed: Duration, fault: FaultKind? = nil) {
        StandardOutput.errorLine(Self.line(method: method, path: path, status: status, elapsed: elapsed, fault: fault))
    }

    /// `POST /pf-admin-api/v1/oauth/clients 503 0.1ms fault`.
    static func line(method: String, path: String, status: Int?, elapsed: Duration, fault: FaultKind?) -> String {
        let line = "\(method) \(path) \(status.map(String.init) ?? "-") \(milliseconds(elapsed))ms"
        guard let fault else { return line }
        return fault.status == nil ? "\(line) \(fault.rawValue)" : "\(line) fault"
    }

    /// Milliseconds with one decimal, e.g. `0.4`, `12.0`.
    static func milliseconds(_ duration: Duration) -> String {
        let components = duration.components
        let tenths = (components.seconds * 10_000) + (components.attoseconds / 100_000_000_000_000)
        return "\(tenths / 10).\(tenths % 10)"
    }
}
