import PFShellJSON

/// Everything the emulator stores. A value: a request works on a copy (a ``WorkingState``), which the
/// store keeps once a change to it was saved; requests change it only after every check has passed,
/// so a refused request never leaves half a change behind.
public struct EmulatorState: Sendable, Equatable {
    /// Clients by clientId.
    public var clients: [String: StoredClient] = [:]
    /// Access token managers, as the API returns them (`id`, `name`, `pluginDescriptorRef`, ...).
    public var accessTokenManagers: [JSONObject] = []
    /// OpenID Connect policies, as the API returns them.
    public var oidcPolicies: [JSONObject] = []
    /// Names defined under `/oauth/clientSettings` `clientMetadata`: the only allowed `extendedParameters` keys.
    public var clientMetadata: [JSONObject] = []
    /// The authorization server's common scopes (`/oauth/authServerSettings` `scopes`), as
    /// `ScopeEntry` objects (`name`, `description`, `dynamic`). Any client may ask for them, unless it
    /// restricts itself with `restrictScopes`.
    public var scopes: [JSONObject] = []
    /// The exclusive scopes (`exclusiveScopes`): only clients that name them in their own
    /// `exclusiveScopes` may ask for them. A scope in neither list is refused with `invalid_scope`.
    public var exclusiveScopes: [JSONObject] = []
    /// The key that seals secrets into `encryptedSecret` values (AES-256-GCM).
    public var sealingKey: [UInt8]
    /// Cluster bookkeeping (used with `--cluster`).
    public var replicationRequired = false
    public var lastConfigUpdateTime: Int64?
    public var lastReplicationTime: Int64?

    public init(sealingKey: [UInt8]) {
        self.sealingKey = sealingKey
    }
}
