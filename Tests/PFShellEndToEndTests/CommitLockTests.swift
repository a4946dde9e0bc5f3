import Foundation
import PFShellTestSupport
import Testing

/// One pfsh at a time commits to a server from one user's journals: a second one waits, saying
/// who holds the lock, and gives up after its timeout having sent nothing.
@Suite struct CommitLockTests {
    @Test func aSecondPfshWaitsNamingTheHolderThenGivesUpHavingSentNothing() throws {
        let server = try TestServer(["--log", "--latency", "150"])
        let first = (1...12).map { "client new slow\($0)\ngrants set implicit\n" }.joined() + "commit\n"
        try server.directory.write(first, to: "first.pfsh")
        let holder = try ProcessRunner.start(
            PfshProcess.binary, ["--no-rc"] + server.connectionArguments + [server.directory.file("first.pfsh")],
            environment: .exactly(server.environment), directory: server.directory.path)
        let deadline = Date().addingTimeInterval(60)
        while !server.emulator.standardError.contains("POST /pf-admin-api/v1/oauth/clients "), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        let second = try server.pfsh(
            ["--timeout", "1", "-c", "client new quick", "-c", "grants set implicit", "-c", "commit"])
        #expect(second.status == 1, "\(second.stderr)")
        #expect(second.stderr.contains("pfsh: waiting for pfsh (process \(holder.pid), committing since "))
        #expect(second.stderr.contains("is still committing to this server after 1 s; nothing was sent"))
        #expect(holder.wait(timeout: 60) == 0)
        #expect(Self.creates(server) == 12)
        // Once the first has finished, the lock is free.
        let again = try server.pfsh(["-c", "client new quick", "-c", "grants set implicit", "-c", "commit"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(Self.creates(server) == 13)
    }

    static func creates(_ server: TestServer) -> Int {
        server.emulator.standardError.split(separator: "\n").count { $0.hasPrefix("POST /pf-admin-api/v1/oauth/clients 201 ") }
    }
}
