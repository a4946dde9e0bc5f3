import PFShellJSON

/// `commit confirmed DURATION`, `confirm`, and the revert of a commit nobody confirmed in time:
/// the staging of `rollback N --restore-secrets`, committed at once under the commit lock.
extension Session {
    func commitConfirmed(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let word = i.arguments[0]
        guard let seconds = ConfirmDuration.seconds(word.text) else {
            throw i.error("'\(word.text)' is not a time to confirm: give it as 90s, 10m or 1h", at: word, .usage)
        }
        guard (ConfirmDuration.shortest...ConfirmDuration.longest).contains(seconds) else {
            throw i.error("the time to confirm is at least 10s and at most 1h", at: word, .usage)
        }
        _ = try requireServer(i)
        guard let store = journalStore else {
            throw i.error("this session keeps no journal, so no commit can wait for confirmation")
        }
        let before = lastCommitNumber
        var failure: ShellError?
        do { try commit(i, &r) } catch { failure = error }
        // A partial commit waits too: what it applied is reverted unless someone keeps it.
        if let number = lastCommitNumber, number != before {
            // A rotation written in two commits (the retention first) waits, and is reverted, as one.
            let first = splitCommitStart.flatMap { $0 != before && $0 + 1 == number ? $0 : nil } ?? number
            try awaitConfirmation(first, seconds, store, i, &r)
            if failure == nil && i.flag("--test") { try testCommitted(number, i, &r) }
        }
        if let failure { throw failure }
    }

    func confirm(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        _ = try requireServer(i)
        guard journalStore != nil else { throw i.error("this session keeps no journal, so no commit waits for confirmation") }
        try confirmPending(i, &r, quiet: false)
    }

    /// Keeps the commit that waits for confirmation on this server; its watchdog sees that and ends.
    func confirmPending(_ i: Invocation, _ r: inout CommandResult, quiet: Bool) throws(ShellError) {
        guard let store = journalStore, !quiet || store.pendingConfirmation() != nil else { return }
        try store.lockForCommit()
        defer { store.unlockAfterCommit() }
        guard let pending = store.pendingConfirmation() else {
            if !quiet { r.print("no commit on this server waits for confirmation") }
            return
        }
        store.clearConfirmation()
        let left = Int(pending.deadline - store.secondsSince1970())
        r.print("confirmed commit \(pending.number)" + (left > 0 ? " with \(ConfirmDuration.clock(left)) left" : "") + "; it stays")
    }

    /// Reverts commit `number` unless it was confirmed meanwhile; clients someone changed since
    /// are left as they are and reported, the others reverted.
    func revertUnconfirmed(_ number: Int, because reason: String, _ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        guard let store = journalStore else { throw i.error("this session keeps no journal") }
        try store.lockForCommit()
        defer { store.unlockAfterCommit() }
        guard store.pendingConfirmation()?.number == number else {
            r.print("commit \(number) no longer waits for confirmation; nothing reverted")
            return
        }
        guard changeset.changed.isEmpty else {
            throw i.error("this session has staged changes; commit or discard them before commit \(number) is reverted")
        }
        revertRunning = (number, "revert of commit \(number): \(reason)")
        defer { revertRunning = nil }
        let staged = try stageReturn(toBefore: number, restoringSecrets: true, i).staged
        r.print("reverting commit \(number) (\(reason)): \(staged) client(s)")
        do {
            try commit(i, &r)
            store.clearConfirmation()
        } catch {
            // Conflicts and refusals are reported and stay so; a revert that could not reach the
            // server still waits, for the next pfsh to finish.
            if error.category != .connection { store.clearConfirmation() }
            throw error
        }
    }

    /// For the watchdog process: reverts commit `number` if it still waits for confirmation.
    public func revertIfUnconfirmed(_ number: Int, because reason: String) -> CommandResult {
        let line = CommandLine(
            words: ["confirm"].map { Word(text: $0, location: SourceLocation(file: "<watchdog>", line: 1, column: 1)) },
            location: SourceLocation(file: "<watchdog>", line: 1, column: 1), text: "confirm")
        var result = CommandResult()
        do {
            guard let invocation = try CommandParser.parse(line) else { return result }
            try revertUnconfirmed(number, because: reason, invocation, &result)
        } catch {
            result.error = error
        }
        return result
    }

    /// For the watchdog process: connects as `connect` does, without reading credentials from
    /// the settings' source (the edge has them).
    public func open(_ settings: ConnectionSettings) -> CommandResult {
        let at = SourceLocation(file: "<watchdog>", line: 1, column: 1)
        var result = CommandResult()
        do {
            guard let invocation = try CommandParser.parse(CommandLine(words: [Word(text: "connect", location: at)], location: at, text: "connect"))
            else { return result }
            try open(settings, invocation, &result)
        } catch {
            result.error = error
        }
        return result
    }

    /// Time left for the commit that waits for confirmation on this server (`4:12`); nil when none waits.
    public var confirmationCountdown: String? {
        guard let store = journalStore, let pending = store.pendingConfirmation() else { return nil }
        return ConfirmDuration.clock(Int(pending.deadline - store.secondsSince1970()))
    }

    /// What connecting says of a commit that waits for confirmation.
    func confirmationNotice(_ pending: PendingConfirmation, _ store: any JournalStore) -> String {
        let left = Int(pending.deadline - store.secondsSince1970())
        let watched = store.watchdogIsWaiting(for: pending.number)
        let revert = recoveryByOptions ? "'pfsh --resume' reverts it" : "'resume' reverts it now"
        switch (watched, left > 0) {
        case (true, true):
            return "commit \(pending.number) waits for confirmation: \(ConfirmDuration.clock(left)) left; 'confirm' keeps it, or it is reverted then"
        case (true, false):
            return "commit \(pending.number) was not confirmed in time; its watchdog is reverting it"
        case (false, true):
            return "commit \(pending.number) waits for confirmation (\(ConfirmDuration.clock(left)) left), but no watchdog is waiting to revert it; 'confirm' keeps it, \(revert)"
        case (false, false):
            return "commit \(pending.number) was not confirmed by its deadline (\(UTCTime.text(secondsSince1970: pending.deadline))) and no watchdog reverted it; \(revert), 'confirm' keeps it"
        }
    }

    private func awaitConfirmation(
        _ number: Int, _ seconds: Int, _ store: any JournalStore, _ i: Invocation, _ r: inout CommandResult
    ) throws(ShellError) {
        try store.lockForCommit()
        let pending = store.awaitConfirmation(of: number, seconds: seconds)
        store.unlockAfterCommit()
        let until = "\(UTCTime.text(secondsSince1970: pending.deadline)) (in \(ConfirmDuration.clock(seconds)))"
        guard let settings = connection?.settings else { return }
        do {
            try services.startWatchdog(for: pending, settings: settings)
            r.print("commit \(number) is reverted at \(until) unless confirmed: 'confirm' keeps it")
        } catch {
            r.warn(
                i.name,
                "no watchdog could be started (\(error.message)); unless confirmed by \(until), commit \(number) "
                    + "is reverted by the next pfsh on this server ('resume')")
        }
    }

    /// `--test`: the client-credentials test of each created or changed client whose secret this
    /// session knows; a failure reverts the commit at once ("could not tell" is no failure).
    private func testCommitted(_ number: Int, _ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        var failed: [String] = []
        for entry in commitLogEntries {
            guard let id = entry["clientId"]?.stringValue, let client = entry["after"]?.objectValue else { continue }
            guard Self.grantTypes(of: client).contains("CLIENT_CREDENTIALS") else {
                r.print("test: \(id): not tested (no client-credentials grant)")
                continue
            }
            guard let secret = knownSecrets[id] else {
                r.print("test: \(id): not tested (this session does not know its secret)")
                continue
            }
            var run = ClientTestRun(i, services: services, client: client, secret: secret, endpoints: runtimeEndpoints(i))
            var steps = CommandResult()
            do {
                try run.clientCredentials(&steps)
                r.print("test: \(id): works")
            } catch where error.category == .connection {
                r.print("test: \(id): could not tell (\(error.message))")
            } catch {
                r.print("test: \(id): failed: \(error.message)")
                failed.append(id)
            }
        }
        guard !failed.isEmpty else { return }
        try revertUnconfirmed(number, because: "the test of \(failed.joined(separator: ", ")) failed", i, &r)
    }
}
