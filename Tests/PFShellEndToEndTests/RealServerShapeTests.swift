import Foundation
import PFShellJSON
import PFShellTestSupport
import Testing

/// The built binaries against clients shaped as real servers export them, and against a server that
/// reorders set-like lists.
@Suite struct RealServerShapeTests {
    /// A client as read, without what changes on every read (sealed secrets) or write (its date).
    static func comparable(_ client: JSONObject) -> JSONObject {
        var copy = ThingWorxExampleTests.withoutSealedSecret(client)
        copy["modificationDate"] = nil
        return copy
    }

    @Test func everyExportedClientIsEditedAndCommittedKeepingEveryField() throws {
        let server = try TestServer([], dataFile: true)
        defer { server.stop() }
        for client in RealServerClients.all {
            let reply = try server.admin(.post, "/oauth/clients", .object(client))
            #expect(reply.status == 201, "\(reply.json.map { JSONPrinter.print($0) } ?? "")")
        }
        for client in RealServerClients.all {
            let id = try #require(client["clientId"]?.stringValue)
            let before = try #require(try server.admin(.get, "/oauth/clients/\(id)").json?.objectValue)
            #expect(RealServerClients.changedFields(sent: client, returned: before) == [])
            let storedBefore = try #require(try server.storedClient(id))
            let result = try server.pfsh(["-c", "client edit \(id)", "-c", "set description 'edited by pfsh'", "-c", "commit"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "updated \(id)\ncommitted 1 client(s)\n")
            let after = try #require(try server.admin(.get, "/oauth/clients/\(id)").json?.objectValue)
            var expected = Self.comparable(before)
            expected["description"] = "edited by pfsh"
            ThingWorxExampleTests.expectSame(Self.comparable(after), expected)
            let storedAfter = try #require(try server.storedClient(id))
            #expect(storedAfter["secret"] == storedBefore["secret"])
            #expect(storedAfter["clientSecretChangedTime"] == storedBefore["clientSecretChangedTime"])
        }
    }

    @Test func aSecondarySecretSurvivesAnEditAndNeverReachesOutputOrTrace() throws {
        let server = try TestServer([], dataFile: true)
        defer { server.stop() }
        let client: JSONValue = [
            "clientId": "rotating", "name": "Rotating", "grantTypes": ["CLIENT_CREDENTIALS"],
            "clientAuth": [
                "type": "SECRET", "secret": "Current-Secret-e2e",
                "secondarySecrets": [["secret": "Previous-Secret-e2e", "expiryTime": "2030-06-30T12:00:00.000Z"]],
            ],
        ]
        #expect(try server.admin(.post, "/oauth/clients", client).status == 201)
        let storedBefore = try #require(try server.storedClient("rotating"))
        let trace = server.directory.file("secondary-trace.jsonl")
        let result = try server.pfsh([
            "--trace", trace, "-c", "client edit rotating", "-c", "set description 'edited'", "-c", "client show",
            "-c", "diff", "-c", "commit",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("clientAuth.secondarySecrets: [{\"encryptedSecret\":\"(set)\""))
        #expect(!result.stdout.contains("OBF:JWE:") && !result.stdout.contains("Previous-Secret-e2e"))
        let traced = try String(contentsOfFile: trace, encoding: .utf8)
        #expect(!traced.contains("OBF:JWE:") && !traced.contains("Previous-Secret-e2e"))
        let put = try traced.split(separator: "\n").map { try JSONParser.parse(String($0)) }.first { $0["method"] == "PUT" }
        let sent = put?["request"]?["clientAuth"]?["secondarySecrets"]?.arrayValue
        #expect(sent?.count == 1, "pfsh sent the secondary secret back")
        #expect(sent?.first?["encryptedSecret"] == "(redacted)")
        let storedAfter = try #require(try server.storedClient("rotating"))
        #expect(storedAfter["secondarySecrets"] == storedBefore["secondarySecrets"])
        #expect(storedAfter["secondarySecrets"]?.arrayValue?.first?["secret"] == "Previous-Secret-e2e")
    }

    /// `scripts/examples/thingworx.pfsh` against a server that keeps its own order of set-like lists:
    /// the replay commits nothing, and the replayed changes show no diff.
    @Test func aReplayAgainstAReorderingServerCommitsNothing() throws {
        let server = try TestServer(["--reorder-sets"], dataFile: true)
        defer { server.stop() }
        let environment = ["TWX_CLIENT_SECRET": ThingWorxExampleTests.secret]
        let arguments = ThingWorxExampleTests.arguments(server)
        let first = try server.pfsh(arguments + [ThingWorxExampleTests.script], environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let created = try #require(try server.admin(.get, "/oauth/clients/thingworx").json?.objectValue)
        #expect(created["grantTypes"] == ["AUTHORIZATION_CODE", "CLIENT_CREDENTIALS", "REFRESH_TOKEN", "ACCESS_TOKEN_VALIDATION"])
        let storedBefore = try #require(try server.storedClient("thingworx"))

        let trace = server.directory.file("reordered-replay.jsonl")
        let second = try server.pfsh(arguments + ["--trace", trace, ThingWorxExampleTests.script], environment: environment)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.hasPrefix("nothing to commit\n"), "\(second.stdout)")
        let methods = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
            .compactMap { try? JSONParser.parse(String($0))["method"]?.stringValue }
        #expect(!methods.isEmpty && methods.allSatisfy { $0 == "GET" }, "the replay wrote: \(methods)")
        #expect(try server.storedClient("thingworx") == storedBefore)

        let diffScript = server.directory.file("thingworx-diff.pfsh")
        try Self.withDiffInsteadOfCommit(ThingWorxExampleTests.script).write(toFile: diffScript, atomically: true, encoding: .utf8)
        let diff = try server.pfsh(arguments + [diffScript], environment: environment)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout == "no staged changes\n")
    }

    /// The example's staging lines, then `diff` where it commits, and nothing after.
    static func withDiffInsteadOfCommit(_ path: String) throws -> String {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let staging = lines.prefix { !$0.hasPrefix("commit") }
        #expect(staging.count < lines.count, "the example has no commit line")
        return (staging + ["diff", ""]).joined(separator: "\n")
    }
}
