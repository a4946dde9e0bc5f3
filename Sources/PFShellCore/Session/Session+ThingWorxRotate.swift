import PFShellJSON

/// `thingworx rotate --file PATH`: ThingWorx's client gets a new secret without an outage. The new
/// secret goes first to a pending copy beside the settings file, so a crash after the commit cannot
/// lose it; then the rotation is committed (the current secret stays valid as a secondary secret),
/// the settings file gets the new secret, and the new secret is tested at the token endpoint.
extension Session {
    /// `platform-settings.json` → `platform-settings.json.pending-secret`: one line, mode 0600.
    static func pendingSecretPath(_ settingsPath: String) -> String {
        settingsPath + ".pending-secret"
    }

    func rotateThingWorxSecret(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        guard let path = i.value("--file") else { throw i.error("missing --file PATH (platform-settings.json)", .usage) }
        let id: String
        if let given = i.value("--client") { id = given } else { id = try selectedOrFail(i) }
        let target = SettingsTarget(
            path: path, kind: .authorizationServer(id: i.value("--auth-server-id") ?? "PingFederate"),
            runtime: i.value("--runtime-url") ?? runtimeEndpoints(i).base)
        let pending = Self.pendingSecretPath(path)
        if let left = try services.readTextFile(pending),
            try finishInterruptedRotation(i, id, target, pending, secret: Self.firstLine(left), &r)
        {
            return
        }
        let retain = try retainOption(i)
        try checkNothingElseStaged(i, id)
        guard let client = try fetchClient(i, id) else { throw i.error("no client '\(id)' on the server") }
        changeset.stage(id, action: .update, base: client, current: client, at: i.location)
        let choice = try rotationRetention(i, id, retain: retain)
        let secret = services.randomSecret(length: Self.defaultGeneratedLength)
        let plan = try settingsPlan(i, target, id, secret)
        stageRotation(id, secret, from: .file(pending), choice)
        if let staged = changeset[id] { r.output += ClientDiff.lines(staged) }
        r.output += plan.diff
        r.print(Self.retentionSentence(choice))
        guard !(i.flag("--dry-run") || alwaysDryRun) else {
            changeset.update(id) { Self.clearSecretWork(&$0) }
            r.print("dry run: nothing changed")
            return
        }
        flushOutput(&r)
        guard i.flag("--yes") || services.confirm("Rotate the secret of '\(id)' and write \(path)?") else {
            changeset.update(id) { Self.clearSecretWork(&$0) }
            r.print("nothing changed")
            return
        }
        try services.writeSecretFile(secret, to: pending)
        // The staged rotation is journaled before anything is sent, its secret read from the pending copy.
        journalChanges(changeset.stopRecording())
        changeset.startRecording(at: i.location)
        let kept = try commitRotation(i, id, pending, &r)
        try finishRotation(i, id, target, pending, secret: secret, keptError: kept, &r)
    }

    /// Where the secret goes: the settings file, the block in it, the runtime it names.
    struct SettingsTarget {
        let path: String
        let kind: ThingWorxSettings.Kind
        let runtime: String
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

    private func settingsPlan(_ i: Invocation, _ target: SettingsTarget, _ id: String, _ secret: String)
        throws(ShellError) -> ThingWorxSettings.Plan
    {
        let existing = try services.readTextFile(target.path)
        do {
            return try ThingWorxSettings.plan(
                existing: existing, kind: target.kind, clientId: id, secret: secret, runtimeURL: target.runtime)
        } catch {
            let place = error.line.map { "\(target.path):\($0):\(error.column ?? 1): " } ?? "\(target.path): "
            throw i.error("\(place)\(error.message); nothing was changed", at: i.options["--file"])
        }
    }

    /// Commits the staged rotation. A commit that surely sent nothing (refused, or stopped before the
    /// write) leaves nothing behind: the pending copy goes and the rotation is unstaged. One whose
    /// outcome is unknown keeps both for `resume`. Returns the error of a commit that was applied
    /// but whose check of the secondary secrets failed, to report after the settings file is written.
    private func commitRotation(_ i: Invocation, _ id: String, _ pending: String, _ r: inout CommandResult)
        throws(ShellError) -> ShellError?
    {
        do {
            try commit(i, &r)
            return nil
        } catch {
            let applied = changeset[id]?.newSecret == nil
            if applied { return error }
            var failure = error
            if unknownOutcomes.contains(id) {
                failure.notes.append(
                    "the new secret is kept in '\(pending)' (mode 0600); 'resume' finishes the commit, then "
                        + "'thingworx rotate --file ...' again moves it into the settings file")
            } else {
                changeset.update(id) { Self.clearSecretWork(&$0) }
                try? services.removeFile(pending)
                failure.notes.append("nothing changed: the current secret is still the only one")
            }
            throw failure
        }
    }

    private func finishRotation(
        _ i: Invocation, _ id: String, _ target: SettingsTarget, _ pending: String, secret: String, keptError: ShellError?,
        _ r: inout CommandResult
    ) throws(ShellError) {
        try moveIntoSettings(i, id, target, pending, secret: secret, &r)
        let until = Self.secondaryExpiries(changeset[id]?.base ?? [:]).compactMap { $0 }.max()
        let tested = try testRotatedSecret(i, id, secret, &r)
        if let keptError { throw keptError }
        let stillValid = until.map { "the previous secret stays valid until \($0)" } ?? "the previous secret stays valid"
        guard tested else {
            throw i.error(
                "the token endpoint refused the new secret of '\(id)'; \(stillValid), so ThingWorx keeps working until then",
                notes: ["'client test \(id)' shows the whole answer; 'secret secondaries' lists what the server keeps"])
        }
        r.print("next: restart ThingWorx (every node that reads \(target.path)); \(stillValid)")
        r.print("then, once every node uses the new secret: secret expire-old --client \(id) and commit")
    }

    /// The settings file gets the committed secret, then the pending copy goes.
    private func moveIntoSettings(
        _ i: Invocation, _ id: String, _ target: SettingsTarget, _ pending: String, secret: String, _ r: inout CommandResult
    ) throws(ShellError) {
        do {
            let plan = try settingsPlan(i, target, id, secret)
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
                "the new secret is committed and kept in '\(pending)' (mode 0600); once the file can be written, "
                    + "'thingworx rotate --file \(target.path)' moves it in")
            throw failure
        }
        do {
            try services.removeFile(pending)
        } catch {
            r.warn(i.name, "could not remove '\(pending)' (\(error.message)); it holds the new secret: remove it")
        }
    }

    /// A client-credentials token with the new secret; false when the server refused it.
    private func testRotatedSecret(_ i: Invocation, _ id: String, _ secret: String, _ r: inout CommandResult)
        throws(ShellError) -> Bool
    {
        guard let client = try? fetchClient(i, id) else {
            r.print("test: could not read '\(id)' back; 'client test \(id)' tests the new secret")
            return true
        }
        guard Self.grantTypes(of: client).contains("CLIENT_CREDENTIALS") else {
            r.print("test: not tested ('\(id)' has no client-credentials grant); the first sign-on through ThingWorx tests it")
            return true
        }
        var run = ClientTestRun(i, services: services, client: client, secret: secret, endpoints: runtimeEndpoints(i))
        do {
            try run.clientCredentials(&r)
            r.print("test: the new secret works")
            return true
        } catch where error.category == .connection {
            r.print("test: could not tell (\(error.message)); 'client test \(id)' tries again")
            return true
        } catch {
            r.print("test: failed: \(error.message)")
            return false
        }
    }

    /// A pending copy left by an interrupted rotation: when the server accepts its secret the
    /// rotation was committed, and only the settings file is left to do (true); when the server
    /// refuses it the copy is stale and goes (false: a new rotation starts).
    private func finishInterruptedRotation(
        _ i: Invocation, _ id: String, _ target: SettingsTarget, _ pending: String, secret: String, _ r: inout CommandResult
    ) throws(ShellError) -> Bool {
        guard let client = try fetchClient(i, id) else { throw i.error("no client '\(id)' on the server") }
        switch try tokenVerdict(i, client, secret) {
        case .accepted:
            r.print("'\(pending)' holds the secret of an interrupted rotation, and the server accepts it: finishing it")
            try moveIntoSettings(i, id, target, pending, secret: secret, &r)
            r.print("next: restart ThingWorx (every node that reads \(target.path)); 'secret secondaries' shows how long the old secret lasts")
            return true
        case .refused:
            if let store = journalStore, !JournalReplay(store.interrupted()).isEmpty {
                throw i.error(
                    "'\(pending)' holds the secret of an interrupted rotation, and an interrupted commit waits on this server",
                    notes: ["'resume' finishes or 'discard-interrupted' drops that commit; then run this again"])
            }
            r.print("'\(pending)' holds a secret the server refuses: that rotation never reached the server; starting a new one")
            try services.removeFile(pending)
            return false
        case .unknown(let why):
            throw i.error(
                "'\(pending)' holds the secret of an interrupted rotation, and whether the server has it could not be told (\(why))",
                notes: ["nothing changed; run this again when the runtime answers"])
        }
    }

    enum TokenVerdict: Equatable {
        case accepted, refused
        case unknown(String)
    }

    /// Whether the token endpoint takes `secret` for the client: any answer but `invalid_client`
    /// means the client authenticated (the grant or scope may still be refused).
    private func tokenVerdict(_ i: Invocation, _ client: JSONObject, _ secret: String) throws(ShellError) -> TokenVerdict {
        var caller = ClientCaller(services: services, id: client["clientId"]?.stringValue ?? "", secret: secret)
        var ignored = CommandResult()
        let response: RuntimeResponse
        do {
            response = try caller.post(runtimeEndpoints(i).token, [("grant_type", "client_credentials")], &ignored)
        } catch {
            return .unknown(error.message)
        }
        let answer = OAuthAnswer(response)
        if answer.error == "invalid_client" || response.status == 401 { return .refused }
        if response.status == 200 || ((400..<500).contains(response.status) && answer.error != nil) { return .accepted }
        return .unknown("the token endpoint answered \(answer.errorText)")
    }

    /// What the command printed so far goes out now, before a question or the commit's own lines.
    private func flushOutput(_ r: inout CommandResult) {
        guard let streamOutput, !jsonOutput, !r.output.isEmpty else { return }
        streamOutput(r.output.joined(separator: "\n"))
        r.output = []
    }

    static func clearSecretWork(_ client: inout StagedClient) {
        client.newSecret = nil
        client.secretOrigin = nil
        client.rotatesSecret = false
        client.expiresOldSecrets = false
        if let base = client.base { client.current = base }
    }

    static func firstLine(_ text: String) -> String {
        String(text.prefix { $0 != "\n" && $0 != "\r" })
    }
}
