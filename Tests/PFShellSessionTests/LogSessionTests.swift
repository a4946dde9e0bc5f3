import PFShellCore
import PFShellJSON
import Testing

/// `log`, `log show` and `rollback` over the commit log.
@Suite struct LogSessionTests {
    /// Three commits: `web` and `app` created; `web` described; `app` deleted.
    private func threeCommits() -> SessionHarness {
        let shell = SessionHarness()
        shell.session.checksNewIDsAtOnce = true
        shell.ok("client new web --name Web")
        shell.ok("grants set implicit")
        shell.ok("client new app --name App")
        shell.ok("grants set implicit")
        shell.ok("commit -m 'two clients'")
        shell.ok("client edit web")
        shell.ok("set description 'Described'")
        shell.ok("commit -m 'describe web'")
        shell.ok("client delete app")
        shell.ok("commit")
        return shell
    }

    @Test func logListsTheCommitsNewestFirst() {
        let shell = threeCommits()
        #expect(
            shell.ok("log") == [
                "3  2026-11-30 00:55:20 UTC  administrator", "   deleted app",
                "2  2026-11-30 00:54:20 UTC  administrator  describe web", "   changed web (description)",
                "1  2026-11-30 00:53:20 UTC  administrator  two clients", "   created web; created app",
            ])
        #expect(shell.ok("log 1").count == 2)
        #expect(shell.fails("log 0")?.category == .usage)
    }

    @Test func logShowPrintsTheFieldDiffOfOneCommit() {
        let shell = threeCommits()
        #expect(shell.ok("log show 2") == ["2  2026-11-30 00:54:20 UTC  administrator  describe web", "~ client web", #"  + description: "Described""#])
        #expect(shell.fails("log show 9")?.message == "no commit 9 in this machine's log of this server; 'log' lists them")
        shell.session.jsonOutput = true
        let json = try? JSONParser.parse(shell.ok("log show 3").joined(separator: "\n"))
        #expect(json?["clients"] == [["clientId": "app", "action": "delete", "fields": []]])
    }

    @Test func rollbackStagesTheReturnToBeforeACommitAndCommitWritesIt() {
        let shell = threeCommits()
        let result = shell.run("rollback 2")
        #expect(result.output == ["staged the return of 2 client(s) to their state before commit 2; 'diff' shows it, 'commit' writes it"])
        #expect(shell.ok("pending") == ["update web: description", "create app"])
        shell.ok("commit -m 'back to 1'")
        #expect(shell.stored("web")?["description"] == nil)
        #expect(shell.stored("app")?["name"] == "App")
        #expect(shell.ok("log 1") == ["4  2026-11-30 00:56:20 UTC  administrator  back to 1", "   changed web (description); created app"])
    }

    @Test func aClientSomeoneChangedSinceIsAConflictNotOverwritten() {
        let shell = threeCommits()
        shell.ok("rollback 2")
        shell.renameElsewhere("web")
        let error = shell.fails("commit")
        #expect(error?.category == .commit)
        #expect(error?.message == "client 'web' changed on the server since it was fetched; stopped before writing it")
        #expect(shell.stored("web")?["description"] == "Described")
    }

    @Test func aConflictDuringARollbackLeavesTheOtherClientsReverted() {
        let shell = threeCommits()
        shell.ok("rollback 2")
        shell.renameElsewhere("web")
        let error = shell.fails("commit")
        #expect(error?.category == .commit)
        #expect(error?.notes.contains("web: conflict, still staged") == true, "\(String(describing: error?.notes))")
        #expect(error?.notes.contains("app: applied") == true)
        #expect(shell.stored("web")?["name"] == "Renamed elsewhere")
        #expect(shell.stored("web")?["description"] == "Described")
        #expect(shell.stored("app")?["name"] == "App")
    }

    @Test func rollbackUndoesLikeAnyStagingCommand() {
        let shell = threeCommits()
        shell.ok("rollback 1")
        shell.ok("undo")
        #expect(shell.session.changeset.changed.isEmpty)
    }
}

extension LogSessionTests {
    /// `svc` created with one secret, then given another.
    private func secretChanged() -> SessionHarness {
        let shell = SessionHarness()
        shell.session.checksNewIDsAtOnce = true
        shell.services.environment = ["OLD": "old-secret-0123456789", "NEW": "new-secret-9876543210"]
        shell.ok("client new svc")
        shell.ok("grants set client-credentials")
        shell.ok("secret set --env OLD")
        shell.ok("commit")
        shell.ok("client edit svc")
        shell.ok("secret set --env NEW")
        shell.ok("commit")
        return shell
    }

    private func secret(_ shell: SessionHarness) -> String? {
        guard case .some(let client) = shell.api.state.clients["svc"] else { return nil }
        return client.secret
    }

    @Test func aSecretIsRolledBackOnlyWhenAsked() {
        let shell = secretChanged()
        let kept = shell.run("rollback 2")
        #expect(kept.warnings.first?.message == "svc keep the secret set since commit 2; 'rollback 2 --restore-secrets' brings back the earlier one")
        shell.ok("undo")
        shell.ok("rollback 2 --restore-secrets")
        #expect(shell.ok("diff") == ["~ client svc", "  ~ clientAuth.secret: (restored from before)"])
        shell.ok("commit")
        #expect(secret(shell) == "old-secret-0123456789")
        #expect(shell.ok("log 1").last == "   changed svc (secret)")
    }
}
