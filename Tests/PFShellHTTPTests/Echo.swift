import Foundation
import PFShellHTTP

/// What the echo server saw, decoded from its JSON reply.
struct Echo {
    enum Failure: Error { case notAnEcho(String) }

    let method: String
    let path: String
    let headers: [(name: String, value: String)]
    let body: String
    let bodyLength: Int

    init(_ response: HTTPResponse) throws {
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        guard let object, let method = object["method"] as? String, let path = object["path"] as? String,
            let pairs = object["headers"] as? [[String]], let body = object["body"] as? String,
            let bodyLength = object["bodyLength"] as? Int
        else { throw Failure.notAnEcho(String(decoding: response.body, as: UTF8.self)) }
        self.method = method
        self.path = path
        headers = pairs.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
        self.body = body
        self.bodyLength = bodyLength
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The server's count of accepted connections, from `/_count`.
    static func connectionCount(_ response: HTTPResponse) throws -> Int {
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        guard let count = object?["connections"] as? Int else {
            throw Failure.notAnEcho(String(decoding: response.body, as: UTF8.self))
        }
        return count
    }
}
