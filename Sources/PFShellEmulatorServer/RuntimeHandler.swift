import Hummingbird
import PFShellEmulator
import PFShellJSON

/// Turns Hummingbird requests into ``EmulatorRequest`` values for ``RuntimeAPI``.
struct RuntimeHandler: ListenerHandler {
    /// OAuth requests are small forms; anything larger than this gets a 413.
    static let maximumBodySize = 1024 * 1024

    let runtime: RuntimeAPI

    func answer(_ request: Request) async throws -> EmulatorResponse {
        let method = request.method == .head ? "GET" : request.method.rawValue
        guard let apiRequest = try await request.apiRequest(method: method, bodyLimit: Self.maximumBodySize) else {
            return EmulatorResponse(
                status: 413, headers: [("Content-Type", "text/plain;charset=utf-8")],
                body: Array("The request body is too large.\n".utf8))
        }
        return runtime.handle(apiRequest)
    }

    /// An OAuth error body (RFC 6749 §5.2), as the runtime's other errors.
    func faultAnswer(status: Int) -> EmulatorResponse {
        let error = status == 500 ? "server_error" : "temporarily_unavailable"
        let body: JSONValue = [
            "error_description": .string("The server cannot answer now (emulated fault)."), "error": .string(error),
        ]
        return EmulatorResponse(
            status: status, headers: [("Content-Type", "application/json;charset=UTF-8"), ("Cache-Control", "no-store")],
            body: Array((JSONPrinter.print(body) + "\r\n").utf8))
    }
}
