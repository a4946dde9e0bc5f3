import PFShellJSON

/// `client diff ID --against PROFILE` and `client promote ID --from PROFILE`: one client compared
/// between two servers, and staged here as it is there. Secrets are never compared or copied:
/// each server seals its own.
extension Session {
    func diffAgainst(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let id = i.arguments[0].text
        let (name, there) = try otherCopy(i, option: "--against", id)
        let here = try fetchClient(i, id)
        switch (here, there) {
        case (nil, nil): throw i.error("no client '\(id)' here or on \(name)", at: i.arguments.first)
        case (nil, _?): r.print("client '\(id)' exists only on \(name)")
        case (_?, nil): r.print("client '\(id)' exists only here, not on \(name)")
        case (let here?, let there?):
            let lines = ClientDiff.lines(
                StagedClient(clientId: id, action: .update, base: Self.comparable(here), current: Self.comparable(there), stagedAt: nil, order: 0))
            if lines.count <= 1 {
                r.print("client '\(id)' is the same here and on \(name) (secrets are not compared)")
            } else {
                r.print("client '\(id)': - here, + \(name) (secrets are not compared)")
                r.output += lines.dropFirst()
            }
        }
    }

    func promote(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let id = i.arguments[0].text
        guard changeset[id]?.hasChanges != true else { throw i.error("client '\(id)' has staged changes; commit or discard them first") }
        let maps = try hostMaps(i)
        let (name, source) = try otherCopy(i, option: "--from", id)
        guard let source else { throw i.error("no client '\(id)' on \(name)", at: i.arguments.first) }
        var wanted = Self.comparable(source)
        for path in ["redirectUris", "oidcPolicy.logoutUris", "oidcPolicy.postLogoutRedirectUris"] {
            guard let uris = ClientJSON.value(at: path, in: wanted)?.arrayValue else { continue }
            wanted = ClientJSON.setting(.array(uris.map { uri in .string(Self.mapped(uri.stringValue ?? "", maps)) }), at: path, in: wanted)
        }
        let secret = try promotedSecret(i)
        if let here = try fetchClient(i, id) {
            // The secret and the server's own fields stay as this server has them.
            var current = wanted
            for field in FieldCatalog.secretFields {
                current = ClientJSON.setting(ClientJSON.value(at: field.path, in: here), at: field.path, in: current)
            }
            for key in ClientJSON.serverFields { current[key] = here[key] }
            changeset.stage(id, action: .update, base: here, current: current, at: i.location)
        } else {
            let needsSecret = ClientJSON.value(at: "clientAuth.type", in: wanted)?.stringValue == "SECRET"
            guard secret != nil || !needsSecret else {
                throw i.error("client '\(id)' needs a secret here, and secrets are never copied: give --secret-env VAR or --secret-file PATH")
            }
            changeset.stage(id, action: .create, base: nil, current: wanted, at: i.location)
        }
        if let secret { stageSecret(id, secret.value, from: secret.source) }
        selected = id
        let staged = changeset[id]
        let count = staged.map { ClientComparison.differences($0.base ?? [:], $0.current).count } ?? 0
        if staged?.action == .update && count == 0 && secret == nil {
            r.print("client '\(id)' is already as on \(name); nothing staged")
            changeset.remove(id)
        } else {
            r.print("staged client '\(id)' as on \(name)\(staged?.action == .create ? " (new here)" : ""); 'diff' shows it, 'commit' writes it")
        }
    }

    /// The other profile's copy of the client (nil: absent there), over a connection of its own.
    private func otherCopy(_ i: Invocation, option: String, _ id: String) throws(ShellError) -> (String, JSONObject?) {
        _ = try requireServer(i)
        guard let name = i.value(option) else { throw i.error("\(option) PROFILE is required", at: nil, .usage) }
        guard let settings = profiles[name] else {
            throw i.error("unknown profile '\(name)'; define it with 'profile define \(name) --url URL'", at: i.options[option])
        }
        let port = try services.connect(settings)
        do {
            return (name, try reading(from: port) { () throws(ShellError) -> JSONObject? in try fetchClient(i, id) })
        } catch {
            throw i.error("\(name): \(error.message)", notes: error.notes)
        }
    }

    /// A client as two servers can compare it: without the server's own fields and secret material.
    private static func comparable(_ client: JSONObject) -> JSONObject {
        var copy = ClientJSON.withoutServerFields(client)
        for field in FieldCatalog.secretFields { copy = ClientJSON.setting(nil, at: field.path, in: copy) }
        return copy
    }

    /// `--map dev.example.com=prod.example.com,dev:8443=prod:443`.
    private func hostMaps(_ i: Invocation) throws(ShellError) -> [(old: String, new: String)] {
        guard let word = i.options["--map"] else { return [] }
        var maps: [(old: String, new: String)] = []
        for pair in word.text.split(separator: ",") {
            let halves = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty else {
                throw i.error("--map takes OLD=NEW (host[:port] each), comma-separated", at: word, .usage)
            }
            maps.append((halves[0], halves[1]))
        }
        return maps
    }

    /// A URI whose host[:port] is a map's OLD, with NEW in its place.
    private static func mapped(_ uri: String, _ maps: [(old: String, new: String)]) -> String {
        guard let parts = URIParts(uri), let authority = parts.authority else { return uri }
        let hostPort = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        guard let map = maps.first(where: { $0.old.lowercased() == hostPort.lowercased() }) else { return uri }
        return String(uri[..<hostPort.startIndex]) + map.new + String(uri[hostPort.endIndex...])
    }

    private func promotedSecret(_ i: Invocation) throws(ShellError) -> (value: String, source: SecretSource)? {
        if let name = i.value("--secret-env") { return (try services.readSecret(.environment(name)), .environment(name)) }
        if let path = i.value("--secret-file") { return (try services.readSecret(.file(path)), .file(path)) }
        return nil
    }
}
