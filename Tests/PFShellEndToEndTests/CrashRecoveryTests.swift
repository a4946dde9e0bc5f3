import Foundation
import PFShellJSON
import PFShellTestSupport
import Testing

/// pfsh killed with SIGKILL in the middle of a commit: its journal accounts for every client, and
/// `pfsh --resume` finishes the job with each client created exactly once.
@Suite(.serialized) struct CrashRecoveryTests {
    static let clients = 200
    /// After how many of the commit's creates pfsh is killed: twenty points, first to last.
    static let killPoints = [1, 3, 8, 15, 22, 31, 40, 52, 64, 77, 90, 103, 117, 130, 142, 155, 164, 172, 179, 186]

    /// A script staging `count` new clients named PREFIX1... and committing them.
    static func script(prefix: String, count: Int) -> String {
        (1...count).map { "client new \(prefix)\($0) --name 'Client \($0)'\ngrants set implicit\n" }.joined() + "commit\n"
    }

    /// The POST lines of the emulator's request log, with their status.
    static func posts(_ server: TestServer) -> [String] {
        server.emulator.standardError.split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("POST /pf-admin-api/v1/oauth/clients ") }
    }

    @Test func killedAtTwentyPointsOfA200ClientCommitTheJournalAccountsForEveryClientAndResumeFinishes() throws {
        let server = try TestServer(["--log", "--latency", "2"])
        let admin = try AdminClient(server.emulator, credentials: .basic(user: EmulatorProcess.user, password: server.password))
        let creates = EmulatorProcess.LineCounter(server.emulator, prefix: "POST /pf-admin-api/v1/oauth/clients ")
        var round = 0
        for point in Self.killPoints {
            // Under load the commit can outrun the watcher and finish before the kill: that round
            // tests nothing, and is run again (at most three times).
            var killedInTime = false
            var prefix = ""
            var ids: Set<String> = []
            for _ in 1...3 where !killedInTime {
                round += 1
                prefix = "r\(round)-"
                ids = Set((1...Self.clients).map { "\(prefix)\($0)" })
                try server.directory.write(Self.script(prefix: prefix, count: Self.clients), to: "round.pfsh")
                let postsBefore = creates.count
                let pfsh = try ProcessRunner.start(
                    PfshProcess.binary, ["--no-rc"] + server.connectionArguments + [server.directory.file("round.pfsh")],
                    environment: .exactly(server.environment), directory: server.directory.path)
                let deadline = Date().addingTimeInterval(60)
                while creates.count - postsBefore < point, pfsh.isRunning, Date() < deadline {
                    Thread.sleep(forTimeInterval: 0.002)
                }
                pfsh.kill()
                let sent = creates.count - postsBefore
                try #require(sent >= point, "round \(round): killed after \(sent) creates, aimed at \(point)")
                killedInTime = sent < Self.clients
            }
            try #require(killedInTime, "three commits finished before pfsh could be killed after \(point) creates")

            let journal = try JournalFile.only(in: server.directory.file("state"))
            let onServer = try Set(Self.listIDs(admin, prefix: prefix))
            #expect(journal.applied.union(journal.staged) == ids, "round \(round): the journal lost clients")
            #expect(journal.applied.isSubset(of: onServer), "round \(round)")
            #expect(onServer.isSubset(of: journal.applied.union(journal.unknown)), "round \(round)")
            #expect(journal.unknown.count <= 1)

            let resumed = try PfshProcess.run(
                ["--no-rc", "--resume"] + server.connectionArguments, environment: server.environment,
                directory: server.directory.path)
            #expect(resumed.status == 0, "round \(round): \(resumed.stderr)")
            #expect(try Set(Self.listIDs(admin, prefix: prefix)) == ids, "round \(round)")
            #expect(try JournalFile.all(in: server.directory.file("state")).isEmpty, "round \(round): a journal was left")
        }
        // Never twice: the server would have refused a second create of the same ID.
        #expect(Self.posts(server).allSatisfy { $0.contains(" 201 ") }, "a create was refused")
        #expect(Self.posts(server).count == round * Self.clients)
    }

    static func listIDs(_ admin: AdminClient, prefix: String) throws -> [String] {
        let reply = try admin.call(.get, "/oauth/clients?filter=\(prefix)&numberPerPage=10000")
        return (reply["items"]?.arrayValue ?? []).compactMap { $0["clientId"]?.stringValue }.filter { $0.hasPrefix(prefix) }
    }
}

/// What a journal file says of each client, read independently of pfsh's own replay.
struct JournalFile {
    var applied: Set<String> = []
    var staged: Set<String> = []
    var unknown: Set<String> = []

    /// The session journals under an XDG state folder.
    static func all(in state: String) throws -> [String] {
        let root = state + "/pfsh/journal"
        guard let servers = try? FileManager.default.contentsOfDirectory(atPath: root) else { return [] }
        return try servers.flatMap { server in
            try FileManager.default.contentsOfDirectory(atPath: root + "/" + server)
                .filter { $0.hasPrefix("session-") }.map { root + "/" + server + "/" + $0 }
        }
    }

    static func only(in state: String) throws -> JournalFile {
        let files = try all(in: state)
        try #require(files.count == 1, "journals: \(files)")
        return try JournalFile(path: files[0])
    }

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for line in text.split(separator: "\n") {
            guard let record = try? JSONParser.parse(String(line)), let id = record["id"]?.stringValue else { continue }
            switch record["record"]?.stringValue {
            case "client": if record["client"] != .null { staged.insert(id) } else { staged.remove(id) }
            case "intent": unknown.insert(id)
            case "outcome":
                unknown.remove(id)
                if record["result"] == "applied" {
                    applied.insert(id)
                    staged.remove(id)
                }
            default: break
            }
        }
    }
}
