import Foundation
import PFShellHTTP
import PFShellJSON
import PFShellTestSupport
import Testing

/// `commit confirmed` with the real watchdog process: the revert happens after pfsh quit or was
/// killed, and not after `confirm`. Each case keeps its journals in a state folder of its own,
/// so the three wait side by side on one server.
@Suite struct CommitConfirmedTests {
    @Test func theWatchdogRevertsAfterQuitOrKillAndNotAfterConfirm() throws {
        let server = try TestServer()
        let states = try ["quit", "confirm", "killed"].map { name -> [String: String] in
            let folder = server.directory.file("state-\(name)")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return ["XDG_STATE_HOME": folder]
        }
        func staging(_ id: String) -> [String] {
            ["-c", "client new \(id)", "-c", "grants set implicit", "-c", "commit confirmed 10s -m 'try \(id)'"]
        }
        // Quit: pfsh ends at once after the commit.
        let quit = try server.pfsh(staging("cq"), environment: states[0])
        #expect(quit.status == 0, "\(quit.stderr)")
        #expect(quit.stdout.contains("commit 1 is reverted at "), "\(quit.stdout)")
        // Confirmed from another pfsh, in time.
        let confirmed = try server.pfsh(staging("cc"), environment: states[1])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        let confirm = try server.pfsh(["confirm"], environment: states[1])
        #expect(confirm.stdout.hasPrefix("confirmed commit 1 with 0:"), "\(confirm.stdout)")
        // Killed with SIGKILL right after the commit, its commands still coming on standard input.
        let killed = try ProcessRunner.start(
            PfshProcess.binary, ["--no-rc"] + server.connectionArguments,
            environment: .exactly(server.environment.merging(states[2]) { $1 }), directory: server.directory.path, input: .pipe)
        _ = killed.write("client new ck\ngrants set implicit\ncommit confirmed 10s\n")
        #expect(killed.stdout.waitForLine(timeout: 30) { $0.hasPrefix("commit 1 is reverted at ") } != nil, "\(killed.stderr.text)")
        killed.kill()
        #expect(try server.admin(.get, "/oauth/clients/ck").status == 200)

        // The watchdogs hold the credentials in memory only: not in their arguments or environment.
        let watchdogs = Self.watchdogProcesses()
        #expect(!watchdogs.isEmpty)
        for pid in watchdogs {
            for file in ["cmdline", "environ"] {
                let bytes = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/\(file)"))) ?? Data()
                #expect(!String(decoding: bytes, as: UTF8.self).contains(server.password), "/proc/\(pid)/\(file)")
            }
        }
        let waiting = try server.pfsh(["status"], environment: states[0])
        #expect(waiting.stdout.contains("confirm:  commit 1 within 0:"), "\(waiting.stdout)")
        #expect(waiting.stdout.contains("(a watchdog reverts it then)"))
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, try [server.admin(.get, "/oauth/clients/cq"), server.admin(.get, "/oauth/clients/ck")].contains(where: { $0.status == 200 }) {
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(try server.admin(.get, "/oauth/clients/cq").status == 404, "not reverted after quitting")
        #expect(try server.admin(.get, "/oauth/clients/ck").status == 404, "not reverted after SIGKILL")
        #expect(try server.admin(.get, "/oauth/clients/cc").status == 200, "reverted although confirmed")
        for state in [states[0], states[2]] {
            let log = try server.pfsh(["log"], environment: state)
            #expect(log.stdout.contains("administrator  revert of commit 1: not confirmed by "), "\(log.stdout)")
        }
        let log = try server.pfsh(["log"], environment: states[1])
        #expect(!log.stdout.contains("revert"), "\(log.stdout)")
        // Nothing waits any more, and the watchdog left its account, readable by the user alone.
        let after = try server.pfsh(["status"], environment: states[0])
        #expect(!after.stdout.contains("confirm:"), "\(after.stdout)")
        let journals = states[0]["XDG_STATE_HOME"]! + "/pfsh/journal"
        let key = try #require(try FileManager.default.contentsOfDirectory(atPath: journals).first)
        let account = journals + "/\(key)/watchdog-1.log"
        let text = try String(contentsOfFile: account, encoding: .utf8)
        #expect(text.contains("deleted cq"), "\(text)")
        #expect(!text.contains(server.password))
        let mode = try FileManager.default.attributesOfItem(atPath: account)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aTimeOutsideTheBoundsIsAUsageErrorAndNothingIsWritten() throws {
        let server = try TestServer()
        let result = try server.pfsh(["-c", "client new short", "-c", "grants set implicit", "-c", "commit confirmed 5s"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("commit confirmed: the time to confirm is at least 10s and at most 1h"), "\(result.stderr)")
        #expect(try server.admin(.get, "/oauth/clients/short").status == 404)
    }

    /// A client whose secret someone changed behind this session's back: the session's secret is
    /// wrong for the test, which fails, and the commit is reverted at once.
    @Test func aFailedTestRevertsAtOnceWithTheFailureInTheReport() throws {
        let server = try TestServer()
        let pfsh = try ProcessRunner.start(
            PfshProcess.binary, ["--no-rc", "--runtime-url", server.runtimeURL] + server.connectionArguments,
            environment: .exactly(server.environment.merging(["FIRST_SECRET": "first-secret-0123456789"]) { $1 }),
            directory: server.directory.path, input: .pipe)
        _ = pfsh.write("client new tk\ngrants set client-credentials\nsecret set --env FIRST_SECRET\ncommit\n")
        #expect(pfsh.stdout.waitForLine(timeout: 30) { $0 == "committed 1 client(s)" } != nil, "\(pfsh.stderr.text)")
        var copy = try #require(try server.admin(.get, "/oauth/clients/tk").json?.objectValue)
        copy["clientAuth"] = ["type": "SECRET", "secret": "changed-elsewhere-0123456789"]
        #expect(try server.admin(.put, "/oauth/clients/tk", .object(copy)).status == 200)
        _ = pfsh.write("client edit tk\nset description 'Tested'\nclient rebase tk\ncommit confirmed 5m --test\n")
        pfsh.closeInput()
        #expect(pfsh.wait(timeout: 60) == 0, "\(pfsh.stderr.text)")
        let output = pfsh.stdout.text
        #expect(output.contains("test: tk: failed: the token endpoint "), "\(output)")
        #expect(output.contains("reverting commit 2 (the test of tk failed): 1 client(s)"), "\(output)")
        let stored = try server.admin(.get, "/oauth/clients/tk").json
        #expect(stored?["description"] == nil, "\(String(describing: stored))")
        #expect(try Self.token(server, "tk", "changed-elsewhere-0123456789") == 200, "the other administrator's secret stays")
        let status = try server.pfsh(["status"])
        #expect(!status.stdout.contains("confirm:"), "\(status.stdout)")
    }

    /// The processes running `pfsh __watchdog`.
    static func watchdogProcesses() -> [Int] {
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return pids.compactMap(Int.init).filter { pid in
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
            return bytes.split(separator: 0).last.map { String(decoding: $0, as: UTF8.self) } == "__watchdog"
        }
    }

    /// A client-credentials token request with the secret in the form; its status.
    static func token(_ server: TestServer, _ id: String, _ secret: String) throws -> Int {
        try CurlTransport(options: TransportOptions(caFile: server.caFile)).send(
            HTTPRequest(
                method: .post, url: server.runtimeURL + "/as/token.oauth2",
                headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Array("grant_type=client_credentials&client_id=\(id)&client_secret=\(secret)".utf8))
        ).status
    }
}
