import PFShellCore
import PFShellJSON
import Testing

/// `commit confirmed`, `confirm`, and the revert of a commit nobody confirmed.
@Suite struct ConfirmSessionTests {
    /// `web` exists (commit 1); `web` described and `api` created, waiting for confirmation (commit 2).
    private func awaiting(_ duration: String = "5m") -> SessionHarness {
        let shell = SessionHarness()
        shell.session.checksNewIDsAtOnce = true
        shell.ok("client new web --name Web")
        shell.ok("grants set implicit")
        shell.ok("commit")
        shell.ok("client edit web")
        shell.ok("set description 'Described'")
        shell.ok("client new api --name API")
        shell.ok("grants set implicit")
        shell.ok("commit confirmed \(duration) -m 'try it'")
        return shell
    }

    @Test func aConfirmedCommitWaitsWithAWatchdogAndSaysUntilWhen() {
        let shell = SessionHarness()
        shell.ok("client new web")
        shell.ok("grants set implicit")
        let output = shell.ok("commit confirmed 90s")
        #expect(output.last == "commit 1 is reverted at 2026-11-30 00:54:50 UTC (in 1:30) unless confirmed: 'confirm' keeps it")
        #expect(shell.services.watchdogsStarted == [PendingConfirmation(number: 1, deadline: 1_796_000_090)])
        #expect(shell.session.confirmationCountdown == "1:30")
        shell.services.journal.now += 30
        #expect(shell.session.confirmationCountdown == "1:00")
        #expect(shell.ok("status").last == "confirm:  commit 1 within 1:00 (a watchdog reverts it then); 'confirm' keeps it")
    }

    @Test(arguments: ["5", "9s", "61m", "2h", "1d", "m", "-10s"])
    func aTimeOutsideTenSecondsToAnHourIsAUsageErrorAndNothingIsSent(_ duration: String) {
        let shell = SessionHarness()
        shell.ok("client new web")
        shell.ok("grants set implicit")
        #expect(shell.fails("commit confirmed \(duration)")?.category == .usage)
        #expect(shell.stored("web") == nil)
        #expect(shell.services.journal.pendingConfirmation() == nil)
    }

    @Test func confirmKeepsTheCommitAndTheWatchdogFindsNothingToDo() {
        let shell = awaiting()
        shell.services.journal.now += 60
        #expect(shell.ok("confirm") == ["confirmed commit 2 with 4:00 left; it stays"])
        #expect(shell.services.journal.pendingConfirmation() == nil)
        #expect(shell.ok("confirm") == ["no commit on this server waits for confirmation"])
        let late = shell.session.revertIfUnconfirmed(2, because: "not confirmed")
        #expect(late.output == ["commit 2 no longer waits for confirmation; nothing reverted"])
        #expect(shell.stored("api") != nil)
    }

    @Test func aPlainCommitConfirmsTooAsJunosDoes() {
        let shell = awaiting()
        let output = shell.ok("commit")
        #expect(output == ["confirmed commit 2 with 5:00 left; it stays", "nothing to commit"])
        #expect(shell.services.journal.pendingConfirmation() == nil)
    }

    @Test func theRevertReturnsEveryClientOfTheCommitAndIsLogged() {
        let shell = awaiting()
        let result = shell.session.revertIfUnconfirmed(2, because: "not confirmed by 2026-12-01 03:38:20 UTC")
        #expect(result.error == nil, "\(String(describing: result.error))")
        #expect(result.output.first == "reverting commit 2 (not confirmed by 2026-12-01 03:38:20 UTC): 2 client(s)")
        #expect(shell.stored("api") == nil)
        #expect(shell.stored("web")?["description"] == nil)
        #expect(shell.services.journal.pendingConfirmation() == nil)
        #expect(
            shell.ok("log 1") == [
                "3  2026-11-30 00:55:20 UTC  administrator  revert of commit 2: not confirmed by 2026-12-01 03:38:20 UTC",
                "   changed web (description); deleted api",
            ])
    }

    /// A rotation that changes the retention is two commits; unconfirmed, both are reverted.
    @Test func aRotationInTwoCommitsWaitsAndIsRevertedAsOne() {
        let shell = SessionHarness()
        SecretRotationTests.committedService(shell)
        shell.services.environment["NEW"] = "new-secret-value-0123456789abcdef"
        shell.ok("secret rotate --retain 1h --env NEW --client svc")
        let output = shell.ok("commit confirmed 5m")
        #expect(output.contains { $0.hasPrefix("commit 2 is reverted at ") }, "\(output)")
        #expect(shell.services.journal.pendingConfirmation()?.number == 2)
        let result = shell.session.revertIfUnconfirmed(2, because: "not confirmed")
        #expect(result.error == nil, "\(String(describing: result.error))")
        let stored = shell.stored("svc")
        #expect(stored?["clientSecretRetentionPeriodType"] == "SERVER_DEFAULT")
        #expect(stored?["clientSecretRetentionPeriod"] == nil)
    }

    @Test func aRevertMeetingAConflictLeavesThatClientAndRevertsTheOthers() {
        let shell = awaiting()
        shell.renameElsewhere("web")
        let result = shell.session.revertIfUnconfirmed(2, because: "not confirmed")
        #expect(result.error?.category == .commit)
        #expect(result.error?.message == "client 'web' changed on the server since it was fetched; stopped before writing it")
        #expect(result.error?.notes.contains("api: applied") == true, "\(String(describing: result.error?.notes))")
        #expect(shell.stored("web")?["name"] == "Renamed elsewhere")
        #expect(shell.stored("web")?["description"] == "Described")
        #expect(shell.stored("api") == nil)
        #expect(shell.services.journal.pendingConfirmation() == nil, "a conflict is reported, not retried for ever")
    }

    @Test func withoutAWatchdogTheCommitStillWaitsAndConnectingOffersTheRevert() {
        let shell = SessionHarness()
        shell.services.watchdogFails = true
        shell.ok("client new web")
        shell.ok("grants set implicit")
        let result = shell.run("commit confirmed 10m")
        #expect(
            result.warnings.first?.message
                == "no watchdog could be started (no process could be started); unless confirmed by 2026-11-30 01:03:20 UTC (in 10:00), "
                + "commit 1 is reverted by the next pfsh on this server ('resume')")
        shell.services.journal.now += 3600
        let connect = shell.run("connect https://127.0.0.1:9999 --password-env PW")
        #expect(connect.warnings.contains { $0.message.hasPrefix("commit 1 was not confirmed by its deadline (2026-11-30 01:03:20 UTC) and no watchdog reverted it; 'resume' reverts it now") })
        #expect(shell.ok("resume") == [
            "reverting commit 1 (not confirmed by its deadline, reverted by resume): 1 client(s)", "deleted web",
            "committed 1 client(s): revert of commit 1: not confirmed by its deadline, reverted by resume",
        ])
        #expect(shell.stored("web") == nil)
    }

    @Test func aFailedTestRevertsAtOnceAndACouldNotTellDoesNot() {
        let shell = SessionHarness()
        shell.session.checksNewIDsAtOnce = true
        shell.ok("client new good")
        shell.ok("grants set client-credentials")
        shell.ok("secret generate")
        shell.ok("client new off")
        shell.ok("grants set client-credentials")
        shell.ok("secret generate")
        shell.ok("set enabled false")
        shell.ok("client new web")
        shell.ok("grants set implicit")
        let result = shell.run("commit confirmed 5m --test")
        #expect(result.output.contains("test: good: works"))
        #expect(result.output.contains("test: web: not tested (no client-credentials grant)"))
        #expect(result.output.contains { $0.hasPrefix("test: off: failed: ") }, "\(result.output)")
        #expect(result.output.contains("reverting commit 1 (the test of off failed): 3 client(s)"))
        #expect(shell.stored("good") == nil && shell.stored("off") == nil && shell.stored("web") == nil)
        #expect(shell.services.journal.pendingConfirmation() == nil)
    }

    @Test func passingTestsLeaveTheCommitWaiting() {
        let shell = SessionHarness()
        shell.ok("client new good")
        shell.ok("grants set client-credentials")
        shell.ok("secret generate")
        shell.services.runtimeOverride = nil
        let output = shell.ok("commit confirmed 5m --test")
        #expect(output.last == "test: good: works")
        #expect(shell.services.journal.pendingConfirmation()?.number == 1)
        shell.services.runtimeAPI = nil  // the runtime cannot be reached: "could not tell" is no failure
        shell.ok("client edit good")
        shell.ok("secret generate")
        let unreachable = shell.ok("commit confirmed 5m --test")
        #expect(unreachable.last?.hasPrefix("test: good: could not tell (") == true, "\(unreachable)")
        #expect(shell.stored("good") != nil)
    }
}
