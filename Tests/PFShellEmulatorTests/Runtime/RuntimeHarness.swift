import Foundation
import PFShellJSON
import PFShellTestSupport
import Testing

@testable import PFShellEmulator

/// The runtime endpoints in-process over the same store as an Admin API: clients are created through
/// the Admin API, then used at the runtime endpoints. The clock moves when a test says so; random
/// bytes come from a seeded generator, so every run issues the same tokens.
final class RuntimeHarness: Sendable {
    let store: EmulatorStore
    let admin: AdminAPI
    let runtime: RuntimeAPI
    let clock = Locked<Int64>(EmulatorHarness.start)
    let saves = Locked(0)

    /// The common scopes the harness's server defines, unless a test says otherwise.
    static let scopes = ["openid", "profile", "THINGWORX", "read", "write", "admin", "a", "b"]

    /// - Parameters:
    ///   - scopes: the server's common scopes; nil keeps those of `state`.
    ///   - onSave: called with each state saved, after it is counted.
    init(
        settings: RuntimeSettings = RuntimeSettings(), state: EmulatorState? = nil, scopes: [String]? = RuntimeHarness.scopes,
        exclusiveScopes: [String] = [], login: RuntimeLogin = RuntimeLogin(), configuration: EmulatorConfiguration = .init(),
        onSave: @escaping @Sendable (EmulatorState) -> Void = { _ in }
    ) {
        let clock = self.clock
        let saves = self.saves
        let seed = Locked<UInt64>(0x9E37_79B9_7F4A_7C15)
        let random: AdminAPI.RandomBytes = { count in
            seed.withLock { state in
                (0..<count).map { _ in
                    // SplitMix64
                    state &+= 0x9E37_79B9_7F4A_7C15
                    var z = state
                    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                    return UInt8(truncatingIfNeeded: z ^ (z >> 31))
                }
            }
        }
        var initial = state ?? EmulatorState(sealingKey: Array(repeating: 7, count: 32))
        if let scopes {
            initial.scopes = scopes.map { Fixtures.scope($0, "") }
            initial.exclusiveScopes = exclusiveScopes.map { Fixtures.scope($0, "") }
        }
        store = EmulatorStore(
            state: initial,
            persist: { state in
                saves.withLock { $0 += 1 }
                onSave(state)
            })
        admin = AdminAPI(configuration: EmulatorConfiguration(), store: store, clock: { clock.withLock { $0 } }, random: random)
        runtime = RuntimeAPI(
            configuration: configuration, store: store, clock: { clock.withLock { $0 } }, random: random, settings: settings,
            login: login)
    }

    func advance(seconds: Int64) {
        clock.withLock { $0 += seconds * 1000 }
    }

    // MARK: - Admin API

    /// Creates a client through the Admin API and checks it was created.
    func create(_ body: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) {
        let reply = adminCall("POST", "/oauth/clients", body)
        #expect(reply.status == 201, "\(reply.text)", sourceLocation: sourceLocation)
    }

    @discardableResult
    func adminCall(_ method: String, _ path: String, _ body: JSONValue? = nil) -> RuntimeReply {
        let response = admin.handle(
            EmulatorRequest(
                method: method, path: AdminAPI.basePath + path,
                headers: [
                    ("Authorization", "Basic " + "administrator:2FederateM0re".base64), ("X-XSRF-Header", "pf"),
                    ("Content-Type", "application/json"),
                ],
                body: body.map { Array(JSONPrinter.print($0).utf8) } ?? []))
        return RuntimeReply(response)
    }

    // MARK: - Runtime endpoints

    /// A form POST to a runtime endpoint, with HTTP Basic when `basic` is given.
    func post(
        _ path: String, _ form: [(String, String)], basic: (String, String)? = nil, query: String = "",
        headers: [(String, String)] = []
    ) -> RuntimeReply {
        var all: [(name: String, value: String)] = [
            ("Host", "127.0.0.1:9031"), ("Content-Type", "application/x-www-form-urlencoded"),
        ]
        if let basic {
            let credentials = PercentEncoding.encode(basic.0) + ":" + PercentEncoding.encode(basic.1)
            all.append(("Authorization", "Basic " + credentials.base64))
        }
        all += headers.map { (name: $0.0, value: $0.1) }
        return send(EmulatorRequest(method: "POST", path: path, query: query, headers: all, body: Array(PercentEncoding.query(form).utf8)))
    }

    func send(_ request: EmulatorRequest) -> RuntimeReply {
        RuntimeReply(runtime.handle(request))
    }

    func token(_ form: [(String, String)], basic: (String, String)? = nil) -> RuntimeReply {
        post(RuntimeAPI.tokenPath, form, basic: basic)
    }

    func authorize(_ parameters: [(String, String)]) -> RuntimeReply {
        send(
            EmulatorRequest(
                method: "GET", path: RuntimeAPI.authorizationPath, query: PercentEncoding.query(parameters),
                headers: [("Host", "127.0.0.1:9031")]))
    }

    /// Completes an authorization answer: when it is the login page, the test user signs on there.
    func signedOn(
        _ reply: RuntimeReply, user: String = RuntimeLogin.defaultUser, password: String = RuntimeLogin.defaultPassword
    ) -> RuntimeReply {
        guard reply.status == 200, reply.formAction != nil else { return reply }
        return signOn(reply, [("pf.username", user), ("pf.pass", password), ("pf.ok", "clicked")])
    }

    /// Posts `fields` to the login page's form, with the cookie the page set unless told otherwise.
    func signOn(_ page: RuntimeReply, _ fields: [(String, String)], withCookie: Bool = true) -> RuntimeReply {
        let cookie = withCookie ? page.cookie.map { [("Cookie", $0)] } ?? [] : []
        return post(page.formAction ?? "/as/none/resume/as/authorization.ping", fields, headers: cookie)
    }

    /// Runs the authorization request, signs on, and returns the code from the redirect.
    func code(
        _ client: String, redirect: String? = nil, scope: String? = nil, extra: [(String, String)] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> String {
        var parameters = [("client_id", client), ("response_type", "code"), ("state", "s1")]
        if let redirect { parameters.append(("redirect_uri", redirect)) }
        if let scope { parameters.append(("scope", scope)) }
        let reply = signedOn(authorize(parameters + extra))
        #expect(reply.status == 302, "\(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.redirectParameters["state"] == "s1", sourceLocation: sourceLocation)
        return reply.redirectParameters["code"] ?? ""
    }

    func introspect(_ token: String, hint: String? = nil, caller: (String, String) = ("rs", "rs-secret")) -> RuntimeReply {
        post(RuntimeAPI.introspectionPath, [("token", token)] + (hint.map { [("token_type_hint", $0)] } ?? []), basic: caller)
    }

    /// A resource server client allowed to introspect.
    func createResourceServer() {
        create(RuntimeSample.client("rs", grants: ["ACCESS_TOKEN_VALIDATION"], secret: "rs-secret"))
    }
}

struct RuntimeReply {
    let status: Int
    let headers: [(name: String, value: String)]
    let body: [UInt8]

    init(_ response: EmulatorResponse) {
        status = response.status
        headers = response.headers
        body = response.body
    }

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: JSONValue? { try? JSONParser.parse(body) }
    subscript(key: String) -> JSONValue? { json?[key] }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The `error` of an OAuth error body.
    var error: String? { self["error"]?.stringValue }
    var errorDescription: String? { self["error_description"]?.stringValue }

    /// The query parameters of the Location header.
    var redirectParameters: [String: String] {
        guard let location = header("Location"), let question = location.firstIndex(of: "?") else { return [:] }
        return Dictionary(
            OAuthParameters.decode(String(location[location.index(after: question)...])).map { ($0.name, $0.value) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The `action` of the page's form (the login page's resume path).
    var formAction: String? {
        guard let range = text.range(of: "<form ") else { return nil }
        return HTMLTag(String(text[range.lowerBound...].prefix { $0 != ">" }))["action"]
    }

    /// The `<input>` tags of the page, in order.
    var inputs: [HTMLTag] {
        text.components(separatedBy: "<input ").dropFirst().map { HTMLTag(String($0.prefix { $0 != ">" })) }
    }

    /// `name=value` of the cookie the response sets.
    var cookie: String? {
        header("Set-Cookie").map { String($0.prefix { $0 != ";" }) }
    }

    /// The Location header without its query.
    var redirectBase: String? {
        header("Location").map { String($0.prefix { $0 != "?" }) }
    }
}

/// The attributes of one HTML tag written as the emulator writes them (`name="value"`).
struct HTMLTag {
    let text: String

    init(_ text: String) {
        self.text = " " + text
    }

    subscript(attribute: String) -> String? {
        guard let range = text.range(of: " \(attribute)=\"") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }
}

enum RuntimeSample {
    static func client(
        _ id: String, grants: [String], redirects: [String] = [], secret: String? = nil,
        extra: [(String, JSONValue)] = []
    ) -> JSONValue {
        var object = JSONObject()
        object["clientId"] = .string(id)
        object["name"] = .string(id)
        object["grantTypes"] = .array(grants.map(JSONValue.string))
        if !redirects.isEmpty { object["redirectUris"] = .array(redirects.map(JSONValue.string)) }
        object["clientAuth"] = secret.map { ["type": "SECRET", "secret": .string($0)] } ?? ["type": "NONE"]
        for (key, value) in extra { object[key] = value }
        return .object(object)
    }

    static let callback = "https://twx.example.com:8443/Thingworx/oauth2_authorization_code_redirect"

    /// ThingWorx's client as PTC's guide describes it: code, refresh, client credentials, validation, Roll.
    static let thingworx = client(
        "twx", grants: ["AUTHORIZATION_CODE", "REFRESH_TOKEN", "CLIENT_CREDENTIALS", "ACCESS_TOKEN_VALIDATION"],
        redirects: [callback], secret: "twx-secret",
        extra: [("refreshRolling", "ROLL"), ("persistentGrantExpirationType", "INDEFINITE_EXPIRY")])

    /// A PKCE verifier (RFC 7636 appendix B) and its S256 challenge.
    static let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    static let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
}
