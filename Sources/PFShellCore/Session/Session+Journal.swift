import PFShellJSON

/// The journal of what this session stages and commits, and the recovery of what an interrupted
/// session left: never picked up silently, only by `resume`, and forgotten by `discard-interrupted`.
extension Session {
    /// Opens the server's journals after a connect and says when an interrupted session left work.
    func openJournal(_ settings: ConnectionSettings, _ i: Invocation, _ r: inout CommandResult) {
        journalStore = services.journalStore(for: settings)
        journal = journalStore.map { Journal(sink: $0.sink) }
        // What this session already staged (for another server, say) goes into the new journal.
        for client in changeset.changed { journal?.client(client.clientId, client) }
        guard let store = journalStore, announcesInterrupted else { return }
        if let pending = store.pendingConfirmation() { r.warn(i.name, confirmationNotice(pending, store)) }
        let left = JournalReplay(store.interrupted())
        guard !left.isEmpty else { return }
        r.warn(i.name, Self.interruptedSummary(left) + "; " + recoveryHint)
    }

    /// `2 client(s) staged, and a commit cut short with 1 write whose outcome is unknown`.
    static func interruptedSummary(_ left: JournalReplay) -> String {
        var text = "an interrupted session left \(left.staged.count) staged client(s)"
        if left.commitInterrupted || !left.unknown.isEmpty {
            text += " and a commit cut short (\(left.unknown.count) write(s) whose outcome is unknown)"
        }
        return text
    }

    private var recoveryHint: String {
        recoveryByOptions
            ? "run 'pfsh --resume' to finish it or 'pfsh --discard-interrupted' to forget it (with this --url or --profile)"
            : "'resume' loads it and finishes its commit; 'discard-interrupted' forgets it"
    }

    /// After each command: what it changed, client by client, in the size of the change.
    func journalChanges(_ record: Changeset.Record) {
        guard let journal else { return }
        for (id, before) in record.changes {
            if case .members(let replaced) = before, let client = changeset[id] {
                journal.members(id, replaced.map { ($0.key, client.current[$0.key]) })
            } else {
                journal.client(id, changeset[id])
            }
        }
    }

    /// `resume`: loads what interrupted sessions left staged, reads back each write whose outcome is
    /// unknown, and finishes the interrupted commit.
    func resume(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        _ = try requireServer(i)
        guard let store = journalStore else { throw i.error("this session keeps no journal") }
        // A commit that waits for confirmation with no watchdog left to revert it is reverted now.
        let reverted = try revertOrphanedConfirmation(store, i, &r)
        let left = JournalReplay(store.interrupted())
        guard !left.isEmpty else {
            store.discardInterrupted()
            if !reverted { r.print("nothing to resume") }
            return
        }
        let clashing = left.staged.map(\.clientId).filter { changeset.changedIDs.contains($0) }
        guard clashing.isEmpty else {
            throw i.error("this session has staged changes of its own to \(clashing.joined(separator: ", ")); commit or discard them first")
        }
        let missingSecrets = restore(left)
        store.discardInterrupted()
        let summary = "resumed \(left.staged.count) staged client(s)" + (left.unknown.isEmpty ? "" : ", \(left.unknown.count) to read back")
        // Before the commit's lines, which stream as each client is written.
        if let streamOutput, !jsonOutput { streamOutput(summary) } else { r.print(summary) }
        let commits = left.commitInterrupted || !left.unknown.isEmpty || i.flag("--commit")
        // A write the server already applied needs its secret no more.
        let needed = commits ? missingSecrets.filter { !writeFoundApplied($0, i) } : missingSecrets
        for id in needed {
            r.warn(i.name, "client '\(id)': its new secret was typed, piped or generated and never written down (or its file is gone); give it again with 'secret set \(id) ...' before committing")
        }
        guard commits else {
            holdsResumedWork = true
            return
        }
        guard needed.isEmpty else {
            throw i.error("the interrupted commit needs the secrets above before it can finish; nothing was sent")
        }
        try commit(i, &r)
    }

    private func revertOrphanedConfirmation(_ store: any JournalStore, _ i: Invocation, _ r: inout CommandResult)
        throws(ShellError) -> Bool
    {
        guard let pending = store.pendingConfirmation(), !store.watchdogIsWaiting(for: pending.number) else { return false }
        let left = pending.deadline - store.secondsSince1970()
        let reason = left > 0 ? "no watchdog was waiting for its confirmation" : "not confirmed by its deadline, reverted by resume"
        try revertUnconfirmed(pending.number, because: reason, i, &r)
        return true
    }

    /// Stages what the journals hold, writing it to this session's journal first; returns the
    /// clients whose secret must be given again.
    private func restore(_ left: JournalReplay) -> [String] {
        var missing: [String] = []
        for client in left.staged {
            changeset.stage(client.clientId, action: client.action, base: client.base, current: client.current, at: client.stagedAt)
            if let source = left.secretSources[client.clientId] {
                if let source, let secret = try? services.readSecret(source), !secret.isEmpty {
                    stageSecret(client.clientId, secret, from: source)
                } else {
                    missing.append(client.clientId)
                }
            }
            changeset.update(client.clientId) { staged in
                staged.restoredSecret = client.restoredSecret
                staged.rotatesSecret = client.rotatesSecret && staged.newSecret != nil
                staged.expiresOldSecrets = client.expiresOldSecrets
            }
            journal?.client(client.clientId, changeset[client.clientId])
        }
        unknownOutcomes.formUnion(left.unknown.filter { changeset[$0] != nil })
        return missing
    }

    /// Whether the server shows the write of `id`, whose outcome was unknown, as applied.
    private func writeFoundApplied(_ id: String, _ i: Invocation) -> Bool {
        guard unknownOutcomes.contains(id), let client = changeset[id], case .applied? = learn(client, i) else { return false }
        return true
    }

    /// `discard-interrupted`: forgets what interrupted sessions left; nothing is sent.
    func discardInterrupted(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        _ = try requireServer(i)
        guard let store = journalStore else { throw i.error("this session keeps no journal") }
        let left = JournalReplay(store.interrupted())
        store.discardInterrupted()
        r.print(left.isEmpty ? "nothing to discard" : "forgot \(left.staged.count) staged client(s) an interrupted session left")
    }

    /// Whether the journal must outlive this session: a commit left writes whose outcome is
    /// unknown, or stopped with clients still staged, or work was resumed and not yet committed.
    public var needsRecovery: Bool {
        !unknownOutcomes.isEmpty || ((lastCommitIncomplete || holdsResumedWork) && stagedCount > 0)
    }
}
