import Hummingbird
import Logging
import NIOSSL
import PFShellEmulator
import ServiceLifecycle

/// Turns Hummingbird requests into ``EmulatorRequest`` values for ``RuntimeAPI`` and its answers back.
struct RuntimeResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// OAuth requests are small forms; anything larger than this gets a 413.
    static let maximumBodySize = 1024 * 1024

    let runtime: RuntimeAPI
    let log: RequestLog?

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let answer: EmulatorResponse
        let method = request.method == .head ? "GET" : request.method.rawValue
        if let apiRequest = try await request.apiRequest(method: method, bodyLimit: Self.maximumBodySize) {
            answer = runtime.handle(apiRequest)
        } else {
            answer = EmulatorResponse(
                status: 413, headers: [("Content-Type", "text/plain;charset=utf-8")],
                body: Array("The request body is too large.\n".utf8))
        }
        log?.record(
            method: request.method.rawValue, path: request.uri.path, status: answer.status,
            elapsed: ContinuousClock.now - started)
        let response = EmulatorResponder.response(from: answer)
        return request.method == .head ? response.createHeadResponse() : response
    }
}
