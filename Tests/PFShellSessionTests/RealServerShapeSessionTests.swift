import PFShellCore
import PFShellEmulator
import PFShellJSON
import PFShellTestSupport
import Testing

/// The session against clients in the shape real servers export them: an edit of any one commits,
/// and the stored client keeps every field it had.
@Suite struct RealServerShapeSessionTests {
    static let clientIDs = RealServerClients.all.compactMap { $0["clientId"]?.stringValue }

    /// A strict emulator holding the three exported clients, created by another administrator.
    static func loaded(reorderSets: Bool = false) -> SessionHarness {
        let shell = SessionHarness(reorderSets: reorderSets)
        for client in RealServerClients.all {
            let reply = shell.admin("POST", "/oauth/clients", .object(client))
            #expect(reply.status == 201, "\(reply.body.map { JSONPrinter.print($0) } ?? "")")
        }
        return shell
    }

    @Test(arguments: clientIDs) func editingAnExportedClientCommitsAndKeepsEveryField(_ id: String) throws {
        let shell = Self.loaded()
        let before = try #require(shell.api.state.clients[id])
        shell.ok("client edit \(id)")
        shell.ok("set description 'edited by pfsh'")
        #expect(shell.ok("commit") == ["updated \(id)", "committed 1 client(s)"])
        let after = try #require(shell.api.state.clients[id])
        var expected = before.fields
        expected["description"] = "edited by pfsh"
        #expect(after.fields == expected)
        #expect(after.secret == before.secret)
        #expect(after.clientSecretChangedTime == before.clientSecretChangedTime)
    }

    @Test(arguments: clientIDs) func persistentGrantCommandsCommitAndReplayAsNothing(_ id: String) throws {
        let shell = Self.loaded()
        shell.ok("client edit \(id)")
        shell.ok("persistent-grants never-expire")
        #expect(shell.ok("commit") == ["updated \(id)", "committed 1 client(s)"])
        let stored = try #require(shell.stored(id))
        #expect(stored["persistentGrantExpirationType"] == "INDEFINITE_EXPIRY")
        #expect(stored["persistentGrantExpirationTime"] == 0)
        #expect(stored["persistentGrantExpirationTimeUnit"] == "DAYS")
        shell.ok("persistent-grants never-expire")
        #expect(shell.ok("commit") == ["nothing to commit"])
        shell.ok("persistent-grants expire 12 hours")
        shell.ok("commit")
        shell.ok("persistent-grants server-default")
        #expect(shell.ok("commit") == ["updated \(id)", "committed 1 client(s)"])
        #expect(shell.stored(id)?["persistentGrantExpirationTime"] == 0)
        #expect(shell.stored(id)?["persistentGrantExpirationTimeUnit"] == "DAYS")
    }

    @Test func theClientWithoutAuthenticationKeepsItsSecretThroughAnEdit() throws {
        let shell = Self.loaded()
        shell.ok("client edit ac_client")
        shell.ok("redirect add https://playground.example.com/callback")
        shell.ok("commit")
        #expect(shell.api.state.clients["ac_client"]?.secret == RealServerClients.secret(of: RealServerClients.acClient))
        let put = try #require(shell.port.writes.last)
        #expect(put.body?["clientAuth"]?["type"] == "NONE")
        #expect(put.body?["clientAuth"]?["encryptedSecret"]?.stringValue?.hasPrefix("OBF:JWE:") == true)
    }

    /// A rule pfsh keeps (restricted scopes need `restrictScopes`) never holds a change to something else.
    @Test func aValueTheUserDidNotChangeNeverHoldsACommit() throws {
        let shell = SessionHarness()
        shell.admin("POST", "/oauth/clients", .object(RealServerClients.pingAccess))
        // The server's copy changes behind the emulator's checks, as a server with other rules could hold it.
        var state = shell.api.state
        state.clients["PingAccess"]?.fields["restrictedScopes"] = ["openid"]
        let other = SessionHarness(api: SessionHarness.strictAPI(state))
        other.ok("client edit PingAccess")
        other.ok("set description 'still commits'")
        let error = other.run("commit").error
        // pfsh sent it; the emulator, which shares the rule, refuses it with its own message.
        #expect(error?.message.hasPrefix("the server refused client 'PingAccess'") == true)
        #expect(other.port.writes.count == 1)
        other.ok("set restrictScopes true")
        #expect(other.ok("commit") == ["updated PingAccess", "committed 1 client(s)"])
    }
}

/// A server that keeps set-like lists in its own order: no diff, no conflict, nothing to commit.
@Suite struct ReorderingServerSessionTests {
    @Test func aListTheServerReorderedIsNotAChange() {
        let shell = SessionHarness(reorderSets: true)
        shell.services.environment["S"] = "Reorder-Secret-1"
        shell.ok("client new web")
        shell.ok("grants set refresh-token authorization-code client-credentials")
        shell.ok("secret set --env S")
        shell.ok("commit")
        #expect(shell.stored("web")?["grantTypes"] == ["AUTHORIZATION_CODE", "CLIENT_CREDENTIALS", "REFRESH_TOKEN"])
        shell.ok("grants set refresh-token authorization-code client-credentials")
        #expect(shell.ok("diff") == ["no staged changes"])
        #expect(shell.ok("commit") == ["nothing to commit"])
    }

    /// The server now lists the grant types in another order, with nothing else changed (not even
    /// its modification date): a server that reorders on read. The commit goes ahead.
    @Test func aReorderingOnTheServerIsNotAConflict() throws {
        let shell = SessionHarness(seed: true)
        shell.ok("client edit demo-portal")
        shell.ok("set description 'mine'")
        var state = shell.api.state
        let fetched = try #require(state.clients["demo-portal"]?.fields["grantTypes"])
        state.clients["demo-portal"]?.fields["grantTypes"] = ["REFRESH_TOKEN", "AUTHORIZATION_CODE"]
        #expect(state.clients["demo-portal"]?.fields["grantTypes"] != fetched)
        shell.port.api = SessionHarness.strictAPI(state)
        #expect(shell.ok("commit") == ["updated demo-portal", "committed 1 client(s)"])
        #expect(shell.port.api.state.clients["demo-portal"]?.fields["description"] == "mine")
    }
}

/// Secondary secrets the server returns go back on every `PUT`, and are never shown.
@Suite struct SecondarySecretSessionTests {
    static let client: JSONValue = [
        "clientId": "rotating", "name": "Rotating", "grantTypes": ["CLIENT_CREDENTIALS"],
        "clientAuth": [
            "type": "SECRET", "secret": "Current-Secret-1",
            "secondarySecrets": [["secret": "Previous-Secret-0", "expiryTime": "2030-06-30T12:00:00.000Z"]],
        ],
    ]

    @Test func anEditKeepsTheSecondarySecret() throws {
        let shell = SessionHarness()
        #expect(shell.admin("POST", "/oauth/clients", Self.client).status == 201)
        let before = try #require(shell.api.state.clients["rotating"])
        shell.ok("client edit rotating")
        shell.ok("set description 'rotated soon'")
        shell.ok("commit")
        let after = try #require(shell.api.state.clients["rotating"])
        #expect(after.secondarySecrets == before.secondarySecrets)
        #expect(after.secondarySecrets.map(\.secret) == ["Previous-Secret-0"])
        #expect(after.secret == before.secret)
        let put = try #require(shell.port.writes.last)
        #expect(put.body?["clientAuth"]?["secondarySecrets"]?.arrayValue?.count == 1)
    }

    @Test func theyAreNeverPrinted() {
        let shell = SessionHarness()
        shell.admin("POST", "/oauth/clients", Self.client)
        shell.ok("client edit rotating")
        shell.ok("set description 'x'")
        let printed = [
            shell.ok("client show rotating"), shell.ok("client show rotating --json"), shell.ok("client list --json"),
            shell.ok("diff"), shell.ok("pending"), shell.ok("commit --dry-run"),
        ].joined().joined(separator: "\n")
        #expect(!printed.contains("OBF:JWE:"))
        #expect(!printed.contains("Previous-Secret-0"))
        #expect(!shell.ok("diff").joined().contains("secondarySecrets"))
        #expect(shell.ok("client show rotating").contains { $0.hasPrefix("clientAuth.secondarySecrets: [{") })
    }
}
