import PFShellCore
import PFShellJSON
import Testing

/// The journal of staging and commits, and recovery of what an interrupted session left.
@Suite struct JournalSessionTests {
    @Test func stagingIsJournaledInTheSizeOfTheChange() {
        let shell = SessionHarness(seed: true)
        shell.ok("client edit demo-batch")
        shell.ok("set description one")
        shell.ok("set description two")
        shell.ok("set name Renamed")
        let records = shell.services.journal.records
        #expect(records.count == 4)
        // Selecting stages the client whole; its first change records the line that made it a change.
        #expect(records[0]["record"] == "client")
        #expect(records[1]["record"] == "client")
        #expect(records[2] == ["record": "members", "id": "demo-batch", "members": ["description": "two"]])
        #expect(records[3] == ["record": "members", "id": "demo-batch", "members": ["name": "Renamed"]])
    }

    @Test func aCommitJournalsIntentBeforeOutcomeAndSyncsAtTheEnd() {
        let shell = SessionHarness()
        shell.ok("client new web")
        shell.ok("grants set implicit")
        shell.ok("commit")
        let kinds = shell.services.journal.records.compactMap { $0["record"]?.stringValue }
        #expect(Array(kinds.suffix(4)) == ["commit", "intent", "outcome", "committed"])
        #expect(shell.services.journal.records("outcome").first?["stored"]?["clientId"] == "web")
        #expect(shell.services.journal.syncs == 1)
        #expect(shell.services.journal.locks == 1 && shell.services.journal.unlocks == 1)
    }

    @Test func noPlaintextSecretIsJournaledOnlyItsSource() {
        let shell = SessionHarness()
        shell.services.environment["S"] = "CANARY-journal-7731"
        shell.ok("client new web")
        shell.ok("grants set client-credentials")
        shell.ok("secret set --env S")
        shell.ok("client new cli")
        shell.ok("grants set client-credentials")
        shell.ok("secret generate")
        shell.ok("commit")
        let text = shell.services.journal.records.map { JSONPrinter.print($0) }.joined(separator: "\n")
        #expect(!text.contains("CANARY-journal-7731"))
        #expect(!text.contains(shell.session.knownSecret(for: "cli") ?? "none"))
        #expect(text.contains(#""secret":{"env":"S"}"#))
        #expect(text.contains(#""secret":"again""#))
        #expect(text.contains("encryptedSecret"))
    }

    @Test func aSecondPfshHoldingTheLockStopsTheCommitBeforeAnythingIsSent() {
        let shell = SessionHarness()
        shell.ok("client new web")
        shell.ok("grants set implicit")
        shell.services.journal.lockHeldBy = "pfsh (process 4242, committing since 2026-11-30 02:00:00 UTC)"
        let writesBefore = shell.port.writes.count
        let error = shell.fails("commit")
        #expect(error?.message.hasPrefix("pfsh (process 4242") == true)
        #expect(shell.port.writes.count == writesBefore)
        #expect(shell.session.changeset["web"] != nil)
    }

    /// A session killed after its POST of `b` reached the server: the journal has the intent, no outcome.
    private func interruptedCommit() -> (left: [JSONValue], api: SessionHarness) {
        let first = SessionHarness()
        first.session.checksNewIDsAtOnce = true
        first.services.environment["S"] = "env-secret-value-1"
        first.ok("client new a")
        first.ok("grants set implicit")
        first.ok("client new b")
        first.ok("grants set client-credentials")
        first.ok("secret set --env S")
        first.ok("client new c")
        first.ok("grants set implicit")
        let start = first.port.requests.count
        // a: POST; b: POST applied, answer lost; then the server is gone (pfsh was killed).
        first.port.faults[start + 1] = .after(.connectionLost)
        first.port.downFrom = start + 2
        _ = first.fails("commit")
        return (first.services.journal.records, first)
    }

    @Test func resumeReadsBackTheUnknownWriteAndFinishesTheCommitExactlyOnce() {
        let (left, first) = interruptedCommit()
        #expect(first.stored("a") != nil && first.stored("b") != nil && first.stored("c") == nil)
        let second = SessionHarness(api: first.api, connect: false)
        second.services.journal.left = [left]
        second.services.environment["S"] = "env-secret-value-1"
        let connect = second.run("connect https://127.0.0.1:9999 --password-env PW")
        #expect(connect.warnings.last?.message.hasPrefix("an interrupted session left 2 staged client(s) and a commit cut short (1 write") == true)
        #expect(connect.warnings.last?.message.contains("'resume'") == true)
        let resumed = second.run("resume")
        #expect(resumed.error == nil)
        #expect(resumed.output.contains("created b (found applied by the interrupted commit)"))
        #expect(resumed.output.contains("created c"))
        #expect(second.port.requests.filter { $0.method == .post }.count == 1)
        #expect(second.stored("c") != nil)
        #expect(second.services.journal.left.isEmpty)
        #expect(second.run("resume").output == ["nothing to resume"])
    }

    @Test func aSecretTypedAtThePromptMustBeGivenAgain() {
        let first = SessionHarness()
        first.ok("client new b")
        first.ok("grants set client-credentials")
        first.ok("secret generate")
        let second = SessionHarness(api: first.api, connect: false)
        second.services.journal.left = [first.services.journal.records]
        second.run("connect https://127.0.0.1:9999 --password-env PW")
        let resumed = second.run("resume")
        #expect(resumed.warnings.first?.message.hasPrefix("client 'b': its new secret was typed, piped or generated") == true)
        #expect(second.session.changeset["b"]?.newSecret == nil)
        #expect(second.port.writes.isEmpty)
    }

    @Test func discardInterruptedForgetsAndSendsNothing() {
        let (left, first) = interruptedCommit()
        let second = SessionHarness(api: first.api, connect: false)
        second.services.journal.left = [left]
        second.run("connect https://127.0.0.1:9999 --password-env PW")
        #expect(second.ok("discard-interrupted") == ["forgot 2 staged client(s) an interrupted session left"])
        #expect(second.services.journal.left.isEmpty)
        #expect(second.port.writes.isEmpty)
        #expect(second.session.changeset.changed.isEmpty)
    }
}
