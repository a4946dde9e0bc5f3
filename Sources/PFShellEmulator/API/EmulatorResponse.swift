import PFShellJSON

/// The handler's answer: a status, headers and a body. JSON bodies carry
/// `Content-Type: application/json;charset=utf-8`, as PingFederate sends them.
public struct EmulatorResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func json(_ status: Int, _ value: JSONValue) -> EmulatorResponse {
        EmulatorResponse(
            status: status,
            headers: [("Content-Type", "application/json;charset=utf-8")],
            body: Array(JSONPrinter.print(value).utf8)
        )
    }

    public static func noContent() -> EmulatorResponse {
        EmulatorResponse(status: 204)
    }
}
