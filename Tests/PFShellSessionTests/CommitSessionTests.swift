import PFShellCore
import PFShellEmulator
import PFShellJSON
import Testing

/// `commit`: checks first, writes in staging order, detects conflicts, never loses a change.
@Suite struct CommitSessionTests {
    @Test func wholeClientRulesAreCheckedBeforeAnyRequestWithTheStagingLine() {
        let shell = SessionHarness()
        shell.ok("client new svc")
        shell.ok("grants set client-credentials")
        let error = shell.fails("commit")
        #expect(error?.category == .command)
        #expect(error?.message == "1 problem(s) found; nothing was sent")
        #expect(error?.notes.first?.hasPrefix("test.pfsh:2:1: client 'svc': clientAuth.type:") == true)
        #expect(shell.port.writes.isEmpty)
        #expect(shell.session.changeset["svc"] != nil)
    }

    @Test func dryRunPrintsTheRequestsAndWritesNothing() {
        let shell = SessionHarness()
        shell.services.environment["S"] = "Dry-Secret-1"
        shell.ok("client new svc")
        shell.ok("grants set client-credentials")
        shell.ok("secret set --env S")
        let output = shell.ok("commit --dry-run")
        #expect(output.first == "POST /oauth/clients")
        #expect(output.contains("      \"secret\": \"(set)\""))
        #expect(!output.joined().contains("Dry-Secret-1"))
        #expect(output.last == "dry run: 1 request(s), nothing written")
        #expect(shell.port.writes.isEmpty)
    }

    @Test func anEditKeepsTheSecretByEchoingIt() throws {
        let shell = SessionHarness(seed: true)
        let secretBefore = shell.api.state.clients["demo-batch"]?.secret
        let changedBefore = shell.api.state.clients["demo-batch"]?.clientSecretChangedTime
        shell.ok("client edit demo-batch")
        shell.ok("set description 'changed'")
        #expect(shell.ok("commit") == ["updated demo-batch", "committed 1 client(s)"])
        #expect(shell.api.state.clients["demo-batch"]?.secret == secretBefore)
        #expect(shell.api.state.clients["demo-batch"]?.clientSecretChangedTime == changedBefore)
        let put = try #require(shell.port.writes.first)
        #expect(put.method == .put)
        #expect(put.body?["clientAuth"]?["encryptedSecret"]?.stringValue?.hasPrefix("OBF:JWE:") == true)
        #expect(put.body?["creationDate"] == nil)
    }

    @Test func clientsAreWrittenInStagingOrder() {
        let shell = SessionHarness(seed: true)
        shell.ok("client new b-first")
        shell.ok("grants set implicit")
        shell.ok("client delete demo-mobile")
        shell.ok("client new a-second")
        shell.ok("grants set implicit")
        shell.ok("set description 'touch' --client demo-portal")
        let output = shell.ok("commit")
        #expect(output == ["created b-first", "deleted demo-mobile", "created a-second", "updated demo-portal", "committed 4 client(s)"])
        #expect(shell.port.writes.map(\.method) == [.post, .delete, .post, .put])
        #expect(shell.stored("demo-mobile") == nil)
        #expect(shell.stored("a-second") != nil)
    }

    @Test func aConflictStopsBeforeWritingAndKeepsEverythingStaged() {
        let shell = SessionHarness(seed: true)
        shell.ok("client edit demo-portal")
        shell.ok("set description 'mine'")
        let other = SessionHarness(api: shell.api)
        other.ok("client edit demo-portal")
        other.ok("set name 'Renamed by someone else'")
        other.ok("commit")
        let error = shell.fails("commit")
        #expect(error?.category == .commit)
        #expect(error?.message == "client 'demo-portal' changed on the server since it was fetched; stopped before writing it")
        #expect(error?.notes.contains { $0.hasPrefix("name: \"Renamed by someone else\" on the server now") } == true)
        #expect(shell.port.writes.isEmpty)
        #expect(shell.session.changeset["demo-portal"]?.current["description"] == "mine")
        shell.ok("commit --force")
        #expect(shell.stored("demo-portal")?["description"] == "mine")
        #expect(shell.stored("demo-portal")?["name"] == "Renamed by someone else", "--force kept the other change")
    }

    @Test func forceOnAFieldBothChangedKeepsTheStagedValue() {
        let shell = SessionHarness(seed: true)
        shell.ok("client edit demo-portal")
        shell.ok("set description 'mine'")
        let other = SessionHarness(api: shell.api)
        other.ok("client edit demo-portal")
        other.ok("set description 'theirs'")
        other.ok("redirect add https://other.example.com/cb")
        other.ok("commit")
        shell.ok("commit --force")
        #expect(shell.stored("demo-portal")?["description"] == "mine")
        #expect(shell.stored("demo-portal")?["redirectUris"]?.arrayValue?.contains("https://other.example.com/cb") == true)
    }

    @Test func rebaseMovesTheEditOntoTheServersCopyAndNamesTheFieldsBothChanged() {
        let shell = SessionHarness(seed: true)
        shell.ok("client edit demo-portal")
        shell.ok("set description 'mine'")
        shell.ok("set name 'Portal (mine)'")
        let other = SessionHarness(api: shell.api)
        other.ok("client edit demo-portal")
        other.ok("set name 'Portal (theirs)'")
        other.ok("set enabled false")
        other.ok("commit")
        #expect(shell.fails("commit")?.category == .commit)
        let both = shell.ok("diff")
        #expect(both.contains("  ! name: \"Portal (theirs)\" on the server now ('client rebase' to take the server's other changes)"))
        #expect(!both.contains { $0.hasPrefix("  ! description") })
        let writes = shell.port.writes.count
        #expect(shell.ok("client rebase") == [
            "rebased client 'demo-portal' onto the server's copy; changed on both sides (the staged value is kept):", "  name",
        ])
        #expect(shell.port.writes.count == writes, "a rebase writes nothing")
        let diff = shell.ok("diff").joined(separator: "\n")
        #expect(diff.contains("description") && diff.contains("name") && !diff.contains("enabled"))
        #expect(!diff.contains("on the server now"), "after a rebase there is no conflict left to show")
        shell.ok("commit")
        #expect(shell.stored("demo-portal")?["enabled"] == false)
        #expect(shell.stored("demo-portal")?["name"] == "Portal (mine)")
        #expect(shell.ok("client rebase demo-portal").first?.contains("no staged edit") != true)
    }

    @Test func rebaseWithoutAStagedEditIsRefused() {
        let shell = SessionHarness(seed: true)
        let error = shell.fails("client rebase demo-portal")
        #expect(error?.message == "client 'demo-portal' has no staged edit to rebase")
    }

    @Test func aPartialCommitReportsEachClientAndKeepsWhatWasNotApplied() {
        let shell = SessionHarness()
        shell.session.checksNewIDsAtOnce = true  // checked when staged, created elsewhere since
        for id in ["a", "b", "c"] {
            shell.ok("client new \(id)")
            shell.ok("grants set implicit")
        }
        let other = SessionHarness(api: shell.api)
        other.ok("client new b")
        other.ok("grants set implicit")
        other.ok("commit")
        let result = shell.run("commit")
        #expect(result.output == ["created a"])
        let error = result.error
        #expect(error?.category == .commit)
        #expect(error?.message.hasPrefix("the server refused client 'b': ") == true)
        #expect(error?.notes.contains("clientId: The client ID 'b' is already in use. Specify a unique client ID.") == true)
        #expect(error?.notes.suffix(3) == ["a: applied", "b: failed, still staged", "c: not attempted, still staged"])
        #expect(shell.session.changeset.changed.map(\.clientId) == ["b", "c"])
    }

    @Test func eachClientIsReportedAsItIsWritten() {
        let shell = SessionHarness()
        for id in ["s1", "s2"] {
            shell.ok("client new \(id)")
            shell.ok("grants set implicit")
        }
        var streamed: [(line: String, writesSoFar: Int)] = []
        let port = shell.port
        shell.session.streamOutput = { streamed.append(($0, port.writes.count)) }
        let output = shell.ok("commit")
        #expect(streamed.map(\.line) == ["created s1", "created s2"])
        #expect(streamed.map(\.writesSoFar) == [1, 2], "s1 was reported before s2 was sent")
        #expect(output == ["committed 2 client(s)"])
    }

    @Test func aScriptLearnsWhetherNewIDsExistOnceAtCommit() throws {
        let shell = SessionHarness(seed: true)
        for id in ["n1", "demo-batch", "n2", "demo-portal"] {
            shell.ok("client new \(id)")
            shell.ok("grants set implicit")
        }
        #expect(shell.port.requests.count == 2, "staging asked nothing: \(shell.port.requests.map(\.path))")
        let error = try #require(shell.fails("commit"))
        #expect(error.category == .command)
        #expect(error.message == "2 new client(s) already exist; nothing was sent")
        #expect(
            error.notes == [
                "test.pfsh:4:1: client 'demo-batch' already exists on the server; use 'client edit demo-batch' or 'client ensure demo-batch'",
                "test.pfsh:8:1: client 'demo-portal' already exists on the server; use 'client edit demo-portal' or 'client ensure demo-portal'",
            ])
        #expect(shell.port.writes.isEmpty)
        #expect(shell.port.requests.count == 6, "one GET per new ID when they are few")
        shell.ok("discard demo-batch")
        shell.ok("discard demo-portal")
        shell.ok("commit")
        #expect(shell.stored("n1") != nil && shell.stored("n2") != nil)
    }

    @Test func manyNewIDsAreCheckedWithOneListing() throws {
        let shell = SessionHarness(seed: true)
        for index in 0..<30 {
            shell.ok("client new bulk-\(index)")
            shell.ok("grants set implicit")
        }
        shell.ok("client new demo-mobile")
        shell.ok("grants set implicit")
        let before = shell.port.requests.count
        let error = try #require(shell.fails("commit"))
        #expect(error.notes.count == 1 && error.notes[0].hasPrefix("test.pfsh:62:1: client 'demo-mobile' already exists"))
        #expect(shell.port.requests.dropFirst(before).map(\.path) == ["/oauth/clients"])
        shell.ok("discard demo-mobile")
        let second = shell.port.requests.count
        shell.ok("commit")
        let sent = shell.port.requests.dropFirst(second)
        #expect(sent.filter { $0.method == .get }.map(\.path) == ["/oauth/clients"], "one listing, not a GET per client")
        #expect(sent.filter { $0.method == .post }.count == 30)
    }

    @Test func aRefusalOfTheFirstClientIsAnOrdinaryFailure() {
        let shell = SessionHarness(seed: true)
        shell.ok("client new x")
        shell.ok("grants set implicit")
        shell.ok("token-manager default-atm")
        shell.admin("DELETE", "/oauth/clients/demo-portal")
        shell.ok("set oidcPolicy.policyGroup nope-policy")
        let error = shell.fails("commit")
        #expect(error?.category == .command)
        #expect(error?.notes.first == "oidcPolicy.policyGroup.id: The OpenID Connect policy with ID 'nope-policy' is not found.")
    }

    @Test func aServerThatCannotBeReachedKeepsTheClientStaged() {
        let shell = SessionHarness()
        shell.session.checksNewIDsAtOnce = true
        shell.ok("client new web")
        shell.ok("grants set implicit")
        shell.port.downFrom = shell.port.requests.count
        let error = shell.fails("commit")
        #expect(error?.category == .connection)
        #expect(error?.message.hasPrefix("client 'web' was not sent: connection refused") == true)
        #expect(error?.notes.contains("web: failed, still staged") == true)
        #expect(shell.session.changeset["web"]?.action == .create)
    }

    @Test func afterACommitTheClientStaysSelectedForMoreEdits() {
        let shell = SessionHarness()
        shell.ok("client new web")
        shell.ok("grants set implicit")
        shell.ok("commit")
        shell.ok("set description 'second round'")
        #expect(shell.ok("commit") == ["updated web", "committed 1 client(s)"])
    }

    @Test func deleteAndClone() {
        let shell = SessionHarness(seed: true)
        let clone = shell.run("client clone demo-batch demo-batch-2")
        #expect(clone.warnings.first?.message.contains("no secret") == true)
        shell.ok("secret generate")
        shell.ok("client delete demo-batch")
        shell.ok("commit")
        #expect(shell.stored("demo-batch") == nil)
        #expect(shell.stored("demo-batch-2")?["name"] == "Demo batch job")
        #expect(shell.session.knownSecret(for: "demo-batch-2") != nil)
    }

    @Test func clusterReplication() {
        let shell = SessionHarness(cluster: true)
        shell.ok("client new web")
        shell.ok("grants set implicit")
        let result = shell.run("commit")
        #expect(result.warnings.first?.message.contains("replication") == true)
        shell.ok("set description again")
        #expect(shell.ok("commit --replicate").last == "replicated the configuration to the cluster")
        #expect(shell.ok("cluster status").first == "replication required: no")
    }
}
