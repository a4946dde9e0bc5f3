import PFShellJSON

/// `log`, `log show N` and `rollback N`: the commits made through pfsh from this machine, and
/// going back to before one of them as ordinary staged changes.
extension Session {
    func showLog(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let log = try commitLog(i)
        var newest = Array(log.reversed())
        if let word = i.arguments.first {
            guard let count = Int(word.text), count > 0 else { throw i.error("'\(word.text)' is not a number of commits", at: word, .usage) }
            newest = Array(newest.prefix(count))
        }
        if jsonOutput {
            r.emit(.array(newest.map(Self.logJSON)))
            return
        }
        guard !newest.isEmpty else {
            r.print("no commits made through pfsh from this machine on this server")
            return
        }
        for commit in newest {
            r.print(CommitLog.header(commit))
            r.print("   " + CommitLog.summary(commit))
        }
    }

    func showLogEntry(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let commit = try loggedCommit(i)
        if jsonOutput {
            r.emit(Self.logJSON(commit))
            return
        }
        r.print(CommitLog.header(commit))
        r.output += CommitLog.diff(commit)
        if let api = commit["api"] {
            r.print("   " + CommitLog.summary(commit))
            for (label, key) in [("request", "request"), ("answer", "answer")] {
                guard let body = api[key] else { continue }
                r.print("\(label):")
                r.output += JSONPrinter.print(body, style: .pretty).split(separator: "\n").map { "  " + $0 }
            }
        }
    }

    /// Stages what returns every client of commit N and later to its state before N; a secret
    /// stays as it is now (the commit echoes the server's current sealed secret).
    func rollback(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let commit = try loggedCommit(i)
        let number = Int(commit["number"]?.intValue ?? 0)
        if commit["api"] != nil {
            throw i.error("commit \(number) is an 'api' request: rollback cannot undo it (see 'log show \(number)')", at: i.arguments.first)
        }
        let (staged, keptSecrets) = try stageReturn(toBefore: number, restoringSecrets: i.flag("--restore-secrets"), i)
        r.print("staged the return of \(staged) client(s) to their state before commit \(number); 'diff' shows it, 'commit' writes it")
        if !keptSecrets.isEmpty {
            r.warn(
                i.name,
                "\(keptSecrets.joined(separator: ", ")) keep the secret set since commit \(number); "
                    + "'rollback \(number) --restore-secrets' brings back the earlier one")
        }
    }

    /// Stages the return of every client commit `number` and later ones touched to its state
    /// before `number`: how many were staged, and those whose newer secret stays.
    func stageReturn(toBefore number: Int, restoringSecrets restoring: Bool, _ i: Invocation)
        throws(ShellError) -> (staged: Int, keptSecrets: [String])
    {
        let targets = CommitLog.rollbackTargets(try commitLog(i), from: Int64(number))
        var staged = 0
        var keptSecrets: [String] = []
        for target in targets {
            guard changeset[target.id]?.hasChanges != true else {
                throw i.error("client '\(target.id)' has staged changes; commit or discard them first")
            }
            let now = try fetchClient(i, target.id)
            // The copy pfsh last wrote is the base: a client someone changed since is a conflict at commit.
            let base = target.last ?? now
            switch (target.before, now) {
            case (nil, nil):
                continue
            case (nil, let now?):
                changeset.stage(target.id, action: .delete, base: base ?? now, current: now, at: i.location)
            case (let before?, nil):
                changeset.stage(target.id, action: .create, base: nil, current: ClientJSON.withoutServerFields(before), at: i.location)
                restoreSecret(target.id, from: before)
            case (let before?, let now?):
                changeset.stage(target.id, action: .update, base: base ?? now, current: Self.keepingSecrets(of: now, in: before), at: i.location)
                if target.secretChanged {
                    if restoring { restoreSecret(target.id, from: before) } else { keptSecrets.append(target.id) }
                }
            }
            stagedByRollback.insert(target.id)
            staged += 1
        }
        return (staged, keptSecrets)
    }

    /// The sealed secret a client had, to write back (a re-created client needs its secret anyway).
    private func restoreSecret(_ id: String, from before: JSONObject) {
        guard let sealed = ClientJSON.value(at: "clientAuth.encryptedSecret", in: before) else { return }
        changeset.update(id) { $0.restoredSecret = sealed }
    }

    /// `before` with the secret material and the server's own times of `now`: what a rollback
    /// writes keeps today's secret, and `diff` shows only fields someone changed.
    private static func keepingSecrets(of now: JSONObject, in before: JSONObject) -> JSONObject {
        var copy = before
        for field in FieldCatalog.secretFields {
            copy = ClientJSON.setting(ClientJSON.value(at: field.path, in: now), at: field.path, in: copy)
        }
        for key in ClientJSON.serverFields { copy[key] = now[key] }
        return copy
    }

    private func commitLog(_ i: Invocation) throws(ShellError) -> [JSONValue] {
        _ = try requireServer(i)
        guard let store = journalStore else { throw i.error("this session keeps no journal, so no commit log") }
        return store.commitLog()
    }

    private func loggedCommit(_ i: Invocation) throws(ShellError) -> JSONValue {
        let word = i.arguments[0]
        guard let number = Int64(word.text) else { throw i.error("'\(word.text)' is not a commit number", at: word, .usage) }
        guard let commit = try commitLog(i).first(where: { $0["number"]?.intValue == number }) else {
            throw i.error("no commit \(number) in this machine's log of this server; 'log' lists them", at: word)
        }
        return commit
    }

    /// `{"number", "time", "user", "message"?, "complete", "clients": [{"clientId", "action", "fields"}]}`.
    private static func logJSON(_ commit: JSONValue) -> JSONValue {
        var object: JSONObject = [
            "number": commit["number"] ?? .null, "time": .string(UTCTime.text(secondsSince1970: commit["time"]?.intValue ?? 0)),
            "user": commit["user"] ?? .null, "complete": commit["complete"] ?? .null,
        ]
        if let message = commit["message"] { object["message"] = message }
        if let api = commit["api"] { object["api"] = api }
        object["clients"] = .array(
            CommitLog.clients(commit).map { client in
                let fields = client.changedFields.map(JSONValue.string)
                return ["clientId": .string(client.clientId), "action": .string(client.action.rawValue), "fields": .array(fields)]
            })
        return .object(object)
    }
}
