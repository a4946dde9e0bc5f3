import Foundation
import PFShellHTTP
import PFShellJSON
import PFShellTestSupport
import Testing

/// The built `pfsh-emulator` over real sockets: TLS, announcements, credentials, connections, flags.
@Suite(.serialized) struct EmulatorProcessTests {
    @Test func announcesItsURLAndCertificateThenServesVerifiedHTTPS() throws {
        let emulator = try EmulatorProcess.start()
        defer { emulator.stop() }
        #expect(emulator.adminURL.wholeMatch(of: /https:\/\/127\.0\.0\.1:\d+\/pf-admin-api\/v1/) != nil)
        let lines = emulator.standardOutput.split(separator: "\n").map(String.init)
        #expect(
            lines.map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["admin-url", "runtime-url", "ca-file", "ready"])
        #expect(emulator.runtimeURL.wholeMatch(of: /https:\/\/127\.0\.0\.1:\d+/) != nil)
        #expect(emulator.runtimeURL != emulator.hostURL)
        let ca = try #require(emulator.caFile)
        #expect(try String(contentsOfFile: ca, encoding: .utf8).hasPrefix("-----BEGIN CERTIFICATE-----"))
        let reply = try AdminClient(emulator).call(.get, "/version")
        #expect(reply.status == 200)
        #expect(reply["version"] == "12.1.0.4")
        #expect(reply.response.header("content-type")?.hasPrefix("application/json") == true)
    }

    @Test func certificateIsNotTrustedWithoutItsCAFile() throws {
        let emulator = try EmulatorProcess.start()
        defer { emulator.stop() }
        let client = try AdminClient(emulator, caFile: .some(nil))
        #expect(throws: TransportError.self) { try client.call(.get, "/version") }
        do {
            try client.call(.get, "/version")
        } catch let error as TransportError {
            #expect(error.kind == .tls)
        }
    }

    @Test func wrongCredentialsAndMissingXSRFHeaderAreRefused() throws {
        let emulator = try EmulatorProcess.start()
        defer { emulator.stop() }
        let wrong = try AdminClient(emulator, credentials: .basic(user: "administrator", password: "wrong"))
        let refused = try wrong.call(.get, "/oauth/clients")
        #expect(refused.status == 401)
        #expect(refused["resultId"] == "invalid_credentials")
        let noXSRF = try AdminClient(emulator)
        noXSRF.sendsXSRF = false
        let forbidden = try noXSRF.call(.post, "/oauth/clients", Clients.secretClient("x"))
        #expect(forbidden.status == 403)
        #expect(forbidden["resultId"]?.stringValue != nil)
        #expect(try AdminClient(emulator).call(.get, "/oauth/clients/x").status == 404)
    }

    @Test func bearerTokenFromTheEnvironment() throws {
        let emulator = try EmulatorProcess.start(["--token-env", "EMU_TOKEN"], environment: ["EMU_TOKEN": "tok-123"])
        defer { emulator.stop() }
        #expect(try AdminClient(emulator, credentials: .bearer(token: "tok-123")).call(.get, "/version").status == 200)
        #expect(try AdminClient(emulator, credentials: .bearer(token: "tok-999")).call(.get, "/version").status == 401)
    }

    @Test func passwordFromTheEnvironment() throws {
        let emulator = try EmulatorProcess.start(
            ["--user", "ops", "--password-env", "EMU_PW"], environment: ["EMU_PW": "Other-Pass1"])
        defer { emulator.stop() }
        #expect(try AdminClient(emulator).call(.get, "/version").status == 401)
        let ops = try AdminClient(emulator, credentials: .basic(user: "ops", password: "Other-Pass1"))
        #expect(try ops.call(.get, "/version").status == 200)
    }

    @Test func aWholeSessionUsesOneConnection() throws {
        let emulator = try EmulatorProcess.start()
        let client = try AdminClient(emulator)
        for index in 0..<10 { try client.call(.post, "/oauth/clients", Clients.secretClient("c\(index)")) }
        for index in 0..<10 { try client.call(.get, "/oauth/clients/c\(index)") }
        #expect(client.transport.connectionsOpened == 1)
        #expect(emulator.stop() == 0)
        #expect(emulator.connectionsAcceptedAtExit == 1)
    }

    @Test func statsEndpointCountsConnections() throws {
        let emulator = try EmulatorProcess.start()
        defer { emulator.stop() }
        let client = try AdminClient(emulator)
        for _ in 0..<5 { try client.call(.get, "/version") }
        let stats = try CurlTransport(options: TransportOptions(caFile: emulator.caFile))
        let reply = try stats.send(HTTPRequest(method: .get, url: emulator.hostURL + "/emulator/stats"))
        let json = try JSONParser.parse(reply.body)
        #expect(json["connectionsAccepted"] == 2)
    }

    @Test func plainHTTPMode() throws {
        let emulator = try EmulatorProcess.start(["--http"])
        defer { emulator.stop() }
        #expect(emulator.adminURL.hasPrefix("http://127.0.0.1:"))
        #expect(emulator.caFile == nil)
        #expect(try AdminClient(emulator).call(.get, "/version").status == 200)
    }

    @Test func strictModeRefusesUnknownProperties() throws {
        let emulator = try EmulatorProcess.start(["--strict"])
        defer { emulator.stop() }
        var body = Clients.secretClient("s").objectValue ?? [:]
        body["grantType"] = ["IMPLICIT"]
        let reply = try AdminClient(emulator).call(.post, "/oauth/clients", .object(body))
        #expect(reply.status == 400)
        #expect(reply["validationErrors"]?.arrayValue?.first?["fieldPath"] == "grantType")
    }

    @Test func clusterMode() throws {
        let standalone = try EmulatorProcess.start()
        #expect(try AdminClient(standalone).call(.get, "/cluster/status").status == 403)
        standalone.stop()
        let emulator = try EmulatorProcess.start(["--cluster"])
        defer { emulator.stop() }
        let client = try AdminClient(emulator)
        try client.call(.post, "/oauth/clients", Clients.secretClient("c"))
        #expect(try client.call(.get, "/cluster/status")["replicationRequired"] == true)
        #expect(try client.call(.post, "/cluster/replicate").status == 200)
        #expect(try client.call(.get, "/cluster/status")["replicationRequired"] == false)
    }

    @Test func demoSeed() throws {
        let emulator = try EmulatorProcess.start(["--seed", "demo"])
        defer { emulator.stop() }
        let client = try AdminClient(emulator)
        #expect(try client.call(.get, "/oauth/clients")["items"]?.arrayValue?.count == 3)
        #expect(try client.call(.get, "/oauth/accessTokenManagers")["items"]?.arrayValue?.count == 1)
    }

    @Test func requestLogNeverShowsSecretsOrCredentials() throws {
        let emulator = try EmulatorProcess.start(["--log"])
        let client = try AdminClient(emulator)
        try client.call(.post, "/oauth/clients", Clients.secretClient("logged", secret: "Very-Secret-Value"))
        try client.call(.get, "/oauth/clients?filter=log")
        emulator.stop()
        let log = emulator.standardError
        #expect(log.contains("POST /pf-admin-api/v1/oauth/clients 201"))
        #expect(log.contains("GET /pf-admin-api/v1/oauth/clients 200"))
        #expect(!log.contains("Very-Secret-Value"))
        #expect(!log.contains("2FederateM0re"))
        #expect(!log.lowercased().contains("authorization"))
    }

    @Test func answersExpect100ContinueAtOnce() throws {
        let emulator = try EmulatorProcess.start(["--http"])
        defer { emulator.stop() }
        let directory = try TemporaryDirectory()
        let big = directory.file("big.json")
        let description = String(repeating: "x", count: 2_000_000)
        let body = Clients.secretClient("big").objectValue.map { object -> JSONValue in
            var copy = object
            copy["description"] = .string(description)
            return .object(copy)
        }
        try JSONPrinter.print(body ?? nil).write(toFile: big, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(
            "/usr/bin/curl",
            [
                "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", "-u", "administrator:2FederateM0re",
                "-H", "X-XSRF-Header: x", "-H", "Content-Type: application/json", "-H", "Expect: 100-continue",
                "--data-binary", "@\(big)", emulator.adminURL + "/oauth/clients",
            ])
        let parts = result.stdout.split(separator: " ")
        #expect(parts.first == "201")
        #expect((parts.last.flatMap { Double($0) } ?? 9) < 0.9, "curl waited out its 1 s expect timeout: \(result.stdout)")
    }
}
