import PFShellCore
import PFShellJSON
import Testing

/// A server that answers every request the same way, or as `answer` says, counting what it was asked.
final class CannedPort: ServerPort {
    var answer: (APIRequest) -> APIResponse
    private(set) var requests: [APIRequest] = []

    init(_ answer: @escaping (APIRequest) -> APIResponse) {
        self.answer = answer
    }

    func send(_ request: APIRequest) throws(TransportFailure) -> APIResponse {
        requests.append(request)
        return answer(request)
    }

    static let page = APIResponse(
        status: 200, unreadable: UnreadableBody(contentType: "text/html", byteCount: 120, parseError: "line 1, column 1: unexpected '<'"))
}

@Suite struct ConnectionSessionTests {
    static let impostorURL = "https://www.example.com/pf-admin-api/v1"

    static let answers: [(String, APIResponse, String)] = [
        ("web page", CannedPort.page, "text/html, not JSON (120 bytes, status 200)"),
        (
            "invalid JSON",
            APIResponse(status: 200, unreadable: UnreadableBody(contentType: "application/json", byteCount: 17, parseError: "line 1, column 18: end of input")),
            "invalid JSON (application/json, 17 bytes, status 200: line 1, column 18: end of input)"
        ),
        ("wrong shape", APIResponse(status: 200, body: ["status": "ok"]), "JSON without a 'version' string"),
        ("empty", APIResponse(status: 200), "an empty body (status 200)"),
        ("redirect", APIResponse(status: 302, location: "https://www.example.com/login"), "a redirect (302) to https://www.example.com/login"),
        ("server error", APIResponse(status: 500, body: ["message": "Internal error."]), "status 500: Internal error (500)"),
    ]

    @Test(arguments: answers.indices)
    func aServerThatIsNotPingFederateFailsToConnectSayingWhatAnswered(_ index: Int) throws {
        let (_, answer, expected) = Self.answers[index]
        let shell = SessionHarness(connect: false)
        let impostor = CannedPort { _ in answer }
        shell.services.otherPorts[Self.impostorURL] = impostor
        let error = try #require(shell.fails("connect https://www.example.com --password-env PW"))
        #expect(error.category == .connection)
        #expect(error.message == "this is not PingFederate's admin API: to GET \(Self.impostorURL)/version the server answered \(expected)")
        #expect(shell.session.connection == nil)
        #expect(shell.session.server == nil)
        // A 500 may pass (RetryPolicy): it is asked again five times before pfsh gives up.
        let attempts = RetryPolicy.isTransient(answer.status) ? RetryPolicy.maximumRetries + 1 : 1
        #expect(impostor.requests.map(\.path) == Array(repeating: "/version", count: attempts))
        #expect(shell.fails("client list")?.message.contains("not connected") == true)
    }

    @Test func aFailedConnectKeepsTheSessionItHad() throws {
        let shell = SessionHarness(seed: true)
        shell.ok("client edit demo-portal")
        shell.ok("set description kept")
        shell.services.otherPorts[Self.impostorURL] = CannedPort { _ in CannedPort.page }
        let error = try #require(shell.fails("connect https://www.example.com --password-env PW"))
        #expect(error.notes == ["still connected to https://127.0.0.1:9999/pf-admin-api/v1"])
        #expect(shell.session.connection?.settings.apiURL == "https://127.0.0.1:9999/pf-admin-api/v1")
        #expect(shell.session.server === shell.port)
        #expect(shell.services.active === shell.port)
        #expect(shell.session.selected == "demo-portal")
        #expect(shell.ok("client list").joined().contains("demo-portal"))
        shell.ok("commit")
        #expect(shell.stored("demo-portal")?["description"] == "kept")
    }

    /// Answers the requests of `connect` as the Admin API of a standalone server with no clients.
    static func standalone(_ request: APIRequest) -> APIResponse {
        switch request.path {
        case "/version": APIResponse(status: 200, body: ["version": "12.1.0.4"])
        case "/cluster/status": APIResponse(status: 403, body: ["message": "Not clustered."])
        default: APIResponse(status: 200, body: ["items": []])
        }
    }

    @Test func laterAnswersThatAreNotTheAPIsAreErrorsNamingTheRequest() throws {
        let shell = SessionHarness(connect: false)
        let port = CannedPort(Self.standalone)
        shell.services.otherPorts[Self.impostorURL] = port
        shell.ok("connect https://www.example.com --password-env PW")
        port.answer = { _ in CannedPort.page }  // a proxy's login page from here on
        let cases = [
            ("client list", "GET /oauth/clients"), ("client list web", "GET /oauth/clients?filter=web"),
            ("client show web", "GET /oauth/clients/web"), ("cluster replicate", "POST /cluster/replicate"),
            ("cluster status", "GET /cluster/status"), ("token-manager list", "GET /oauth/accessTokenManagers"),
        ]
        for (line, request) in cases {
            let error = try #require(shell.fails(line))
            #expect(error.category == .connection, "\(line)")
            #expect(error.message == "\(request): the server answered text/html, not JSON (120 bytes, status 200)", "\(line)")
        }
    }

    @Test func aCollectionWithoutItemsIsNotAnEmptyList() throws {
        let shell = SessionHarness(connect: false)
        let port = CannedPort { request in
            switch request.path {
            case "/version": APIResponse(status: 200, body: ["version": "12.1.0.4"])
            case "/cluster/status": APIResponse(status: 403, body: [:])
            default: APIResponse(status: 200, body: ["clients": []])
            }
        }
        shell.services.otherPorts[Self.impostorURL] = port
        shell.ok("connect https://www.example.com --password-env PW")
        let error = try #require(shell.fails("client list"))
        #expect(error.message == "GET /oauth/clients: the server answered JSON without an 'items' list")
        #expect(shell.fails("token-manager list")?.message == "GET /oauth/accessTokenManagers: the server answered JSON without an 'items' list")
    }

    @Test func connectingAsksOnlyForTheVersionAndTheClusterMode() {
        let shell = SessionHarness(seed: true)
        #expect(shell.port.requests.map(\.path) == ["/version", "/cluster/status"])
    }

    @Test func theClusterModeIsUnknownWhenTheAnswerSaysNeither() throws {
        let shell = SessionHarness(connect: false)
        shell.services.otherPorts[Self.impostorURL] = CannedPort { request in
            switch request.path {
            case "/version": APIResponse(status: 200, body: ["version": "12.1.0.4"])
            case "/cluster/status": APIResponse(status: 500, body: ["message": "Broken."])
            default: APIResponse(status: 200, body: ["items": []])
            }
        }
        shell.ok("connect https://www.example.com --password-env PW")
        #expect(shell.session.connection?.clustered == nil)
        #expect(shell.ok("status").contains("cluster:  unknown"))
    }

    @Test func plainHTTPToAnotherHostWarnsThatThePasswordTravelsInClear() {
        let shell = SessionHarness(connect: false)
        let remote = shell.run("connect http://pf.example.com:9999 --password-env PW")
        #expect(remote.error == nil)
        #expect(remote.warnings.map(\.message) == ["http:// to pf.example.com: the password travels in clear; use https://"])
        for quiet in ["http://127.0.0.1:9999", "http://localhost:9999", "http://[::1]:9999", "https://pf.example.com:9999"] {
            let result = shell.run("connect \(quiet) --password-env PW")
            #expect(result.error == nil, "\(quiet)")
            #expect(result.warnings.isEmpty, "\(quiet)")
        }
    }
}
