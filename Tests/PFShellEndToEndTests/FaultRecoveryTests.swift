import Foundation
import PFShellEmulatorServer
import PFShellJSON
import PFShellTestSupport
import Testing

/// pfsh against the emulator's injected faults: each client ends applied exactly once, every
/// retry is reported, and no message says "refused" when the server did not refuse.
@Suite struct FaultRecoveryTests {
    /// The first seed whose fault sequence under `plan` begins with `pattern` (nil: served normally).
    static func seed(_ plan: String, beginningWith pattern: [FaultKind?]) throws -> UInt64 {
        let parsed = try FaultPlan(parsing: plan)
        for seed in UInt64(1)...100_000 {
            var sequence = FaultSequence(plan: parsed, seed: seed)
            if pattern.allSatisfy({ $0 == sequence.next() }) { return seed }
        }
        throw PfshProcessError(description: "no seed gives \(pattern)")
    }

    /// The answers of the emulator's injected faults, which the trace audit is told to expect.
    static let emulatedFaults: Set<String> = ["server_error", "service_unavailable", "too_many_requests"]

    /// The emulator's request log: `METHOD PATH STATUS TIME [FAULT]` for each request.
    static func log(_ server: TestServer) -> [String] {
        server.emulator.standardError.split(separator: "\n").map(String.init).filter { $0.contains(" /pf-admin-api/") }
    }

    @Test func aPostWhoseConnectionDropsAfterItArrivedCreatesTheClientOnce() throws {
        // /version, /cluster/status, the new ID's check, then the POST: dropped after it is stored.
        let seed = try Self.seed("0.5:reset-after", beginningWith: [nil, nil, nil, .resetAfter, nil])
        let server = try TestServer(["--seed", "demo", "--log", "--faults", "0.5:reset-after", "--fault-seed", "\(seed)"])
        let result = try server.pfsh(["-c", "client new dropme", "-c", "grants set implicit", "-c", "commit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("created dropme (no answer came; reading it back showed it applied)"))
        #expect(!result.stderr.contains("refused"))
        let log = Self.log(server)
        #expect(log.count { $0.hasPrefix("POST /pf-admin-api/v1/oauth/clients ") } == 1)
        #expect(log.contains { $0.hasPrefix("POST /pf-admin-api/v1/oauth/clients 201 ") && $0.hasSuffix(" reset-after") })
    }

    @Test func a429IsAnsweredByWaitingItsRetryAfterThenSendingAgain() throws {
        let seed = try Self.seed("0.5:429", beginningWith: [nil, nil, nil, .tooManyRequests, nil, nil])
        let server = try TestServer(["--seed", "demo", "--log", "--faults", "0.5:429", "--fault-seed", "\(seed)"])
        let started = Date()
        let result = try server.pfsh(
            ["-c", "client new busy", "-c", "grants set implicit", "-c", "commit"], refusals: ["too_many_requests"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) >= 1)
        #expect(
            result.stderr.contains(
                "warning: commit: retried POST /oauth/clients (attempt 2 of 6) after status 429 (Retry-After: 1); "
                    + "the client read back shows it not applied, waiting 1000 ms"))
        #expect(Self.log(server).filter { $0.hasPrefix("POST ") }.map { $0.split(separator: " ")[2] } == ["429", "201"])
    }

    @Test func aThousandClientsThroughTenPercentMixedFaultsEndOnTheServerEachOnce() throws {
        let count = 1000
        let server = try TestServer(["--log", "--faults", "0.1", "--fault-seed", "12"])
        let script = (1...count).map { "client new f\($0) --name 'F \($0)'\ngrants set implicit\n" }.joined() + "commit\n"
        try server.directory.write(script, to: "thousand.pfsh")
        let trace = server.directory.file("thousand-trace.jsonl")
        let result = try server.pfsh(
            ["--trace", trace, server.directory.file("thousand.pfsh")], refusals: Self.emulatedFaults)
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        #expect(result.stdout.hasSuffix("committed \(count) client(s)\n"))
        let log = Self.log(server)
        // Each create stored once: the server refuses a second create of an ID, and none was refused.
        let stored = log.filter { $0.hasPrefix("POST /pf-admin-api/v1/oauth/clients 201 ") }
        #expect(stored.count == count)
        #expect(!log.contains { $0.hasPrefix("POST /pf-admin-api/v1/oauth/clients 422 ") })
        let admin = try AdminClient(server.emulator, credentials: .basic(user: EmulatorProcess.user, password: server.password))
        let listed = try admin.call(.get, "/oauth/clients?numberPerPage=5000")["items"]?.arrayValue ?? []
        #expect(Set(listed.compactMap { $0["clientId"]?.stringValue }.filter { $0.hasPrefix("f") }).count == count)
        // Every fault on a create is accounted for: a retry reported, a write found applied after
        // its answer was lost, or libcurl's own resend of a request whose body it had not yet read
        // (the seek callback allows only that), seen as the same POST again at once.
        let retries = result.stderr.split(separator: "\n").filter { $0.contains(": retried POST ") }
        let found = result.stdout.split(separator: "\n").filter { $0.hasSuffix("(no answer came; reading it back showed it applied)") }
        var postFaults = 0
        var resent = 0
        for (index, line) in log.enumerated() where line.hasPrefix("POST ") && Self.isFault(line) {
            postFaults += 1
            if index + 1 < log.count, log[index + 1].hasPrefix("POST "), line.hasSuffix(" reset-before") { resent += 1 }
        }
        #expect(postFaults > 50, "the run met \(postFaults) faults on creates")
        #expect(retries.count + found.count + resent == postFaults)
        // A read answered "try again" is always retried by pfsh, and says so.
        let readFaults = log.filter { $0.hasPrefix("GET ") && $0.hasSuffix(" fault") }.count
        let readRetries = result.stderr.split(separator: "\n").filter { $0.contains(": retried GET ") && $0.contains("after status") }
        #expect(readRetries.count == readFaults)
        // Each retry is in the trace as a later attempt of its request.
        let traced = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        #expect(traced.count { $0.contains(#""attempt":"#) } == retries.count + readRetries.count
            + result.stderr.split(separator: "\n").count { $0.contains(": retried GET ") && !$0.contains("after status") })
    }

    static func isFault(_ line: String) -> Bool {
        line.hasSuffix(" fault") || line.hasSuffix(" reset-before") || line.hasSuffix(" reset-after")
    }

    @Test func theEmulatorKilledMidCommitAndRestartedIsFinishedByResume() throws {
        let count = 30
        let server = try TestServer(["--log", "--latency", "20"], dataFile: true)
        let script = (1...count).map { "client new k\($0)\ngrants set implicit\n" }.joined() + "commit\n"
        try server.directory.write(script, to: "killed.pfsh")
        let pfsh = try ProcessRunner.start(
            PfshProcess.binary, ["--no-rc"] + server.connectionArguments + [server.directory.file("killed.pfsh")],
            environment: .exactly(server.environment), directory: server.directory.path)
        let deadline = Date().addingTimeInterval(60)
        while Self.log(server).count { $0.hasPrefix("POST ") } < 10, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        server.emulator.kill()
        let status = pfsh.wait(timeout: 60) ?? pfsh.kill()
        let failed = pfsh.result(status: status)
        #expect(failed.status == 4, "\(failed.stderr)")
        #expect(!failed.stderr.contains("the server refused"), "\(failed.stderr)")

        let journals = try JournalFile.all(in: server.directory.file("state"))
        let journalText = try journals.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n---\n")
        let restarted = try server.restartEmulator()
        defer { restarted.stop() }
        let resumed = try PfshProcess.run(
            ["--no-rc", "--resume"] + server.connectionArguments, environment: server.environment, directory: server.directory.path)
        #expect(resumed.status == 0, "\(failed.stderr)\n\(resumed.stdout)\n\(resumed.stderr)\n\(journalText)")
        let admin = try AdminClient(restarted, credentials: .basic(user: EmulatorProcess.user, password: server.password))
        let listed = try admin.call(.get, "/oauth/clients?numberPerPage=100")["items"]?.arrayValue ?? []
        #expect(Set(listed.compactMap { $0["clientId"]?.stringValue }) == Set((1...count).map { "k\($0)" }))
    }
}
