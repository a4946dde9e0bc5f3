import PFShellJSON

extension Session {
    /// The client a field command changes: `--client ID` (fetched and staged when needed) or the selected one.
    func targetClient(_ i: Invocation) throws(ShellError) -> String {
        guard let word = i.options["--client"] else {
            let id = try selectedOrFail(i)
            guard changeset[id] != nil else { throw i.error("client '\(id)' is no longer staged; use 'client edit \(id)'") }
            return id
        }
        if let staged = changeset[word.text] {
            guard staged.action != .delete else { throw i.error("client '\(word.text)' is staged for deletion", at: word) }
            return word.text
        }
        guard let client = try fetchClient(i, word.text) else {
            throw i.error("no client '\(word.text)' on the server or staged", at: word)
        }
        changeset.stage(word.text, action: .update, base: client, current: client, at: i.location)
        return word.text
    }

    /// Applies field changes to the target client's staged copy.
    func stageFields(_ i: Invocation, _ changes: [(path: String, value: JSONValue?)]) throws(ShellError) {
        let id = try targetClient(i)
        changeset.update(id) { client in
            for change in changes {
                let value = Self.keepingServerLink(change.value, at: change.path, base: client.base)
                client.current = ClientJSON.setting(value, at: change.path, in: client.current)
            }
        }
    }

    /// A reference (`{"id": ...}`) set to the id the server already has is the server's own link,
    /// read-only `location` included, so putting it back is no change at all.
    static func keepingServerLink(_ value: JSONValue?, at path: String, base: JSONObject?) -> JSONValue? {
        guard let reference = value?.objectValue, reference.keys == ["id"], let base,
            let existing = ClientJSON.value(at: path, in: base), existing["id"] == reference["id"]
        else { return value }
        return existing
    }

    /// The field a `set` or `unset` names, refused as the catalog refuses it.
    private func settableField(_ i: Invocation, for change: FieldCatalog.Change) throws(ShellError) -> FieldInfo {
        do {
            return try FieldCatalog.settableField(i.arguments[0].text, for: change)
        } catch {
            var refusal = i.error(error.message, at: i.arguments[0])
            refusal.carriesSecret = change == .set && error.kind == .secretField && i.arguments.count > 1
            throw refusal
        }
    }

    func setField(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let info = try settableField(i, for: .set)
        let value: JSONValue
        do {
            value = try FieldValue.parse(i.arguments[1].text, for: info)
        } catch {
            throw i.error(error.message, at: i.arguments[1])
        }
        if info.path == "clientId" { throw i.error("the client ID cannot change; use 'client clone'", at: i.arguments[0]) }
        for warning in FieldValue.warnings(for: value, in: info) { r.warn(i.name, warning.message) }
        try stageFields(i, [(info.path, value)])
    }

    func unsetField(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let info = try settableField(i, for: .unset)
        for required in ["clientId", "name", "grantTypes"] where info.path == required {
            throw i.error("'\(required)' is required and cannot be unset", at: i.arguments[0])
        }
        try stageFields(i, [(info.path, nil)])
    }

    // MARK: - Redirect URIs

    func checkRedirect(_ i: Invocation, _ uri: String, _ word: Word, _ r: inout CommandResult) throws(ShellError) {
        switch RedirectURI.check(uri) {
        case .failure(let error): throw i.error(error.message, at: word)
        case .success(let warning): if let warning { r.warn(i.name, warning.message) }
        }
    }

    func redirects(of id: String) -> [String] {
        (changeset[id]?.current["redirectUris"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    func addRedirects(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        for word in i.arguments { try checkRedirect(i, word.text, word, &r) }
        let id = try targetClient(i)
        var uris = redirects(of: id)
        for word in i.arguments where !uris.contains(word.text) { uris.append(word.text) }
        try stageFields(i, [("redirectUris", .array(uris.map(JSONValue.string)))])
    }

    func removeRedirects(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let id = try targetClient(i)
        let remove = Set(i.arguments.map(\.text))
        let uris = redirects(of: id).filter { !remove.contains($0) }
        try stageFields(i, [("redirectUris", .array(uris.map(JSONValue.string)))])
    }

    func listRedirects(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let id = try targetClient(i)
        let uris = redirects(of: id)
        if jsonOutput {
            r.emit(.array(uris.map(JSONValue.string)))
        } else {
            r.output += uris
        }
    }

    // MARK: - Grants and the other shortcuts

    func changeGrants(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        var named: [String] = []
        for word in i.arguments {
            do {
                named.append(try GrantType.parse(word.text).apiName)
            } catch {
                throw i.error(error.message, at: word)
            }
        }
        let id = try targetClient(i)
        var grants = (changeset[id]?.current["grantTypes"]?.arrayValue ?? []).compactMap(\.stringValue)
        switch i.spec.id {
        case .grantsSet: grants = []
        case .grantsRemove: grants.removeAll { named.contains($0) }
        default: break
        }
        if i.spec.id != .grantsRemove {
            for grant in named where !grants.contains(grant) { grants.append(grant) }
        }
        try stageFields(i, [("grantTypes", .array(grants.map(JSONValue.string)))])
    }

    func persistentGrants(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let choice: PersistentGrants.Choice
        do {
            choice = try PersistentGrants.parse(i.arguments.map(\.text))
        } catch {
            throw i.error(error.message, at: i.arguments.first, .usage)
        }
        let id = try targetClient(i)
        try stageFields(i, PersistentGrants.changes(choice, in: changeset[id]?.current ?? [:]))
    }

    func refreshRolling(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let changes: [(path: String, value: JSONValue?)]
        do {
            changes = try RefreshRolling.changes(i.arguments.map(\.text))
        } catch {
            throw i.error(error.message, at: i.arguments.first, .usage)
        }
        try stageFields(i, changes)
    }

    func setTokenManager(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let word = i.arguments[0]
        if word.text == "none" {
            try stageFields(i, [("defaultAccessTokenManagerRef", nil)])
            return
        }
        if server != nil {
            let response = try call(i, APIRequest(.get, "/oauth/accessTokenManagers/" + pathSegment(word.text)))
            if response.status == 404 {
                cache.accessTokenManagers = try listItems(i, APIRequest(.get, "/oauth/accessTokenManagers"), "listing access token managers")
                    .compactMap { $0["id"]?.stringValue }
                let known = cache.accessTokenManagers.isEmpty ? "" : "; known: \(cache.accessTokenManagers.joined(separator: ", "))"
                throw i.error("no access token manager '\(word.text)' on the server\(known)", at: word)
            }
        }
        try stageFields(i, [("defaultAccessTokenManagerRef", ["id": .string(word.text)])])
    }
}
