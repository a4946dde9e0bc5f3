import Hummingbird
import PFShellEmulator

/// What both listeners do around their handler: each request draws its fault on arrival (see
/// ``FaultInjector``), waits out the latency, is answered by the handler, by the fault or not at
/// all, gets its `--log` line, and its answer becomes a response.
struct ListenerResponder<Handler: ListenerHandler>: HTTPResponder {
    typealias Context = ChannelRequestContext
    /// A single header field of Hummingbird's `HTTPFields`; named through the collection so that this
    /// module needs no direct dependency on HTTPTypes.
    typealias HeaderField = HTTPFields.Element

    let handler: Handler
    let faults: FaultInjector?
    let latency: Duration
    let log: RequestLog?

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let fault = handler.sparesFaults(request.uri.path) ? nil : faults?.next()
        if latency > .zero { try await Task.sleep(for: latency) }
        let answer = try await answer(request, fault: fault)
        log?.record(
            method: request.method.rawValue, path: request.uri.path, status: answer?.status,
            elapsed: ContinuousClock.now - started, fault: fault)
        guard let answer, fault != .resetAfter else {
            await ConnectionReset.reset(context.channel)
            throw ConnectionReset.Dropped()
        }
        let response = Self.response(from: answer)
        // A HEAD answer keeps the headers, Content-Length included, but must carry no body.
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// The handler's answer, the fault's instead, or nil when the request never reaches the handler
    /// and gets no answer (`reset-before`).
    private func answer(_ request: Request, fault: FaultKind?) async throws -> EmulatorResponse? {
        guard let fault else { return try await handler.answer(request) }
        if let status = fault.status { return Self.withRetryAfter(handler.faultAnswer(status: status)) }
        return fault == .resetAfter ? try await handler.answer(request) : nil
    }

    /// 503 and 429 ask the client to come back in a second.
    private static func withRetryAfter(_ answer: EmulatorResponse) -> EmulatorResponse {
        guard answer.status == 503 || answer.status == 429 else { return answer }
        var answer = answer
        answer.headers.append(("Retry-After", "1"))
        return answer
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
