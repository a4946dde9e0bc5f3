import Foundation
import PFShellHTTP
import PFShellJSON
import PFShellTestSupport
import Testing

/// `--faults`, `--fault-seed` and `--latency` on the built emulator, as libcurl sees them.
@Suite(.serialized) struct EmulatorFaultTests {
    @Test func a503CarriesRetryAfterOnBothListenersAndStoresNothing() throws {
        let directory = try TemporaryDirectory()
        let data = directory.file("state.json")
        let emulator = try EmulatorProcess.start(["--faults", "1:503", "--data", data, "--log"])
        defer { emulator.stop() }
        let created = try AdminClient(emulator).call(.post, "/oauth/clients", Clients.secretClient("refused"))
        #expect(created.status == 503)
        #expect(created.response.header("retry-after") == "1")
        #expect(created["resultId"] == "service_unavailable")
        let token = try Self.tokenRequest(emulator)
        #expect(token.status == 503)
        #expect(token.header("retry-after") == "1")
        #expect(try JSONParser.parse(token.body)["error"] == "temporarily_unavailable")
        #expect(try Self.storedClientIDs(data).isEmpty)
        emulator.stop()
        #expect(Self.logLines(emulator).filter { $0.contains(" 503 ") && $0.hasSuffix("ms fault") }.count == 2)
    }

    /// Over TLS too the client sees a reset, not an orderly close (no TLS close_notify, no empty reply).
    @Test(arguments: [false, true]) func resetBeforeDropsTheConnectionAndStoresNothing(http: Bool) throws {
        let directory = try TemporaryDirectory()
        let data = directory.file("state.json")
        let emulator = try EmulatorProcess.start(
            ["--faults", "1:reset-before", "--data", data, "--log"] + (http ? ["--http"] : []))
        defer { emulator.stop() }
        let failure = Self.transportFailure {
            try AdminClient(emulator).call(.post, "/oauth/clients", Clients.secretClient("lost"))
        }
        #expect(failure?.curlCode == 56, "\(String(describing: failure))")
        #expect(failure?.message.contains("connection reset by peer") == true, "\(String(describing: failure))")
        #expect(try Self.storedClientIDs(data).isEmpty)
        emulator.stop()
        #expect(Self.logLines(emulator).contains { $0.hasPrefix("POST \(Self.clients) - ") && $0.hasSuffix("ms reset-before") })
    }

    @Test func resetAfterStoresTheChangeButSendsNoAnswer() throws {
        let directory = try TemporaryDirectory()
        let data = directory.file("state.json")
        let faulty = try EmulatorProcess.start(["--faults", "1:reset-after", "--data", data, "--http", "--log"])
        let failure = Self.transportFailure {
            try AdminClient(faulty).call(.post, "/oauth/clients", Clients.secretClient("kept"))
        }
        #expect(failure?.curlCode == 56, "\(String(describing: failure))")
        #expect(try Self.storedClientIDs(data) == ["kept"])
        faulty.stop()
        #expect(Self.logLines(faulty).contains { $0.hasPrefix("POST \(Self.clients) 201 ") && $0.hasSuffix("ms reset-after") })
        let healthy = try EmulatorProcess.start(["--data", data, "--http"])
        defer { healthy.stop() }
        #expect(try AdminClient(healthy).call(.get, "/oauth/clients/kept").status == 200)
    }

    /// curl itself, as a person trying the flag would: exit 56 and the words of a reset.
    @Test func curlReportsAReset() throws {
        let emulator = try EmulatorProcess.start(["--faults", "1:reset-before", "--http"])
        defer { emulator.stop() }
        let result = try ProcessRunner.run(
            "/usr/bin/curl", ["-sS", "-u", "administrator:2FederateM0re", emulator.adminURL + "/version"])
        #expect(result.status == 56, "\(result.stderr)")
        #expect(result.stderr.contains("Connection reset by peer"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func theSameSeedRepeatsTheSameStatuses() throws {
        let first = try Self.statusesOfARun(["--faults", "0.5:500,503,429", "--fault-seed", "2024"])
        let second = try Self.statusesOfARun(["--faults", "0.5:500,503,429", "--fault-seed", "2024"])
        #expect(first.statuses == second.statuses)
        #expect(Set(first.statuses).isSuperset(of: [200, 500, 503, 429]), "\(first.statuses)")
        #expect(first.faultLines == first.statuses.filter { $0 != 200 }.count)
        #expect(first.seedLine == "fault-seed 2024")
        let other = try Self.statusesOfARun(["--faults", "0.5:500,503,429", "--fault-seed", "2025"])
        #expect(other.statuses != first.statuses)
    }

    @Test func withoutASeedARandomOneIsAnnounced() throws {
        let run = try Self.statusesOfARun(["--faults", "0"])
        #expect(run.seedLine?.wholeMatch(of: /fault-seed \d+/) != nil, "\(String(describing: run.seedLine))")
        #expect(run.statuses.allSatisfy { $0 == 200 })
    }

    @Test func latencyDelaysEveryRequestOnBothListeners() throws {
        let emulator = try EmulatorProcess.start(["--latency", "200", "--http"])
        defer { emulator.stop() }
        let admin = try AdminClient(emulator).call(.get, "/version")
        #expect(admin.status == 200)
        #expect(admin.response.milliseconds >= 200, "\(admin.response.milliseconds) ms")
        let runtime = try CurlTransport(options: TransportOptions()).send(
            HTTPRequest(method: .get, url: emulator.runtimeURL + "/.well-known/openid-configuration"))
        #expect(runtime.status == 200)
        #expect(runtime.milliseconds >= 200, "\(runtime.milliseconds) ms")
    }

    @Test func theEmulatorsOwnStatsAreSpared() throws {
        let emulator = try EmulatorProcess.start(["--faults", "1:500", "--http"])
        defer { emulator.stop() }
        let stats = try CurlTransport(options: TransportOptions()).send(
            HTTPRequest(method: .get, url: emulator.hostURL + "/emulator/stats"))
        #expect(stats.status == 200)
        #expect(try AdminClient(emulator).call(.get, "/version").status == 500)
    }

    // MARK: - Helpers

    /// The clients' path as the `--log` lines show it.
    private static let clients = "/pf-admin-api/v1/oauth/clients"

    /// The statuses of sixteen `GET /version` on one connection, the `--log` lines that name a
    /// fault, and the `fault-seed` line.
    private static func statusesOfARun(_ arguments: [String]) throws -> (statuses: [Int], faultLines: Int, seedLine: String?) {
        let emulator = try EmulatorProcess.start(arguments + ["--http", "--log"])
        let client = try AdminClient(emulator)
        let statuses = try (0..<16).map { _ in try client.call(.get, "/version").status }
        emulator.stop()
        let seedLine = emulator.standardOutput.split(separator: "\n").first { $0.hasPrefix("fault-seed") }.map(String.init)
        return (statuses, logLines(emulator).filter { $0.hasSuffix("ms fault") }.count, seedLine)
    }

    private static func tokenRequest(_ emulator: EmulatorProcess) throws -> HTTPResponse {
        try CurlTransport(options: TransportOptions(caFile: emulator.caFile)).send(
            HTTPRequest(
                method: .post, url: emulator.runtimeURL + "/as/token.oauth2",
                headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Array("grant_type=client_credentials&client_id=x&client_secret=y".utf8)))
    }

    private static func transportFailure(_ body: () throws -> Void) -> TransportError? {
        do {
            try body()
            return nil
        } catch {
            return error as? TransportError
        }
    }

    /// The client IDs in a `--data` file.
    private static func storedClientIDs(_ path: String) throws -> [String] {
        let state = try JSONParser.parse(try String(contentsOfFile: path, encoding: .utf8))
        return state["clients"]?.arrayValue?.compactMap { $0["fields"]?["clientId"]?.stringValue } ?? []
    }

    private static func logLines(_ emulator: EmulatorProcess) -> [String] {
        emulator.standardError.split(separator: "\n").map(String.init)
    }
}
