import PFShellJSON

extension Session {
    /// The preset named by `--preset`, or nil when none was given.
    func preset(_ i: Invocation) throws(ShellError) -> Preset? {
        guard let word = i.options["--preset"] else { return nil }
        guard let preset = Presets.named(word.text) else {
            let names = Presets.all.map(\.name).joined(separator: ", ")
            throw i.error("unknown preset '\(word.text)'; known: \(names)", at: word)
        }
        return preset
    }

    /// Applies a preset to a staged client; a new client without a secret gets a generated one.
    func apply(_ preset: Preset, to id: String, isNew: Bool, _ i: Invocation, _ r: inout CommandResult) {
        changeset.update(id) { client in
            for change in preset.changes(in: client.current) {
                client.current = ClientJSON.setting(change.value, at: change.path, in: client.current)
            }
            if i.value("--name") == nil && isNew { client.current["name"] = .string(preset.clientName) }
        }
        if preset.generatesSecret && isNew && changeset[id]?.newSecret == nil {
            let secret = services.randomSecret(length: Self.defaultGeneratedLength)
            changeset.update(id) { $0.newSecret = secret }
            r.print("generated a client secret for '\(id)'; 'secret show --reveal' prints it")
        }
    }

    func listPresets(_ r: inout CommandResult) {
        r.output += TextTable.render(header: ["PRESET", "WHAT IT IS FOR"], rows: Presets.all.map { [$0.name, $0.summary] })
    }

    func showPreset(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let word = i.arguments[0]
        guard let preset = Presets.named(word.text) else {
            throw i.error("unknown preset '\(word.text)'; known: \(Presets.all.map(\.name).joined(separator: ", "))", at: word)
        }
        r.print("\(preset.name): \(preset.summary)")
        r.print("  name = \(preset.clientName)  (unless --name is given)")
        for setting in preset.settings {
            let value = setting.value.map { Session.display($0) } ?? "(removed)"
            r.print("  \(setting.path) = \(value)  (\(setting.reason))")
        }
        if preset.generatesSecret {
            r.print("  secret = generated for a new client without one  (replace it with 'secret set')")
        }
    }

    /// `thingworx redirect HOST[:PORT] [--http] [--flow]`: ThingWorx's callback URIs, written as given.
    func addThingWorxRedirect(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let word = i.arguments[0]
        let host = word.text
        guard !host.isEmpty, !host.contains("/"), !host.contains(where: { $0.isWhitespace }), !host.contains("://") else {
            throw i.error("'\(host)' is not HOST or HOST:PORT (no scheme, no path)", at: word)
        }
        let scheme = i.flag("--http") ? "http" : "https"
        var paths = ["/Thingworx/oauth2_authorization_code_redirect"]
        if i.flag("--flow") { paths.append("/Thingworx/Oauths/oauth/return") }
        let uris = paths.map { "\(scheme)://\(host)\($0)" }
        if i.flag("--http") { r.warn(i.name, "plain http: the authorization code crosses the network unencrypted") }
        for uri in uris {
            if case .failure(let error) = RedirectURI.check(uri) { throw i.error(error.message, at: word) }
        }
        let id = try targetClient(i)
        var current = redirects(of: id)
        for uri in uris where !current.contains(uri) { current.append(uri) }
        try stageFields(i, [("redirectUris", .array(current.map(JSONValue.string)))])
    }
}
