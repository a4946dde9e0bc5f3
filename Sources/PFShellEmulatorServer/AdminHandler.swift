import Hummingbird
import PFShellEmulator
import PFShellJSON

/// Turns Hummingbird requests into ``EmulatorRequest`` values for the Admin API handler. Paths outside
/// `/pf-admin-api/` are the server's own: `GET /emulator/stats`, `/emulator/clock` with
/// `--test-clock` (``ClockEndpoint``), and a 404 for anything else.
struct AdminHandler: ListenerHandler {
    /// Request bodies larger than this get a 413; PingFederate's own limit is far below it.
    static let maximumBodySize = 16 * 1024 * 1024

    let api: AdminAPI
    let stats: ConnectionStats
    /// The clock `/emulator/clock` moves; nil without `--test-clock`, when that path is a 404.
    let testClock: EmulatorClock?

    func answer(_ request: Request) async throws -> EmulatorResponse {
        let path = request.uri.path
        let clock = path == ClockEndpoint.path ? testClock : nil
        guard path.hasPrefix("/pf-admin-api/") || clock != nil else {
            return ownAnswer(method: request.method.rawValue, path: path)
        }
        guard let apiRequest = try await request.apiRequest(method: request.method.rawValue, bodyLimit: Self.maximumBodySize)
        else {
            return Self.apiResult(
                413, "request_too_large", "The request body is larger than \(Self.maximumBodySize) bytes.")
        }
        if let clock { return ClockEndpoint(clock: clock, api: api).answer(apiRequest) }
        return api.handle(apiRequest)
    }

    func faultAnswer(status: Int) -> EmulatorResponse {
        switch status {
        case 503: Self.apiResult(503, "service_unavailable", "The server is temporarily unavailable (emulated fault).")
        case 429: Self.apiResult(429, "too_many_requests", "Too many requests (emulated fault).")
        default: Self.apiResult(status, "server_error", "An internal server error occurred (emulated fault).")
        }
    }

    /// `/emulator/stats` counts connections for tests and `/emulator/clock` moves the time; a fault
    /// there would only blur the count or the test.
    func sparesFaults(_ path: String) -> Bool {
        path.hasPrefix("/emulator/")
    }

    private func ownAnswer(method: String, path: String) -> EmulatorResponse {
        guard method == "GET", path == "/emulator/stats" else {
            return Self.apiResult(404, "resource_not_found", "The requested resource was not found.")
        }
        return .json(
            200,
            [
                "connectionsAccepted": .int(Int64(stats.connectionsAccepted)),
                "connectionsOpen": .int(Int64(stats.connectionsOpen)),
            ])
    }

    /// An error body shaped like PingFederate's `ApiResult`.
    static func apiResult(_ status: Int, _ resultId: String, _ message: String) -> EmulatorResponse {
        .json(status, ["resultId": .string(resultId), "message": .string(message)])
    }
}
