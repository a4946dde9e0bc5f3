import PFShellHTTP
import PFShellJSON
import PFShellTestSupport

/// A minimal Admin API caller for tests: one transport (one connection), JSON in and out.
final class AdminClient {
    let transport: CurlTransport
    let base: String
    var sendsXSRF = true

    init(_ emulator: EmulatorProcess, credentials: Credentials? = nil, caFile: String?? = .none) throws {
        let options = TransportOptions(
            caFile: caFile ?? emulator.caFile,
            credentials: credentials ?? .basic(user: EmulatorProcess.user, password: EmulatorProcess.password))
        transport = try CurlTransport(options: options)
        base = emulator.adminURL
    }

    struct Reply {
        let status: Int
        let json: JSONValue?
        let response: HTTPResponse
        subscript(key: String) -> JSONValue? { json?[key] }
    }

    @discardableResult
    func call(_ method: HTTPMethod, _ path: String, _ body: JSONValue? = nil) throws -> Reply {
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if sendsXSRF { headers.append(("X-XSRF-Header", "PingFederate")) }
        if body != nil { headers.append(("Content-Type", "application/json")) }
        let request = HTTPRequest(
            method: method, url: base + path, headers: headers, body: body.map { Array(JSONPrinter.print($0).utf8) })
        let response = try transport.send(request)
        let json = response.body.isEmpty ? nil : try? JSONParser.parse(response.body)
        return Reply(status: response.status, json: json, response: response)
    }
}

enum Clients {
    static func secretClient(_ id: String, secret: String = "s3cret-\(Int.random(in: 0..<1_000_000))") -> JSONValue {
        [
            "clientId": .string(id), "name": .string("Client \(id)"), "grantTypes": ["CLIENT_CREDENTIALS"],
            "clientAuth": ["type": "SECRET", "secret": .string(secret)],
        ]
    }
}
