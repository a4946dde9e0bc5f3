import PFShellJSON

/// What `thingworx rotate` writes into a settings file: the new secret, and nothing else the file
/// already says (its URLs may point at a load balancer or a name ThingWorx uses, not the admin host).
extension ThingWorxSettings {
    /// Only the block's `clientSecret` when the block names `clientId`; the whole block, as
    /// ``plan(existing:kind:clientId:secret:runtimeURL:)`` writes it, when the file or the block is
    /// new. A block of another client is refused: its secret is not this client's to replace.
    public static func rotationPlan(
        existing: String?, kind: Kind, clientId: String, secret: String, runtimeURL: String
    ) throws(SettingsError) -> Plan {
        let document = try SettingsDocument(existing)
        let location = Location(kind: kind, blockKey: authorizationServersSpelling(in: document.root, kind: kind))
        guard let block = try location.block(in: document.root) else {
            return try plan(existing: existing, kind: kind, clientId: clientId, secret: secret, runtimeURL: runtimeURL)
        }
        let fileClient = block["clientId"]?.stringValue ?? ""
        guard fileClient == clientId else {
            let named = fileClient.isEmpty ? "names no client" : "is for client '\(fileClient)'"
            throw SettingsError(
                message: "\(location.path("clientId").dropLast(".clientId".count)) \(named), not '\(clientId)'; "
                    + "a rotation only replaces the secret of the client the file already names")
        }
        var updated = block
        let old = block["clientSecret"]
        updated["clientSecret"] = .string(secret)
        let root = location.store(updated, in: document.root)
        if let existing, root == document.root {
            return Plan(text: existing, diff: [], changed: false, keptExistingSecret: false)
        }
        let path = location.path("clientSecret")
        return Plan(
            text: document.render(root), diff: [old == nil ? "+ \(path): (set)" : "~ \(path): (changed)"], changed: true,
            keptExistingSecret: false)
    }

    /// The token endpoint the file's block points ThingWorx at (`tokenUri`, or a resource server's
    /// `oauthTokenEndPoint`); nil when the file, the block or the key is missing.
    public static func tokenURL(existing: String?, kind: Kind) -> String? {
        guard let document = try? SettingsDocument(existing) else { return nil }
        let location = Location(kind: kind, blockKey: authorizationServersSpelling(in: document.root, kind: kind))
        let key = if case .resourceServer = kind { "oauthTokenEndPoint" } else { "tokenUri" }
        guard let block = try? location.block(in: document.root), let url = block[key]?.stringValue,
            !ModelText.trimmed(url).isEmpty
        else { return nil }
        return url
    }
}
