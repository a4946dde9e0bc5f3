import Foundation
import PFShellJSON
import PFShellTestSupport
import Testing

/// The built binaries against clients shaped as real servers export them.
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
}
