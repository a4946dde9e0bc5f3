import PFShellCore
import PFShellJSON
import Testing

/// A commit over a flaky connection: every client ends applied exactly once, and the report says
/// what happened, never "refused" when the server did not refuse.
@Suite struct CommitFaultTests {
    /// A session with `web` staged for creation, its ID already checked.
    private func stagedWeb() -> SessionHarness {
        let shell = SessionHarness()
        shell.session.checksNewIDsAtOnce = true
        shell.ok("client new web")
        shell.ok("grants set implicit")
        return shell
    }

    private func posts(_ shell: SessionHarness) -> Int {
        shell.port.requests.filter { $0.method == .post }.count
    }

    @Test func aPostLostBeforeItArrivedIsReadBackThenSentAgain() {
        let shell = stagedWeb()
        shell.port.faults[shell.port.requests.count] = .before(.connectionLost)
        let result = shell.run("commit")
        #expect(result.error == nil)
        #expect(posts(shell) == 2)
        #expect(shell.port.requests.last?.attempt == 2)
        #expect(shell.stored("web") != nil)
        #expect(result.warnings.map(\.message).contains { $0.hasPrefix("retried POST /oauth/clients (attempt 2 of 6)") })
    }

    @Test func aPostAppliedWhoseAnswerWasLostIsFoundAndNotSentAgain() {
        let shell = stagedWeb()
        shell.port.faults[shell.port.requests.count] = .after(.connectionLost)
        let result = shell.run("commit")
        #expect(result.error == nil)
        #expect(posts(shell) == 1)
        #expect(result.output.first == "created web (no answer came; reading it back showed it applied)")
        #expect(shell.session.changeset.changed.isEmpty)
    }

    @Test func a503WithRetryAfterIsWaitedForAndSentAgain() {
        let shell = stagedWeb()
        shell.port.faults[shell.port.requests.count] = .status(503, retryAfter: "1")
        let result = shell.run("commit")
        #expect(result.error == nil)
        #expect(shell.services.pauses == [1000])
        #expect(posts(shell) == 2)
        #expect(result.warnings.first?.message.contains("after status 503 (Retry-After: 1)") == true)
    }

    @Test func aReadIsRetriedAfter429AndALostConnection() {
        let shell = SessionHarness(seed: true)
        let start = shell.port.requests.count
        shell.port.faults[start] = .status(429, retryAfter: "2")
        shell.port.faults[start + 1] = .before(.connectionLost)
        let result = shell.run("client show demo-batch")
        #expect(result.error == nil)
        #expect(shell.services.pauses == [2000, 200])
        #expect(result.warnings.count == 2)
        #expect(shell.port.requests.count == start + 3)
    }

    /// A PUT is never sent again blindly (it would carry the copy it was built on): the client read
    /// back shows it applied. A DELETE is simply sent again.
    @Test func aPutWhoseAnswerWasLostIsReadBackAndADeleteFoundDone() {
        let shell = SessionHarness(seed: true)
        shell.ok("client edit demo-batch")
        shell.ok("set description changed")
        shell.ok("client delete demo-portal")
        let start = shell.port.requests.count
        // demo-batch: conflict read, PUT (applied, answer lost), read back; demo-portal: read, DELETE (lost), DELETE again.
        shell.port.faults[start + 1] = .after(.connectionLost)
        shell.port.faults[start + 4] = .after(.connectionLost)
        let result = shell.run("commit")
        #expect(result.error == nil)
        #expect(result.output.first == "updated demo-batch (no answer came; reading it back showed it applied)")
        #expect(shell.port.requests.filter { $0.method == .put }.count == 1)
        #expect(shell.port.requests.filter { $0.method == .delete }.count == 2)
        #expect(shell.stored("demo-batch")?["description"] == "changed")
        #expect(shell.stored("demo-portal") == nil)
    }

    /// A PUT whose answer was lost is resent; a resend that cannot even connect does not make the
    /// first one "not sent": the client read back decides, and when that fails too it is unknown.
    @Test func aResendRefusedAfterALostAnswerLeavesTheOutcomeUnknown() {
        let shell = SessionHarness(seed: true)
        shell.ok("client edit demo-batch")
        shell.ok("set description changed")
        let start = shell.port.requests.count
        // The conflict read, then the PUT (applied, answer lost); from then on the server is down.
        shell.port.faults[start + 1] = .after(.connectionLost)
        shell.port.downFrom = start + 2
        let error = shell.fails("commit")
        #expect(shell.stored("demo-batch")?["description"] == "changed")
        #expect(shell.session.unknownOutcomes == ["demo-batch"])
        #expect(error?.notes.contains { $0.hasPrefix("demo-batch: outcome unknown") } == true, "\(String(describing: error))")
    }

    @Test func retriesStopAfterFiveAndTheClientStaysStaged() {
        let shell = stagedWeb()
        let start = shell.port.requests.count
        // Each POST answers 503; each read between them shows the client absent.
        for attempt in 0..<6 { shell.port.faults[start + attempt * 2] = .status(503, retryAfter: nil) }
        let error = shell.fails("commit")
        #expect(posts(shell) == 6)
        #expect(error?.category == .connection)
        #expect(error?.message.hasPrefix("client 'web' was not applied: status 503, after 6 attempt(s)") == true)
        #expect(error?.message.contains("refused") == false)
        #expect(shell.session.changeset["web"]?.action == .create)
        #expect(shell.services.pauses == [100, 200, 400, 800, 1600])
    }

    @Test func anUnknownOutcomeIsReadBackByTheNextCommitBeforeAnythingIsSent() {
        let shell = stagedWeb()
        let start = shell.port.requests.count
        shell.port.faults[start] = .after(.connectionLost)
        shell.port.downFrom = start + 1
        let error = shell.fails("commit")
        #expect(error?.category == .connection)
        #expect(error?.message.hasPrefix("no answer for client 'web' and no way yet to tell whether it was applied") == true)
        #expect(error?.notes.contains { $0.hasPrefix("web: outcome unknown, still staged") } == true)
        #expect(shell.session.unknownOutcomes == ["web"])
        #expect(shell.session.needsRecovery)
        shell.port.downFrom = nil
        let again = shell.run("commit")
        #expect(again.error == nil)
        #expect(again.output.first == "created web (found applied by the interrupted commit)")
        #expect(posts(shell) == 1)
        #expect(shell.session.unknownOutcomes.isEmpty)
    }
}

@Suite struct CommitCancelTests {
    /// Three new clients staged, their IDs already checked.
    private func threeStaged() -> SessionHarness {
        let shell = SessionHarness()
        shell.session.checksNewIDsAtOnce = true
        for id in ["a", "b", "c"] {
            shell.ok("client new \(id)")
            shell.ok("grants set implicit")
        }
        return shell
    }

    @Test func ctrlCDuringAWriteLearnsItsOutcomeAndStops() {
        let shell = threeStaged()
        let start = shell.port.requests.count
        shell.port.faults[start + 1] = .after(.cancelled)
        let error = shell.fails("commit")
        #expect(error?.category == .commit)
        #expect(error?.message == "cancelled; 2 of 3 client(s) applied")
        #expect(error?.notes == ["a: applied", "b: applied", "c: not attempted, still staged"])
        #expect(shell.port.requests.filter { $0.method == .post }.count == 2)
        #expect(shell.session.changeset.changed.map(\.clientId) == ["c"])
    }

    @Test func ctrlCBeforeAWriteArrivedLeavesItStaged() {
        let shell = threeStaged()
        shell.port.faults[shell.port.requests.count] = .before(.cancelled)
        let error = shell.fails("commit")
        #expect(error?.category == .connection)
        #expect(error?.message == "cancelled; 0 of 3 client(s) applied")
        #expect(error?.notes.first == "a: failed, still staged")
        #expect(shell.stored("a") == nil)
        #expect(shell.session.changeset.changed.count == 3)
    }

    @Test func ctrlCBetweenTwoClientsStopsBeforeTheNext() {
        let shell = threeStaged()
        shell.services.interrupted = true
        let error = shell.fails("commit")
        #expect(error?.message == "client 'a' was not sent: cancelled")
        #expect(shell.port.writes.isEmpty)
    }
}

extension CommitFaultTests {
    /// The interrupted session's POST was still on its way when the read-back found nothing: the
    /// new POST is refused as a duplicate, and a second read shows the client applied, once.
    @Test func aLateArrivingEarlierWriteIsFoundNotReportedAsRefused() {
        let shell = stagedWeb()
        let start = shell.port.requests.count
        shell.port.faults[start] = .after(.connectionLost)
        shell.port.downFrom = start + 1
        _ = shell.fails("commit")
        shell.port.downFrom = nil
        // The read-back finds nothing (the late write has not landed yet); then it lands.
        shell.port.hideOnce = "web"
        let again = shell.run("commit")
        #expect(again.error == nil)
        #expect(again.output.first == "created web (no answer came; reading it back showed it applied)")
        #expect(shell.session.changeset.changed.isEmpty)
    }
}
