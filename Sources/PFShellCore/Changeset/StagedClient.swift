import PFShellJSON

/// One client with staged changes: what the server had when it was fetched, what is staged now,
/// and a new secret if one is staged. Nothing here has been sent.
public struct StagedClient: Sendable, Equatable {
    public enum Action: String, Sendable {
        case create, update, delete
    }

    public let clientId: String
    public var action: Action
    /// The client as the server returned it when fetched; nil for a create.
    public var base: JSONObject?
    /// The client as it will be written.
    public var current: JSONObject
    /// A new plaintext secret to send; never shown.
    public var newSecret: String?
    /// A sealed `encryptedSecret` this server issued earlier, written back by `rollback
    /// --restore-secrets` to bring that secret back.
    public var restoredSecret: JSONValue?
    /// `secret rotate`: the new secret replaces the current one, which the server keeps for a while
    /// as a secondary secret (the retention fields are staged in `current`).
    public var rotatesSecret = false
    /// `secret expire-old`: the commit sends an empty `clientAuth.secondarySecrets`.
    public var expiresOldSecrets = false
    /// Where `newSecret` came from, for the journal: an environment variable or a file can be read
    /// again after a crash; nil for one typed, piped or generated.
    public var secretOrigin: SecretSource?
    /// The line that first staged this client, for errors found at commit.
    public var stagedAt: SourceLocation?
    /// Clients are written in the order they were first staged.
    public let order: Int

    public init(
        clientId: String, action: Action, base: JSONObject?, current: JSONObject, stagedAt: SourceLocation?, order: Int
    ) {
        self.clientId = clientId
        self.action = action
        self.base = base
        self.current = current
        self.stagedAt = stagedAt
        self.order = order
    }

    /// Whether committing this client would send a write.
    public var hasChanges: Bool {
        switch action {
        case .create, .delete: true
        case .update:
            newSecret != nil || restoredSecret != nil || expiresOldSecrets || !Self.same(base ?? [:], current)
        }
    }

    /// Equal objects first, which is immediate for a copy just taken from the server (a commit
    /// stages every written client with the server's answer as both base and current).
    private static func same(_ base: JSONObject, _ current: JSONObject) -> Bool {
        base == current || ClientComparison.differences(base, current).isEmpty
    }

    /// Forgets every change of secrets this client carries (a new, restored or rotated secret, ended
    /// secondary secrets); its fields stay as they are.
    public mutating func dropSecretWork() {
        newSecret = nil
        secretOrigin = nil
        restoredSecret = nil
        rotatesSecret = false
        expiresOldSecrets = false
    }

    /// The changed fields of an update by path, then `secret` and `secondarySecrets` when those
    /// change: `pending`, `log` and the commit log name them so.
    public var changedFields: [String] {
        var fields = ClientComparison.differences(
            ClientJSON.masked(base ?? [:]), ClientJSON.masked(current)
        ).map(\.path)
        if newSecret != nil || restoredSecret != nil { fields.append("secret") }
        if expiresOldSecrets { fields.append("secondarySecrets") }
        return fields
    }

    /// The secondary secrets the server listed when the client was fetched.
    public var secondarySecretsOnServer: [JSONValue] {
        base?["clientAuth"]?["secondarySecrets"]?.arrayValue ?? []
    }

    /// The client's secret is known to exist on the server (it came back with an `encryptedSecret`).
    public var hasSecretOnServer: Bool {
        base?["clientAuth"]?["encryptedSecret"]?.stringValue?.isEmpty == false
    }
}
