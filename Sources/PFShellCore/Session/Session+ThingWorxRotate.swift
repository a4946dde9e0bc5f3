import PFShellJSON

/// `thingworx rotate --file PATH`: ThingWorx's client gets a new secret without an outage. The new
/// secret goes first to a pending copy beside the settings file, so a crash after the commit cannot
/// lose it; then the rotation is committed (a new retention first, see `commit`; the current secret
/// stays valid as a secondary secret), the settings file gets the new secret, and the new secret
/// gets a token.
extension Session {
    func rotateThingWorxSecret(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        guard let path = i.value("--file") else { throw i.error("missing --file PATH (platform-settings.json)", .usage) }
        let id: String
        if let given = i.value("--client") { id = given } else { id = try selectedOrFail(i) }
        let existing = try services.readTextFile(path)
        let target = try settingsTarget(i, path, existing)
        let pendingPath = PendingRotation.path(beside: path)
        if let left = try services.readTextFile(pendingPath),
            try settleLeftover(i, id, target, pendingPath, PendingRotation(text: left), &r)
        {
            return
        }
        let retain = try retainOption(i)
        try checkNothingElseStaged(i, id)
        guard let client = try fetchClient(i, id) else { throw i.error("no client '\(id)' on the server") }
        changeset.stage(id, action: .update, base: client, current: client, at: i.location)
        let choice = try rotationRetention(i, id, retain: retain)
        let secret = services.randomSecret(length: Self.defaultGeneratedLength)
        let plan = try rotationSettingsPlan(i, target, id, secret)
        stageRotation(id, secret, from: .file(pendingPath), fields: choice.fields)
        if let staged = changeset[id] { r.output += ClientDiff.lines(staged) }
        r.output += plan.diff
        r.print(Self.retentionSentence(choice))
        guard !(i.flag("--dry-run") || alwaysDryRun) else {
            changeset.update(id) { Self.clearSecretWork(&$0) }
            r.print("dry run: nothing changed")
            return
        }
        emitNow(nil, &r)
        guard i.flag("--yes") || services.confirm("Rotate the secret of '\(id)' and write \(path)?") else {
            changeset.update(id) { Self.clearSecretWork(&$0) }
            r.print("nothing changed")
            return
        }
        let pending = PendingRotation(
            secret: secret, clientId: id, secretChangedBefore: client["clientSecretChangedTime"]?.stringValue)
        do {
            try services.writeSecretFile(pending.text, to: pendingPath)
        } catch {
            changeset.update(id) { Self.clearSecretWork(&$0) }
            throw error
        }
        let kept = try commitRotation(i, id, pendingPath, &r)
        try finishRotation(i, id, target, pendingPath, secret: secret, before: client, keptError: kept, &r)
    }

    /// Where the secret goes: the settings file, the block in it, and the token endpoint to test it
    /// at: `--runtime-url`, else the one the file points ThingWorx at, else the admin host's.
    struct SettingsTarget {
        let path: String
        let kind: ThingWorxSettings.Kind
        let runtime: String
        let endpoints: RuntimeEndpoints
    }

    private func settingsTarget(_ i: Invocation, _ path: String, _ existing: String?) throws(ShellError) -> SettingsTarget {
        let kind = ThingWorxSettings.Kind.authorizationServer(id: i.value("--auth-server-id") ?? "PingFederate")
        let runtime = i.value("--runtime-url") ?? runtimeEndpoints(i).base
        let fileToken = i.value("--runtime-url") == nil ? ThingWorxSettings.tokenURL(existing: existing, kind: kind) : nil
        return SettingsTarget(
            path: path, kind: kind, runtime: runtime,
            endpoints: fileToken.map { RuntimeEndpoints(tokenURL: $0) } ?? RuntimeEndpoints(base: runtime))
    }

    /// The rotation commits, so it goes alone: other staged work would be committed with it.
    private func checkNothingElseStaged(_ i: Invocation, _ id: String) throws(ShellError) {
        let others = changeset.changed.map(\.clientId)
        guard others.isEmpty else {
            let list = others.prefix(5).joined(separator: ", ") + (others.count > 5 ? ", ..." : "")
            let what = others == [id] ? "client '\(id)' has staged changes" : "\(others.count) client(s) have staged changes (\(list))"
            throw i.error("thingworx rotate commits, and \(what); commit or discard them first")
        }
    }

    private func rotationSettingsPlan(_ i: Invocation, _ target: SettingsTarget, _ id: String, _ secret: String)
        throws(ShellError) -> ThingWorxSettings.Plan
    {
        let existing = try services.readTextFile(target.path)
        do {
            return try ThingWorxSettings.rotationPlan(
                existing: existing, kind: target.kind, clientId: id, secret: secret, runtimeURL: target.runtime)
        } catch {
            let place = error.line.map { "\(target.path):\($0):\(error.column ?? 1): " } ?? "\(target.path): "
            throw i.error("\(place)\(error.message); nothing was changed", at: i.options["--file"])
        }
    }

    /// This command commits, so what it staged is journaled here, before the commit sends it.
    private func journalStagedSoFar(_ i: Invocation) {
        journalChanges(changeset.stopRecording())
        changeset.startRecording(at: i.location)
    }

    /// Commits the staged rotation. One that surely sent nothing (refused, or stopped before the
    /// write) leaves nothing behind: the rotation is unstaged and the pending copy goes. One whose
    /// outcome is unknown keeps both. Returns the error of a commit that was applied but whose check
    /// of the secondary secrets failed, to report after the settings file is written.
    private func commitRotation(_ i: Invocation, _ id: String, _ pendingPath: String, _ r: inout CommandResult)
        throws(ShellError) -> ShellError?
    {
        journalStagedSoFar(i)
        do {
            try commit(i, &r)
            return nil
        } catch {
            if changeset[id]?.newSecret == nil { return error }
            var failure = error
            if unknownOutcomes.contains(id) {
                failure.notes.append(
                    "the new secret is kept in '\(pendingPath)' (mode 0600) and the rotation stays staged: 'commit' "
                        + "finishes it, then 'thingworx rotate --file ...' again moves the secret into the settings file")
            } else {
                changeset.update(id) { Self.clearSecretWork(&$0) }
                journal?.client(id, changeset[id])
                try? services.removeFile(pendingPath)
                failure.notes.append("the secret was not changed: the current secret still works")
            }
            throw failure
        }
    }

    private func finishRotation(
        _ i: Invocation, _ id: String, _ target: SettingsTarget, _ pendingPath: String, secret: String,
        before: JSONObject, keptError: ShellError?, _ r: inout CommandResult
    ) throws(ShellError) {
        try moveIntoSettings(i, id, target, pendingPath, secret: secret, &r)
        // The expiry this rotation added, not a later one an earlier rotation left.
        let earlier = Set(Self.secondaryExpiries(before).compactMap { $0 })
        let until = Self.secondaryExpiries(changeset[id]?.base ?? [:]).compactMap { $0 }.filter { !earlier.contains($0) }.max()
        let tested = try testRotatedSecret(i, id, secret, target.endpoints, &r)
        if var keptError {
            // The settings file already holds the new secret: restarting ThingWorx is the way back.
            keptError.notes = keptError.notes.filter { !$0.contains("rollback") }
            keptError.notes.append("\(target.path) holds the new secret: restart ThingWorx now")
            throw keptError
        }
        let stillValid = until.map { "the previous secret stays valid until \($0)" } ?? "the previous secret stays valid"
        guard tested else {
            var notes = ["'client test \(id)' shows the whole answer; 'secret secondaries' lists what the server keeps"]
            if connection?.clustered == true && !i.flag("--replicate") {
                notes.insert("on a cluster the engines refuse the new secret until 'cluster replicate'", at: 0)
            }
            throw i.error(
                "the token endpoint refused the new secret of '\(id)'; \(stillValid), so ThingWorx keeps working until then",
                notes: notes)
        }
        r.print("next: restart ThingWorx (every node that reads \(target.path)); \(stillValid)")
        r.print("then, once every node uses the new secret: secret expire-old --client \(id) and commit")
    }

    /// The settings file gets the committed secret, then the pending copy goes.
    private func moveIntoSettings(
        _ i: Invocation, _ id: String, _ target: SettingsTarget, _ pendingPath: String, secret: String,
        _ r: inout CommandResult
    ) throws(ShellError) {
        do {
            let plan = try rotationSettingsPlan(i, target, id, secret)
            if plan.changed {
                let existed = try services.readTextFile(target.path) != nil
                try services.writeSettingsFile(plan.text, to: target.path)
                let backup = existed ? " (the previous version, old secret included, in \(target.path).bak)" : " (new file, mode 0600)"
                r.print("wrote \(target.path) with the new secret\(backup)")
            } else {
                r.print("\(target.path) already holds the new secret")
            }
        } catch {
            var failure = error
            failure.notes.append(
                "the new secret is committed and kept in '\(pendingPath)' (mode 0600); once the file can be written, "
                    + "'thingworx rotate --file \(target.path)' moves it in")
            throw failure
        }
        do {
            try services.removeFile(pendingPath)
        } catch {
            r.warn(i.name, "could not remove '\(pendingPath)' (\(error.message)); it holds the new secret: remove it")
        }
    }

    /// A client-credentials token with the new secret; false only when the server refused the secret.
    private func testRotatedSecret(
        _ i: Invocation, _ id: String, _ secret: String, _ endpoints: RuntimeEndpoints, _ r: inout CommandResult
    ) throws(ShellError) -> Bool {
        guard let client = try? fetchClient(i, id) else {
            r.print("test: could not read '\(id)' back; 'client test \(id)' tests the new secret")
            return true
        }
        guard Self.grantTypes(of: client).contains("CLIENT_CREDENTIALS") else {
            r.print("test: not tested ('\(id)' has no client-credentials grant); the first sign-on through ThingWorx tests it")
            return true
        }
        let type = ClientJSON.authenticationType(of: client)
        guard type == "SECRET" else {
            r.print("test: not tested ('\(id)' authenticates with \(type), which pfsh does not test)")
            return true
        }
        switch tokenVerdict(i, client, secret, endpoints) {
        case .accepted(let summary):
            r.print("test: the new secret works (\(summary))")
            return true
        case .refused:
            r.print("test: failed: the token endpoint answered invalid_client")
            return false
        case .unknown(let why):
            r.print("test: could not tell (\(why)); 'client test \(id)' tries again")
            return true
        }
    }

    enum TokenVerdict: Equatable {
        case accepted(String)
        case refused
        case unknown(String)
    }

    /// Whether the token endpoint takes `secret` for the client: a token, or a refusal of the grant
    /// or scope that comes only after the client authenticated, is acceptance; `invalid_client` is
    /// refusal; anything else (a 5xx, a proxy's page, no answer) cannot tell.
    private func tokenVerdict(_ i: Invocation, _ client: JSONObject, _ secret: String, _ endpoints: RuntimeEndpoints)
        -> TokenVerdict
    {
        var caller = ClientCaller(services: services, id: client["clientId"]?.stringValue ?? "", secret: secret)
        var ignored = CommandResult()
        let response: RuntimeResponse
        do {
            response = try caller.post(endpoints.token, [("grant_type", "client_credentials")], &ignored)
        } catch {
            return .unknown(error.message)
        }
        let answer = OAuthAnswer(response)
        if response.status == 200, answer.accessToken != nil { return .accepted("token: \(answer.tokenSummary)") }
        if answer.error == "invalid_client" { return .refused }
        if response.status == 400, let error = answer.error, ["unauthorized_client", "invalid_scope", "unsupported_grant_type"].contains(error) {
            return .accepted("the client authenticated; the grant was refused with \(error)")
        }
        return .unknown("the token endpoint answered \(answer.errorText)")
    }

    // MARK: - A pending copy left behind

    /// A pending copy an earlier run left. When it is this client's and the server has its secret
    /// (the client's secret changed since the copy was written, and the token endpoint takes it),
    /// only the settings file is left to do (true: done). When the client's secret has not changed
    /// since, that rotation never reached the server, and the copy goes (false: a new one starts).
    /// Anything else stops with the copy kept: it may hold the only copy of a committed secret.
    private func settleLeftover(
        _ i: Invocation, _ id: String, _ target: SettingsTarget, _ pendingPath: String, _ left: PendingRotation,
        _ r: inout CommandResult
    ) throws(ShellError) -> Bool {
        if let owner = left.clientId, owner != id {
            throw i.error(
                "'\(pendingPath)' holds the new secret of client '\(owner)' from an interrupted rotation",
                notes: ["'thingworx rotate --client \(owner) --file \(target.path)' finishes it"])
        }
        if changeset[id]?.rotatesSecret == true || unknownOutcomes.contains(id) {
            throw i.error(
                "a rotation of '\(id)' is still staged in this session, its secret in '\(pendingPath)'",
                notes: ["'commit' finishes it; then run this again to move the secret into the settings file"])
        }
        if let store = journalStore, !JournalReplay(store.interrupted()).isEmpty {
            throw i.error(
                "'\(pendingPath)' holds the secret of an interrupted rotation, and an interrupted commit waits on this server",
                notes: ["'resume' finishes that commit (it reads the secret from the pending copy); then run this again"])
        }
        guard let client = try fetchClient(i, id) else { throw i.error("no client '\(id)' on the server") }
        if let before = left.secretChangedBefore, client["clientSecretChangedTime"]?.stringValue == before {
            guard !(i.flag("--dry-run") || alwaysDryRun) else {
                r.print("'\(pendingPath)' is left from a rotation that never reached the server; a run without --dry-run removes it")
                return false
            }
            try services.removeFile(pendingPath)
            r.print("'\(pendingPath)' was left by a rotation that never reached the server (the secret has not changed since); removed it")
            return false
        }
        let type = ClientJSON.authenticationType(of: client)
        guard type == "SECRET" else {
            throw i.error(
                "'\(pendingPath)' holds the secret of an interrupted rotation of '\(id)', whose secret changed since; "
                    + "pfsh cannot test the secret of a \(type) client",
                notes: ["the copy very likely holds the committed secret: put its first line into the settings file by hand, then remove it"])
        }
        switch tokenVerdict(i, client, left.secret, target.endpoints) {
        case .accepted:
            return try finishLeftover(i, id, target, pendingPath, left.secret, &r)
        case .refused:
            throw i.error(
                "'\(pendingPath)' holds the secret of an interrupted rotation of '\(id)', and the token endpoint refuses it",
                notes: [
                    "the copy is kept: on a cluster the engines take a new secret only after 'cluster replicate', and a disabled client is refused too",
                    "once sure no rotation of '\(id)' is pending, remove the file and run this again",
                ])
        case .unknown(let why):
            throw i.error(
                "'\(pendingPath)' holds the secret of an interrupted rotation, and whether the server has it could not be told (\(why))",
                notes: ["nothing changed; run this again when the runtime answers"])
        }
    }

    /// The server has the pending secret: the settings file gets it, after showing the change.
    private func finishLeftover(
        _ i: Invocation, _ id: String, _ target: SettingsTarget, _ pendingPath: String, _ secret: String,
        _ r: inout CommandResult
    ) throws(ShellError) -> Bool {
        r.print("'\(pendingPath)' holds the secret of an interrupted rotation, and the server accepts it: finishing it")
        r.output += try rotationSettingsPlan(i, target, id, secret).diff
        guard !(i.flag("--dry-run") || alwaysDryRun) else {
            r.print("dry run: nothing changed")
            return true
        }
        emitNow(nil, &r)
        guard i.flag("--yes") || services.confirm("Write the new secret of '\(id)' into \(target.path)?") else {
            r.print("nothing changed; the new secret stays in '\(pendingPath)'")
            return true
        }
        try moveIntoSettings(i, id, target, pendingPath, secret: secret, &r)
        r.print("next: restart ThingWorx (every node that reads \(target.path)); 'secret secondaries' shows how long the old secret lasts")
        return true
    }

    /// Back to the copy fetched from the server, with no secret work.
    static func clearSecretWork(_ client: inout StagedClient) {
        client.dropSecretWork()
        if let base = client.base { client.current = base }
    }
}
