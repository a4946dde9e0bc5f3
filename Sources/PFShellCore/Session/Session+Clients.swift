import PFShellJSON

extension Session {
    func listClients(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let query = i.argument(0).map { [QueryItem("filter", $0)] } ?? []
        let items = try listItems(i, APIRequest(.get, "/oauth/clients", query: query), "listing clients").compactMap(\.objectValue)
        let found = items.compactMap { item in item["clientId"]?.stringValue.map { (id: $0, name: item["name"]?.stringValue) } }
        if let filter = i.argument(0) { cache.learn(filter: filter, found: found) } else { cache.replace(found) }
        if jsonOutput || i.flag("--json") {
            r.emit(.array(items.map { .object(ClientJSON.masked($0)) }))
            return
        }
        if items.isEmpty {
            r.print(i.argument(0).map { "no clients match '\($0)'" } ?? "no clients")
            return
        }
        let rows = items.map { client -> [String] in
            let grants = (client["grantTypes"]?.arrayValue ?? []).compactMap(\.stringValue)
                .map { (try? GrantType.parse($0))?.readableName ?? $0 }
            return [
                client["clientId"]?.stringValue ?? "", client["name"]?.stringValue ?? "",
                grants.joined(separator: ","), client["enabled"]?.boolValue == false ? "no" : "yes",
                String(client["redirectUris"]?.arrayValue?.count ?? 0),
            ]
        }
        r.output += TextTable.render(header: ["CLIENT ID", "NAME", "GRANT TYPES", "ENABLED", "REDIRECTS"], rows: rows)
    }

    func showClient(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let id = try argumentOrSelected(i, 0)
        let client: JSONObject
        if let staged = changeset[id], staged.action != .delete {
            client = staged.current
        } else {
            guard let fetched = try fetchClient(i, id) else { throw i.error("no client '\(id)' on the server", at: i.arguments.first) }
            client = fetched
        }
        var masked = ClientJSON.masked(client)
        if changeset[id]?.newSecret != nil {
            masked = ClientJSON.setting(.string("(set, staged)"), at: "clientAuth.secret", in: masked)
        }
        if jsonOutput || i.flag("--json") {
            r.emit(.object(masked))
            return
        }
        for (path, value) in ClientComparison.flatten(masked) {
            r.print("\(path): \(Self.display(value))")
        }
    }

    /// A value as one line: strings bare, everything else as compact JSON.
    static func display(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return JSONPrinter.print(value)
    }

    /// The argument at `index` when given, else the selected client.
    func argumentOrSelected(_ i: Invocation, _ index: Int) throws(ShellError) -> String {
        if let given = i.argument(index) { return given }
        return try selectedOrFail(i)
    }

    func selectedOrFail(_ i: Invocation) throws(ShellError) -> String {
        guard let selected else {
            let hint = i.spec.option("--client") != nil ? ", 'client edit ID' or --client ID" : " or 'client edit ID'"
            throw i.error("no client selected; use 'client new ID'\(hint)")
        }
        return selected
    }

    func newClient(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let word = i.arguments[0]
        let id = word.text
        try checkNewID(i, word)
        if checksNewIDsAtOnce || server == nil {
            if try fetchClient(i, id) != nil { throw i.error(Self.existsMessage(id), at: word) }
        } else {
            newIDsToVerify.insert(id)
        }
        let chosen = try preset(i)
        stageNew(i, id, name: i.value("--name") ?? id, description: i.value("--description"))
        if let chosen { apply(chosen, to: id, isNew: true, i, &r) }
    }

    func checkNewID(_ i: Invocation, _ word: Word) throws(ShellError) {
        let id = word.text
        guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw i.error("'\(id)' is not a valid client ID (it must be non-empty, without spaces)", at: word)
        }
        if let staged = changeset[id], staged.action != .update || staged.hasChanges {
            throw i.error("client '\(id)' is already staged (\(staged.action.rawValue)); see 'pending'", at: word)
        }
    }

    func stageNew(_ i: Invocation, _ id: String, name: String, description: String?) {
        var client: JSONObject = ["clientId": .string(id), "name": .string(name), "grantTypes": []]
        if let description { client["description"] = .string(description) }
        changeset.stage(id, action: .create, base: nil, current: client, at: i.location)
        selected = id
    }

    func editClient(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let word = i.arguments[0]
        if let staged = changeset[word.text], staged.action != .delete {
            selected = word.text
            return
        }
        guard let client = try fetchClient(i, word.text) else {
            throw i.error("no client '\(word.text)' on the server; use 'client new \(word.text)' to create it", at: word)
        }
        changeset.stage(word.text, action: .update, base: client, current: client, at: i.location)
        selected = word.text
    }

    func ensureClient(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let word = i.arguments[0]
        if let staged = changeset[word.text], staged.action != .delete {
            selected = word.text
            return
        }
        let chosen = try preset(i)
        if let client = try fetchClient(i, word.text) {
            changeset.stage(word.text, action: .update, base: client, current: client, at: i.location)
            selected = word.text
            if let chosen { apply(chosen, to: word.text, isNew: false, i, &r) }
        } else {
            try checkNewID(i, word)
            stageNew(i, word.text, name: i.value("--name") ?? word.text, description: i.value("--description"))
            if let chosen { apply(chosen, to: word.text, isNew: true, i, &r) }
        }
    }

    func deleteClient(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let word = i.arguments[0]
        if changeset[word.text]?.action == .create {
            changeset.remove(word.text)
            if selected == word.text { selected = nil }
            r.print("dropped the staged new client '\(word.text)'")
            return
        }
        guard let client = try fetchClient(i, word.text) else {
            throw i.error("no client '\(word.text)' on the server", at: word)
        }
        changeset.stage(word.text, action: .delete, base: client, current: client, at: i.location)
        if selected == word.text { selected = nil }
    }

    func cloneClient(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let source = i.arguments[0]
        let target = i.arguments[1]
        try checkNewID(i, target)
        let original: JSONObject
        if let staged = changeset[source.text], staged.action != .delete {
            original = staged.current
        } else if let fetched = try fetchClient(i, source.text) {
            original = fetched
        } else {
            throw i.error("no client '\(source.text)' on the server", at: source)
        }
        if try fetchClient(i, target.text) != nil {
            throw i.error("client '\(target.text)' already exists on the server", at: target)
        }
        let copy = ClientJSON.cloned(original, as: target.text)
        changeset.stage(target.text, action: .create, base: nil, current: copy, at: i.location)
        selected = target.text
        if ClientJSON.usesSecret(copy) {
            r.warn(i.name, "the copy has no secret; give it one with 'secret generate' or 'secret set'")
        }
    }

    func listTokenManagers(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        try listResources(i, &r, path: "/oauth/accessTokenManagers", what: "access token managers") { item in
            [item["id"]?.stringValue ?? "", item["name"]?.stringValue ?? ""]
        }
    }

    func listPolicies(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        try listResources(i, &r, path: "/oauth/openIdConnect/policies", what: "OpenID Connect policies") { item in
            [item["id"]?.stringValue ?? "", item["name"]?.stringValue ?? ""]
        }
    }

    private func listResources(
        _ i: Invocation, _ r: inout CommandResult, path: String, what: String, row: (JSONValue) -> [String]
    ) throws(ShellError) {
        let items = try listItems(i, APIRequest(.get, path), "listing \(what)")
        if path == "/oauth/accessTokenManagers" { cache.accessTokenManagers = items.compactMap { $0["id"]?.stringValue } }
        if jsonOutput || i.flag("--json") {
            r.emit(.array(items))
            return
        }
        r.output += TextTable.render(header: ["ID", "NAME"], rows: items.map(row))
    }

    /// `client rebase [ID]`: the staged edit re-applied onto the server's current copy, which
    /// becomes its new base; nothing is written. The fields both sides changed are listed: the
    /// staged value wins there, so the user can look before committing.
    func rebaseClient(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let id: String
        if let given = i.argument(0) { id = given } else { id = try selectedOrFail(i) }
        guard let staged = changeset[id], staged.action == .update, let base = staged.base else {
            throw i.error("client '\(id)' has no staged edit to rebase", at: i.arguments.first)
        }
        guard let server = try fetchClient(i, id) else {
            throw i.error("client '\(id)' was deleted on the server; 'discard \(id)' or stage it anew", at: i.arguments.first)
        }
        let both = ClientRebase.bothChanged(base: base, current: staged.current, server: server)
        let rebased = ClientRebase.onto(server, base: base, current: staged.current)
        changeset.stage(id, action: .update, base: server, current: rebased, at: staged.stagedAt)
        conflictCopies[id] = nil
        if ClientComparison.differences(base, server).isEmpty {
            r.print("client '\(id)' has not changed on the server; nothing to rebase")
        } else if both.isEmpty {
            r.print("rebased client '\(id)' onto the server's copy; no field was changed on both sides")
        } else {
            r.print("rebased client '\(id)' onto the server's copy; changed on both sides (the staged value is kept):")
            r.output += both.map { "  " + $0 }
        }
    }
}
