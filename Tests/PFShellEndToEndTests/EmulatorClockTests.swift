import Foundation
import PFShellHTTP
import PFShellJSON
import PFShellTestSupport
import Testing

/// The built emulator's `--test-clock` (`/emulator/clock`) and `--secret-retention`: a replaced
/// secret stays usable until the moved clock passes its expiry.
@Suite struct EmulatorClockTests {
    static let administrator = Credentials.basic(user: EmulatorProcess.user, password: EmulatorProcess.password)

    struct Reply {
        let status: Int
        let json: JSONValue?
        subscript(key: String) -> JSONValue? { json?[key] }
    }

    /// A request to `/emulator/clock` on the admin listener.
    static func clock(
        _ emulator: EmulatorProcess, _ method: HTTPMethod, body: String? = nil, credentials: Credentials = administrator
    ) throws -> Reply {
        let transport = try CurlTransport(options: TransportOptions(caFile: emulator.caFile, credentials: credentials))
        let response = try transport.send(
            HTTPRequest(
                method: method, url: emulator.hostURL + "/emulator/clock", headers: [("Content-Type", "application/json")],
                body: body.map { Array($0.utf8) }))
        return Reply(status: response.status, json: try? JSONParser.parse(response.body))
    }

    /// A client-credentials token request with HTTP Basic; its status.
    static func token(_ emulator: EmulatorProcess, _ id: String, _ secret: String) throws -> Int {
        let transport = try CurlTransport(
            options: TransportOptions(caFile: emulator.caFile, credentials: .basic(user: id, password: secret)))
        return try transport.send(
            HTTPRequest(
                method: .post, url: emulator.runtimeURL + "/as/token.oauth2",
                headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Array("grant_type=client_credentials".utf8))
        ).status
    }

    /// Milliseconds since 1970 of the `now` the clock answered.
    static func milliseconds(_ reply: Reply) -> Int64? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return reply["now"]?.stringValue.flatMap(formatter.date(from:)).map { Int64($0.timeIntervalSince1970 * 1000) }
    }

    @Test func theClockMovesOnlyForTheAdministrator() throws {
        let emulator = try EmulatorProcess.start(["--test-clock"])
        defer { emulator.stop() }
        #expect(try Self.clock(emulator, .post, body: #"{"advanceSeconds": 60}"#, credentials: .none).status == 401)
        let wrong = Credentials.basic(user: EmulatorProcess.user, password: "wrong")
        #expect(try Self.clock(emulator, .get, credentials: wrong).status == 401)
        let before = try Self.clock(emulator, .get)
        #expect(before.status == 200)
        #expect(before["advancedSeconds"] == 0)
        let after = try Self.clock(emulator, .post, body: #"{"advanceSeconds": 86400}"#)
        #expect(after.status == 200)
        #expect(after["advancedSeconds"] == 86400)
        let moved = try #require(Self.milliseconds(after)) - (try #require(Self.milliseconds(before)))
        #expect(moved >= 86_400_000 && moved < 86_400_000 + 60_000, "moved \(moved) ms")
        for body in ["{}", #"{"advanceSeconds": -5}"#, #"{"advanceSeconds": "5"}"#, "not json"] {
            let refused = try Self.clock(emulator, .post, body: body)
            #expect(refused.status == 400, "\(body)")
            #expect(refused["resultId"] == "invalid_request", "\(body)")
        }
        #expect(try Self.clock(emulator, .get)["advancedSeconds"] == 86400)
    }

    @Test func withoutTheFlagTheClockIsNotThere() throws {
        let emulator = try EmulatorProcess.start()
        defer { emulator.stop() }
        #expect(try Self.clock(emulator, .get).status == 404)
        #expect(try Self.clock(emulator, .post, body: #"{"advanceSeconds": 60}"#).status == 404)
    }

    @Test func aReplacedSecretWorksUntilTheClockPassesItsExpiry() throws {
        let emulator = try EmulatorProcess.start(["--test-clock", "--secret-retention", "5"])
        defer { emulator.stop() }
        let admin = try AdminClient(emulator)
        #expect(try admin.call(.get, "/oauth/authServerSettings")["clientSecretRetentionPeriod"] == 5)
        #expect(try admin.call(.post, "/oauth/clients", Clients.secretClient("svc", secret: "old-secret")).status == 201)
        let changed = try admin.call(.put, "/oauth/clients/svc/clientAuth/clientSecret", ["secret": "new-secret"])
        #expect(changed.status == 200)
        #expect(changed["secondarySecrets"]?.arrayValue?.count == 1)
        #expect(try Self.token(emulator, "svc", "old-secret") == 200)
        #expect(try Self.clock(emulator, .post, body: #"{"advanceSeconds": 300}"#).status == 200)
        #expect(try Self.token(emulator, "svc", "old-secret") == 401)
        #expect(try Self.token(emulator, "svc", "new-secret") == 200)
        #expect(try admin.call(.get, "/oauth/clients/svc/clientAuth/clientSecret")["secondarySecrets"] == [])
    }

    @Test(arguments: [["--secret-retention=-1"], ["--secret-retention", "soon"], ["--secret-retention", "2147483648"]])
    func aBadRetentionIsAUsageError(_ arguments: [String]) throws {
        let result = try ProcessRunner.run(BuiltProducts.path("pfsh-emulator"), arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--secret-retention"), "\(result.stderr)")
    }
}
