import PFShellJSON
import PFShellTestSupport
import Synchronization
import Testing

@testable import PFShellEmulator

/// An in-process emulator with a clock the test moves and counted random bytes.
final class EmulatorHarness: Sendable {
    let api: AdminAPI
    let clock = Locked<Int64>(start)
    let saves = Locked<[EmulatorState]>([])
    let failSaves = Locked(false)

    static let start: Int64 = 1_767_225_600_000  // 2026-01-01T00:00:00.000Z

    init(configuration: EmulatorConfiguration = .init(), state: EmulatorState? = nil) {
        let clock = self.clock
        let counter = Locked<UInt8>(0)
        let saves = self.saves
        let failSaves = self.failSaves
        api = AdminAPI(
            configuration: configuration,
            state: state ?? EmulatorState(sealingKey: Array(repeating: 7, count: 32)),
            clock: { clock.withLock { $0 } },
            random: { count in
                counter.withLock { value in
                    (0..<count).map { _ in
                        value &+= 1
                        return value
                    }
                }
            },
            persist: { state in
                if failSaves.withLock({ $0 }) { throw HarnessError.diskFull }
                saves.withLock { $0.append(state) }
            })
    }

    enum HarnessError: Error { case diskFull }

    func advance(milliseconds: Int64) {
        clock.withLock { $0 += milliseconds }
    }

    struct Reply {
        let status: Int
        let json: JSONValue?
        let headers: [(name: String, value: String)]

        subscript(key: String) -> JSONValue? { json?[key] }

        /// The `fieldPath`s of an ApiResult's `validationErrors`.
        var fieldPaths: [String] {
            (json?["validationErrors"]?.arrayValue ?? []).compactMap { $0["fieldPath"]?.stringValue }
        }
    }

    static let basic = "Basic " + "administrator:2FederateM0re".base64

    @discardableResult
    func send(
        _ method: String, _ path: String, query: String = "", body: JSONValue? = nil, raw: String? = nil,
        authorization: String? = basic, xsrf: Bool = true
    ) -> Reply {
        var headers: [(name: String, value: String)] = [("Host", "127.0.0.1:9999")]
        if let authorization { headers.append(("Authorization", authorization)) }
        if xsrf { headers.append(("X-XSRF-Header", "PingFederate")) }
        let bytes = raw.map { Array($0.utf8) } ?? body.map { Array(JSONPrinter.print($0).utf8) } ?? []
        let response = api.handle(
            EmulatorRequest(method: method, path: AdminAPI.basePath + path, query: query, headers: headers, body: bytes))
        let json = response.body.isEmpty ? nil : try? JSONParser.parse(response.body)
        return Reply(status: response.status, json: json, headers: response.headers)
    }

    /// Creates a client and checks it was created.
    @discardableResult
    func create(_ body: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) -> Reply {
        let reply = send("POST", "/oauth/clients", body: body)
        #expect(reply.status == 201, "\(reply.json.map { JSONPrinter.print($0) } ?? "")", sourceLocation: sourceLocation)
        return reply
    }
}


extension String {
    var base64: String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let bytes = Array(utf8)
        var out = ""
        for chunk in stride(from: 0, to: bytes.count, by: 3) {
            let part = Array(bytes[chunk..<min(chunk + 3, bytes.count)]) + [0, 0]
            let n = Int(part[0]) << 16 | Int(part[1]) << 8 | Int(part[2])
            let count = min(3, bytes.count - chunk)
            for i in 0..<4 { out.append(i <= count ? table[(n >> (18 - 6 * i)) & 63] : "=") }
        }
        return out
    }
}

enum Sample {
    static let minimal: JSONValue = [
        "clientId": "svc", "name": "Service", "grantTypes": ["CLIENT_CREDENTIALS"],
        "clientAuth": ["type": "SECRET", "secret": "first-secret"],
    ]

    static let thingworx: JSONValue = [
        "clientId": "twx", "name": "ThingWorx", "description": "ThingWorx SSO",
        "redirectUris": ["https://twx.example.com:8443/Thingworx/oauth2_authorization_code_redirect"],
        "grantTypes": ["REFRESH_TOKEN", "AUTHORIZATION_CODE", "CLIENT_CREDENTIALS", "ACCESS_TOKEN_VALIDATION"],
        "clientAuth": ["type": "SECRET", "secret": "twx-secret"],
        "persistentGrantExpirationType": "INDEFINITE_EXPIRY", "refreshRolling": "ROLL",
    ]

    /// `base` with `key` set to `value` (nil removes it).
    static func with(_ base: JSONValue, _ key: String, _ value: JSONValue?) -> JSONValue {
        var object = base.objectValue ?? JSONObject()
        object[key] = value
        return .object(object)
    }
}
