import Hummingbird
import PFShellEmulator
import PFShellJSON

/// Turns Hummingbird requests into ``EmulatorRequest`` values for the Admin API handler and its answers
/// back into responses. Paths outside `/pf-admin-api/` are the server's own: `GET /emulator/stats`
/// and a 404 for anything else.
struct EmulatorResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    /// A single header field of Hummingbird's `HTTPFields`; named through the collection so that this
    /// module needs no direct dependency on HTTPTypes.
    typealias HeaderField = HTTPFields.Element

    /// Request bodies larger than this get a 413; PingFederate's own limit is far below it.
    static let maximumBodySize = 16 * 1024 * 1024

    let api: AdminAPI
    let stats: ConnectionStats
    let log: RequestLog?

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let answer = try await answer(request)
        log?.record(
            method: request.method.rawValue,
            path: request.uri.path,
            status: answer.status,
            elapsed: ContinuousClock.now - started
        )
        let response = Self.response(from: answer)
        // A HEAD answer keeps the headers, Content-Length included, but must carry no body.
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func answer(_ request: Request) async throws -> EmulatorResponse {
        let path = request.uri.path
        guard path.hasPrefix("/pf-admin-api/") else { return ownAnswer(method: request.method.rawValue, path: path) }
        guard let apiRequest = try await request.apiRequest(method: request.method.rawValue, bodyLimit: Self.maximumBodySize)
        else {
            return Self.apiResult(
                413, "request_too_large", "The request body is larger than \(Self.maximumBodySize) bytes.")
        }
        return api.handle(apiRequest)
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
    private static func apiResult(_ status: Int, _ resultId: String, _ message: String) -> EmulatorResponse {
        .json(status, ["resultId": .string(resultId), "message": .string(message)])
    }

    static func response(from answer: EmulatorResponse) -> Response {
        var headers = HTTPFields()
        for header in answer.headers {
            guard let name = HeaderField.Name(header.name) else { continue }
            headers.append(HeaderField(name: name, value: header.value))
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        )
    }
}
