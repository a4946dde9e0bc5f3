import PFShellJSON

extension Session {
    /// Writes what is staged. A rotation that also changes the client's retention is written in two
    /// commits, the retention first: whichever retention a server applies to the write that replaces
    /// a secret (the one it holds, or the one in that write), it is then the new one.
    func commit(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let dry = alwaysDryRun || i.flag("--dry-run")
        splitCommitStart = nil
        let split = dry || revertRunning != nil ? [] : changeset.changed.filter(Self.changesRetentionWithSecret)
        guard !split.isEmpty else { return try commitStaged(i, &r) }
        for client in split {
            changeset.update(client.clientId) { staged in
                staged.newSecret = nil
                staged.secretOrigin = nil
                staged.rotatesSecret = false
            }
        }
        let ids = split.map(\.clientId).joined(separator: ", ")
        emitNow("two commits: the retention of \(ids) first, then the new secret", &r)
        do {
            try commitStaged(i, &r)
        } catch {
            restoreSplitSecrets(split)  // the rotations stay staged on whatever the first commit left
            throw error
        }
        restoreSplitSecrets(split)
        splitCommitStart = lastCommitNumber
        emitNow(nil, &r)
        // What both commits applied, for the recording and `--test`.
        let first = commitLogEntries
        defer { commitLogEntries = first + commitLogEntries }
        try commitStaged(i, &r)
    }

    static func changesRetentionWithSecret(_ client: StagedClient) -> Bool {
        guard client.rotatesSecret, client.newSecret != nil, let base = client.base else { return false }
        return [SecretRetention.typeField, SecretRetention.periodField].contains { base[$0] != client.current[$0] }
    }

    /// Stages each split rotation's secret again, on the copy the first commit left, and journals it.
    private func restoreSplitSecrets(_ split: [StagedClient]) {
        for client in split {
            guard let secret = client.newSecret, let staged = changeset[client.clientId], staged.action != .delete,
                staged.newSecret == nil
            else { continue }
            stageRotation(client.clientId, secret, from: client.secretOrigin, fields: [])
            journal?.client(client.clientId, changeset[client.clientId])
        }
    }

    /// Prints `line` (and what the command printed so far) now when lines stream, else in order.
    func emitNow(_ line: String?, _ r: inout CommandResult) {
        if let line { r.print(line) }
        guard let streamOutput, !jsonOutput, !r.output.isEmpty else { return }
        streamOutput(r.output.joined(separator: "\n"))
        r.output = []
    }

    private func commitStaged(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        commitLogEntries = []  // what this commit applies, even when it applies nothing
        let dry = alwaysDryRun || i.flag("--dry-run")
        // A commit keeps the commit that waits for confirmation, as `confirm` does (not a revert of it).
        if !dry && revertRunning == nil && server != nil { try confirmPending(i, &r, quiet: true) }
        let clients = changeset.changed
        guard !clients.isEmpty else {
            r.print("nothing to commit")
            if jsonOutput { r.jsonLines = [["committed": 0, "complete": true]] }
            return
        }
        try checkBeforeSending(i, clients)
        try verifyNewIDs(i, clients)
        if dry {
            if jsonOutput { r.emit(["dryRun": true, "requests": .array(clients.map(CommitRequests.describeJSON))]) }
            if checksForDifferences {
                if !jsonOutput { r.output += clients.flatMap { ClientDiff.lines($0) } }
                r.print("\(clients.count) client(s) differ from what the script describes; nothing written")
            } else {
                describeRequests(clients, &r)
                r.print("dry run: \(clients.count) request(s), nothing written")
            }
            if alwaysDryRun { dryRunRevision = changeset.revision }
            return
        }
        _ = try requireServer(i)
        let locking = revertRunning == nil
        if locking { try journalStore?.lockForCommit() }
        defer { if locking { journalStore?.unlockAfterCommit() } }
        journal?.commitBegan(clients.map(\.clientId))
        commitCancelled = false
        var report = CommitReport(clients: clients)
        for (index, client) in clients.enumerated() {
            commitProgress?(CommitProgress(done: index, total: clients.count))
            do {
                // A Ctrl-C between two requests stops the commit before the next client.
                try services.pause(milliseconds: 0)
                let written = try write(client, i, &report)
                if commitCancelled {
                    report.cancel()
                    break
                }
                // A rollback or revert goes on past a client someone changed since: it stays as they left it.
                let goesOn = revertRunning != nil || stagedByRollback.contains(client.clientId)
                guard written || (goesOn && report.conflictIDs.contains(client.clientId)) else { break }
            } catch {
                // Refused credentials or Ctrl-C mid-write: a write on its way has an unknown outcome.
                let unknown = inFlight == client.clientId
                if unknown { unknownOutcomes.insert(client.clientId) }
                report.fail(client.clientId, error.message, unknown ? .unknown : .notSent)
                break
            }
        }
        inFlight = nil
        commitProgress?(CommitProgress(done: report.applied.count, total: clients.count, finished: true))
        journal?.commitEnded(complete: report.isComplete)
        lastCommitIncomplete = !report.isComplete
        if !commitLogEntries.isEmpty {
            var entry: JSONObject = ["user": .string(connection?.settings.user ?? ""), "complete": .bool(report.isComplete)]
            if let message = commitMessage(i) { entry["message"] = .string(message) }
            entry["clients"] = .array(commitLogEntries)
            lastCommitNumber = journalStore?.recordCommit(entry)
        }
        if report.isComplete { holdsResumedWork = false }
        try finish(report, i, &r)
        try checkSecondarySecrets(clients.filter { $0.rotatesSecret || $0.expiresOldSecrets }, i, &r)
    }

    /// The dry run's requests, streamed a client at a time when the driver takes lines as they come,
    /// so twenty thousand clients are never held as text at once.
    private func describeRequests(_ clients: [StagedClient], _ r: inout CommandResult) {
        guard !jsonOutput else { return }
        guard let streamOutput else {
            r.output += clients.flatMap { CommitRequests.describe($0) }
            return
        }
        for client in clients { streamOutput(CommitRequests.describe(client).joined(separator: "\n")) }
    }

    /// The whole-client rules, checked before any request, for what this session changes; each problem
    /// names the line that staged the client.
    private func checkBeforeSending(_ i: Invocation, _ clients: [StagedClient]) throws(ShellError) {
        var notes: [String] = []
        for client in clients where client.action != .delete {
            for problem in client.introducedProblems {
                let place = client.stagedAt.map { "\($0): " } ?? ""
                notes.append("\(place)client '\(client.clientId)': \(problem.field): \(problem.message)")
            }
        }
        guard notes.isEmpty else {
            throw ShellError(.command, command: i.name, "\(notes.count) problem(s) found; nothing was sent", notes: notes)
        }
    }

    /// Writes one client; false when the commit must stop here. A client whose last write's outcome
    /// is unknown is read first: if that write was applied, it is not sent again.
    private func write(_ client: StagedClient, _ i: Invocation, _ report: inout CommitReport) throws(ShellError) -> Bool {
        let uncertain = unknownOutcomes.contains(client.clientId)
        if uncertain {
            switch learn(client, i) {
            case .applied(let copy)?:
                unknownOutcomes.remove(client.clientId)
                return succeed(client, stored: copy, before: client.base, &report, note: "found applied by the interrupted commit")
            case .notApplied?:
                unknownOutcomes.remove(client.clientId)
            case .changedElsewhere?, nil:
                report.fail(client.clientId, "its earlier write's outcome is still unknown: reading it back failed", .unknown)
                return false
            }
        }
        var serverCopy: JSONObject?
        if client.action != .create {
            let current = try readForConflict(client, i, &report)
            guard let current else { return false }
            serverCopy = current
        }
        let request = CommitRequests.request(for: forced(client, over: serverCopy), serverCopy: serverCopy)
        switch try deliver(client, request, i, uncertain: uncertain) {
        case .answered(let response) where response.isSuccess:
            return succeed(client, stored: response.body?.objectValue, before: serverCopy, &report)
        case .answered(let response) where client.restoredSecret != nil && [400, 422].contains(response.status):
            // The server would not take back its earlier sealed secret: write the rest, keep today's secret.
            var keeping = client
            keeping.restoredSecret = nil
            changeset.update(client.clientId) { $0.restoredSecret = nil }
            report.note(client.clientId, "the server refused the earlier secret; the current one stays")
            return try write(keeping, i, &report)
        case .answered(let response):
            let reason = ServerMessage.summary(response) ?? "status \(response.status)"
            journal?.outcome(client.clientId, .refused)
            report.fail(client.clientId, reason, .refused, notes: ServerMessage.fieldNotes(response))
        case .found(let copy):
            return succeed(client, stored: copy, before: serverCopy, &report, note: "no answer came; reading it back showed it applied")
        case .notSent(let reason):
            journal?.outcome(client.clientId, .notApplied)
            report.fail(client.clientId, reason, .notSent)
        case .notApplied(let reason):
            journal?.outcome(client.clientId, .notApplied)
            report.fail(client.clientId, reason, .notApplied)
        case .unknown(let reason):
            unknownOutcomes.insert(client.clientId)
            report.fail(client.clientId, reason, .unknown)
        }
        return false
    }

    /// A client written: journaled with the server's copy, shown at once, and kept selectable.
    private func succeed(
        _ client: StagedClient, stored: JSONObject?, before: JSONObject?, _ report: inout CommitReport, note: String? = nil
    ) -> Bool {
        journal?.outcome(client.clientId, .applied, stored: stored)
        commitLogEntries.append(CommitLog.entry(client, before: before, after: client.action == .delete ? nil : stored ?? client.current))
        applied(client, stored)
        appliedCount += 1
        report.succeed(client, note: note)
        var line = CommitReport.appliedLine(client)
        if let note = report.appliedNotes[client.clientId] { line += " (\(note))" }
        streamOutput?(jsonOutput ? JSONPrinter.print(CommitReport.appliedJSON(client)) : line)
        return true
    }

    /// Under `--force`, an edit goes onto the server's copy as it is now: the fields this session
    /// changed win, every other field keeps what the server holds.
    private func forced(_ client: StagedClient, over serverCopy: JSONObject?) -> StagedClient {
        guard client.action == .update, let serverCopy, let base = client.base else { return client }
        var rebased = client
        rebased.current = ClientRebase.onto(serverCopy, base: base, current: client.current)
        return rebased
    }

    /// Re-reads a client that existed and stops the commit if it changed since it was fetched.
    private func readForConflict(_ client: StagedClient, _ i: Invocation, _ report: inout CommitReport)
        throws(ShellError) -> JSONObject?
    {
        let now = try fetchClient(i, client.clientId)
        let force = i.flag("--force")
        guard let now else {
            if client.action == .delete && force { return [:] }
            report.conflict(client.clientId, ["the client was deleted on the server"])
            return nil
        }
        let changes = ClientComparison.differences(client.base ?? [:], now)
        if !changes.isEmpty && !force {
            conflictCopies[client.clientId] = now
            report.conflict(
                client.clientId,
                changes.map { change in
                    let was = change.before.map(ClientDiff.render) ?? "absent"
                    let isNow = change.after.map(ClientDiff.render) ?? "absent"
                    return "\(change.path): \(isNow) on the server now (was \(was) when fetched)"
                })
            return nil
        }
        return now
    }

    /// After a write: the client stays selectable with the server's copy as its new base.
    private func applied(_ client: StagedClient, _ stored: JSONObject?) {
        conflictCopies[client.clientId] = nil
        stagedByRollback.remove(client.clientId)
        if let secret = client.newSecret { knownSecrets[client.clientId] = secret }
        if client.action == .delete {
            changeset.remove(client.clientId)
            cache.remove(client.clientId)
            if selected == client.clientId { selected = nil }
            return
        }
        let copy = stored ?? client.current
        changeset.stage(client.clientId, action: .update, base: copy, current: copy, at: client.stagedAt)
        changeset.update(client.clientId) { $0.dropSecretWork() }
        cache.insert(client.clientId, name: copy["name"]?.stringValue)
    }

    private func finish(_ report: CommitReport, _ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let streamed = streamOutput != nil
        if !streamed { r.output += report.appliedLines }
        if jsonOutput { r.jsonLines = report.jsonLines(message: commitMessage(i), appliedAlreadyShown: streamed) }
        if report.isComplete {
            let message = commitMessage(i).map { ": \($0)" } ?? ""
            r.print("committed \(report.applied.count) client(s)\(message)")
            try afterCommit(i, &r)
            undoStack.removeAll()
            return
        }
        let partial = !report.applied.isEmpty || report.conflicted
        let category: ShellError.Category = partial ? .commit : (report.transportFailed ? .connection : .command)
        throw ShellError(category, command: i.name, report.headline, notes: report.notes)
    }

    /// `--message`, or what a revert says of itself.
    private func commitMessage(_ i: Invocation) -> String? {
        revertRunning?.message ?? i.value("--message")
    }

    /// Replication on a cluster: done with --replicate, otherwise pointed out.
    private func afterCommit(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        guard connection?.clustered == true else { return }
        if i.flag("--replicate") {
            _ = try expectSuccess(i, try call(i, APIRequest(.post, "/cluster/replicate")), "replicating")
            r.print("replicated the configuration to the cluster")
            return
        }
        let status = try call(i, APIRequest(.get, "/cluster/status"))
        if status.body?["replicationRequired"]?.boolValue == true {
            r.warn(i.name, "the cluster needs replication; run 'cluster replicate' or commit with --replicate")
        }
    }
}
