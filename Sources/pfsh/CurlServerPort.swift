import FoundationEssentials
import Glibc
import PFShellCore
import PFShellHTTP
import PFShellJSON

/// The core's `ServerPort` over one libcurl handle: every request of a session runs on the same
/// kept-alive connection, with `X-XSRF-Header: PingFederate` and JSON.
final class CurlServerPort: ServerPort {
    let transport: CurlTransport
    let apiURL: String
    let trace: TraceWriter?

    /// `--oauth-client`: where the bearer token of each request comes from.
    let bearer: OAuthTokenSource?

    init(apiURL: String, options: TransportOptions, trace: TraceWriter?, bearer: OAuthTokenSource? = nil) throws(ShellError) {
        do {
            transport = try CurlTransport(options: options)
        } catch {
            throw ShellError(.connection, command: "connect", error.message)
        }
        self.apiURL = apiURL
        self.trace = trace
        self.bearer = bearer
    }

    /// With an OAuth token, a 401 (the token expired or was revoked early) fetches a new one and
    /// sends the request once more: a refused request was not carried out.
    func send(_ request: APIRequest) throws(TransportFailure) -> APIResponse {
        guard let bearer else { return try send(request, token: nil) }
        let first = try send(request, token: try token(bearer))
        guard first.status == 401 else { return first }
        bearer.forget()
        return try send(request, token: try token(bearer))
    }

    private func token(_ source: OAuthTokenSource) throws(TransportFailure) -> String {
        do {
            return try source.current()
        } catch {
            throw TransportFailure(kind: .other, message: error.message)
        }
    }

    private func send(_ request: APIRequest, token: String?) throws(TransportFailure) -> APIResponse {
        var headers: [(name: String, value: String)] = [
            ("X-XSRF-Header", "PingFederate"), ("Accept", "application/json"),
        ]
        if let token { headers.append(("Authorization", "Bearer " + token)) }
        let body = request.body.map { Array(JSONPrinter.print($0).utf8) }
        if body != nil { headers.append(("Content-Type", "application/json")) }
        let url = apiURL + request.target
        let response: HTTPResponse
        do {
            response = try transport.send(
                HTTPRequest(method: request.method, url: url, headers: headers, body: body))
        } catch {
            trace?.record(
                method: request.method.rawValue, url: url, attempt: request.attempt, status: nil, failure: error.message,
                milliseconds: 0, request: request.body, response: nil)
            throw TransportFailure(kind: error.kind, message: error.message)
        }
        let (json, unreadable) = Self.read(response)
        trace?.record(
            method: request.method.rawValue, url: url, attempt: request.attempt, status: response.status,
            milliseconds: response.milliseconds,
            request: request.body, response: json)
        return APIResponse(
            status: response.status, body: json, unreadable: unreadable, location: response.header("Location"),
            retryAfter: response.header("Retry-After"))
    }

    /// The body as JSON, or what it was when it is not JSON.
    static func read(_ response: HTTPResponse) -> (JSONValue?, UnreadableBody?) {
        guard !response.body.isEmpty else { return (nil, nil) }
        do {
            return (try JSONParser.parse(response.body), nil)
        } catch {
            let problem = "line \(error.line), column \(error.column): \(error.message)"
            return (nil, UnreadableBody(contentType: response.header("Content-Type"), byteCount: response.body.count, parseError: problem))
        }
    }

    func cancel() {
        transport.cancel()
    }
}
