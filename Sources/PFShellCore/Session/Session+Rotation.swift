import PFShellJSON

/// `secret rotate`, `secret secondaries` and `secret expire-old`: a new secret while the current one
/// stays valid as a secondary secret for a retention period, and the end of the old ones once every
/// consumer has the new.
extension Session {
    func rotateSecret(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let sources = ["--env", "--file", "--generate"].filter { i.options[$0] != nil }
        guard sources.count <= 1 else { throw i.error("use only one of --env VAR, --file PATH and --generate", .usage) }
        let retain = try retainOption(i)
        let id = try targetClient(i)
        let choice = try rotationRetention(i, id, retain: retain)
        let secret: String
        let origin: SecretSource?
        switch sources.first {
        case "--env"?: origin = .environment(i.value("--env") ?? "")
        case "--file"?: origin = .file(i.value("--file") ?? "")
        default: origin = nil
        }
        if let origin {
            secret = try services.readSecret(origin)
            guard !secret.isEmpty else { throw i.error("the secret is empty") }
        } else {
            secret = services.randomSecret(length: Self.defaultGeneratedLength)
        }
        stageRotation(id, secret, from: origin, fields: choice.fields)
        r.print("staged a new secret for '\(id)'; \(Self.retentionSentence(choice))")
    }

    /// `--retain DURATION` in minutes; nil when not given.
    func retainOption(_ i: Invocation) throws(ShellError) -> Int? {
        guard let word = i.options["--retain"] else { return nil }
        guard let minutes = SecretRetention.minutes(word.text) else {
            throw i.error(
                "'\(word.text)' is not a retention: whole minutes, hours or days (90m, 1h, 7d), as the server keeps minutes",
                at: word, .usage)
        }
        return minutes
    }

    /// The retention a rotation of the staged client `id` gets, after checking the client can be
    /// rotated at all; nothing is staged when it cannot.
    func rotationRetention(_ i: Invocation, _ id: String, retain: Int?) throws(ShellError) -> SecretRetention.Choice {
        guard let staged = changeset[id], staged.action == .update, let base = staged.base else {
            throw i.error("client '\(id)' is new: it has no secret to keep; use 'secret set'")
        }
        guard staged.newSecret == nil, staged.restoredSecret == nil else {
            throw i.error("a new secret is already staged for '\(id)'; 'undo' it first")
        }
        guard ClientJSON.usesSecret(staged.current), staged.hasSecretOnServer else {
            let type = ClientJSON.authenticationType(of: staged.current)
            throw i.error("client '\(id)' has no secret on the server to keep (clientAuth.type \(type)); use 'secret set'")
        }
        guard SecretRetention.modelKnowsRetention(client: base) else {
            throw i.error(
                "this server's model has no secret retention: client '\(id)' has no \(SecretRetention.typeField) or "
                    + "\(SecretRetention.periodField) (an older PingFederate); a new secret would end the current one at "
                    + "once, so nothing was staged",
                notes: ["'secret set' replaces the secret outright, if every consumer can take the new one at the same moment"])
        }
        let ownOverride = SecretRetention.clientOverride(staged.current)
        let settings = retain == nil && (ownOverride ?? 0) == 0 ? try serverSettings(i) : nil
        let serverDefault = settings?[SecretRetention.periodField]?.intValue.map(Int.init)
        guard let choice = SecretRetention.choose(retain: retain, client: staged.current, serverDefault: serverDefault) else {
            throw i.error(
                "no retention would keep the current secret of '\(id)': the server's default "
                    + "(\(SecretRetention.periodField) in /oauth/authServerSettings) is \(serverDefault ?? 0) and no --retain "
                    + "was given, so the current secret would stop working at once; nothing was staged",
                notes: ["give --retain DURATION (for example --retain 1h): the time every consumer needs to take the new secret"])
        }
        return choice
    }

    /// `/oauth/authServerSettings`, or nil when the server has no such resource.
    private func serverSettings(_ i: Invocation) throws(ShellError) -> JSONObject? {
        let response = try call(i, APIRequest(.get, "/oauth/authServerSettings"))
        if response.status == 404 { return nil }
        return try expectSuccess(i, response, "reading /oauth/authServerSettings")?.objectValue
    }

    /// A new secret marked as a rotation, with the field changes that set its retention.
    func stageRotation(
        _ id: String, _ secret: String, from origin: SecretSource?, fields: [(path: String, value: JSONValue?)]
    ) {
        stageSecret(id, secret, from: origin)
        changeset.update(id) { client in
            client.rotatesSecret = true
            for field in fields {
                client.current = ClientJSON.setting(field.value, at: field.path, in: client.current)
            }
        }
    }

    static func retentionSentence(_ choice: SecretRetention.Choice) -> String {
        let source =
            switch choice.source {
            case .option: "--retain"
            case .client: "the client's own retention"
            case .server: "the server's default"
            }
        return "at commit the current secret becomes a secondary secret, valid \(SecretRetention.text(minutes: choice.minutes)) more (\(source))"
    }

    // MARK: - Secondary secrets

    func listSecondarySecrets(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let id: String
        if let given = i.value("--client") { id = given } else { id = try selectedOrFail(i) }
        guard let client = try fetchClient(i, id) else { throw i.error("no client '\(id)' on the server") }
        let expiries = Self.secondaryExpiries(client)
        if jsonOutput || i.flag("--json") {
            r.emit(.array(expiries.map { ["expiryTime": $0.map(JSONValue.string) ?? .null] }))
            return
        }
        if expiries.isEmpty { r.print("client '\(id)' has no secondary secrets") }
        for expiry in expiries {
            r.print(expiry.map { "expires \($0)" } ?? "no expiry given by the server")
        }
        if changeset[id]?.rotatesSecret == true { r.print("(a staged rotation adds the current secret here at commit)") }
    }

    /// Each secondary secret's expiry as ISO 8601 UTC, in the server's order; nil when it gave none.
    static func secondaryExpiries(_ client: JSONObject) -> [String?] {
        ClientJSON.secondaryExpiryTimes(of: client).map { $0.map(UTCTime.iso(rfc3339:)) }
    }

    func expireOldSecrets(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let id = try targetClient(i)
        guard let staged = changeset[id], staged.action == .update else {
            throw i.error("client '\(id)' is new: it has no secondary secrets")
        }
        guard !staged.rotatesSecret else {
            throw i.error(
                "a rotation of '\(id)' is staged: ending the old secrets with it would end the current secret at once",
                notes: ["commit the rotation first; expire the old secrets once every consumer has the new one"])
        }
        let count = staged.secondarySecretsOnServer.count
        guard count > 0 else {
            r.print("client '\(id)' has no secondary secrets; nothing to expire")
            return
        }
        changeset.update(id) { $0.expiresOldSecrets = true }
        r.print("staged: the \(count) secondary secret(s) of '\(id)' stop working when committed")
    }

    /// After a commit: reads back each client whose secret was rotated or whose old secrets were
    /// ended, and says what the server kept. How a server treats an emptied list is unconfirmed, and
    /// whether it retained the old secret is the point of a rotation, so neither is assumed.
    func checkSecondarySecrets(_ clients: [StagedClient], _ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        var problems: [String] = []
        var secretLost = false
        for client in clients {
            guard let now = try? fetchClient(i, client.clientId) else {
                r.warn(i.name, "could not read '\(client.clientId)' back to see its secondary secrets; 'secret secondaries' shows them")
                continue
            }
            let before = Set(Self.secondaryExpiries(client.base ?? [:]).compactMap { $0 })
            let after = Self.secondaryExpiries(now)
            if client.rotatesSecret {
                let added = after.compactMap { $0 }.filter { !before.contains($0) }
                if let until = added.max() {
                    r.print("client '\(client.clientId)': the previous secret stays valid until \(until)")
                } else {
                    secretLost = true
                    problems.append(
                        "client '\(client.clientId)': the server kept no secondary secret: the previous secret no longer works")
                }
            } else if client.expiresOldSecrets {
                // Only the old ones count: a secret replaced in the same write may be kept anew.
                let remaining = after.filter { expiry in expiry.map { before.contains($0) } ?? true }
                if remaining.isEmpty {
                    let kept = after.isEmpty ? "only the current secret works" : "the secret this write replaced is kept as one"
                    r.print("client '\(client.clientId)': the old secondary secrets are gone; \(kept)")
                } else {
                    let until = remaining.compactMap { $0 }.max().map { " (the last expires \($0))" } ?? ""
                    problems.append(
                        "client '\(client.clientId)': the server still lists \(remaining.count) old secondary secret(s) after the write\(until)")
                }
            }
        }
        guard !problems.isEmpty else { return }
        var notes = problems
        if secretLost, let number = lastCommitNumber { notes.append("'rollback \(number) --restore-secrets' brings the previous secret back") }
        throw i.error("the commit was applied, but the secrets are not as intended", notes: notes)
    }
}
