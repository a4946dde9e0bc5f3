import Hummingbird
import Logging
import NIOSSL
import PFShellEmulator
import ServiceLifecycle

/// The runtime listener, like PingFederate's engine port 9031: the OAuth endpoints of ``RuntimeAPI``
/// over HTTPS with the Admin API's certificate (or plain HTTP), in the same service group as the
/// Admin API listener so both start and stop together.
public struct RuntimeServer: Sendable {
    public let runtime: RuntimeAPI
    public let listener: ListenerSettings

    public init(runtime: RuntimeAPI, listener: ListenerSettings) {
        self.runtime = runtime
        self.listener = listener
    }

    public func service(
        logger: Logger = EmulatorServer.quietLogger,
        onListening: @escaping @Sendable (Int) async -> Void
    ) throws(EmulatorServerError) -> any Service {
        try EmulatorServer.listener(
            responder: RuntimeResponder(runtime: runtime, log: listener.log), host: listener.host, port: listener.port,
            tls: listener.tls, stats: listener.stats, logger: logger, onListening: onListening)
    }
}

/// Turns Hummingbird requests into ``APIRequest`` values for ``RuntimeAPI`` and its answers back.
struct RuntimeResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// OAuth requests are small forms; anything larger than this gets a 413.
    static let maximumBodySize = 1024 * 1024

    let runtime: RuntimeAPI
    let log: RequestLog?

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let answer: APIResponse
        let method = request.method == .head ? "GET" : request.method.rawValue
        if let apiRequest = try await request.apiRequest(method: method, bodyLimit: Self.maximumBodySize) {
            answer = runtime.handle(apiRequest)
        } else {
            answer = APIResponse(
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
