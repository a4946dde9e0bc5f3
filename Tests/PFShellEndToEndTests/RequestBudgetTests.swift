import Foundation
import PFShellTestSupport
import Testing

/// One-shot commands send the requests they need and no more, read from the emulator's request log:
/// connecting costs two requests, whatever the server holds.
@Suite struct RequestBudgetTests {
    func requests(_ server: TestServer) -> [String] {
        server.emulator.standardError.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard words.count >= 2, ["GET", "POST", "PUT", "DELETE"].contains(String(words[0])) else { return nil }
            return "\(words[0]) \(words[1])"
        }
    }

    @Test func aOneShotShowSendsThreeRequests() throws {
        let server = try TestServer(["--seed", "demo", "--log"])
        defer { server.stop() }
        let result = try server.pfsh(["client", "show", "demo-batch"])
        #expect(result.status == 0)
        server.stop()
        #expect(
            requests(server) == [
                "GET /pf-admin-api/v1/version", "GET /pf-admin-api/v1/cluster/status", "GET /pf-admin-api/v1/oauth/clients/demo-batch",
            ])
    }

    @Test func aScriptOfNewClientsChecksTheirIDsOnceAtCommit() throws {
        let server = try TestServer(["--seed", "demo", "--log"])
        defer { server.stop() }
        let commands = (1...12).flatMap { ["-c", "client new bulk-\($0)", "-c", "grants set implicit"] } + ["-c", "commit"]
        let result = try server.pfsh(commands)
        #expect(result.status == 0, "\(result.stderr)")
        server.stop()
        let sent = requests(server)
        #expect(sent.filter { $0.hasPrefix("GET") } == [
            "GET /pf-admin-api/v1/version", "GET /pf-admin-api/v1/cluster/status", "GET /pf-admin-api/v1/oauth/clients",
        ])
        #expect(sent.filter { $0.hasPrefix("POST") }.count == 12)
    }
}
