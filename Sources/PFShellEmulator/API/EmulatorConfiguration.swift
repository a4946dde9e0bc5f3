/// What an emulator instance is told at start.
public struct EmulatorConfiguration: Sendable {
    /// Administrator credentials checked with HTTP Basic.
    public var adminUser: String
    public var adminPassword: String
    /// When set, `Authorization: Bearer <token>` is accepted too.
    public var bearerToken: String?
    /// The OAuth clients whose access tokens, issued by this emulator's runtime with the
    /// client-credentials grant, are accepted as administrator credentials (`--admin-oauth-client`).
    public var adminOAuthClients: Set<String> = []
    /// Refuse JSON properties that the 12.1 model does not have.
    public var strict: Bool
    /// Behave like the console node of a cluster with engines, instead of a standalone server.
    public var cluster: Bool
    /// `https` or `http`: used to build `location` URLs in resource references.
    public var scheme: String
    /// Keep set-like lists (`grantTypes`, scopes, response types) in the server's own order instead
    /// of the order sent; see ``SetOrder``. Whether PingFederate does is uncertain.
    public var reorderSets: Bool
    /// Minutes a replaced client secret stays usable as a secondary secret, for clients that do not
    /// override it: `/oauth/authServerSettings`' `clientSecretRetentionPeriod` (`--secret-retention`).
    /// 0, PingFederate's default, keeps none.
    public var clientSecretRetentionPeriod: Int

    public init(
        adminUser: String = "administrator", adminPassword: String = "2FederateM0re", bearerToken: String? = nil,
        strict: Bool = false, cluster: Bool = false, scheme: String = "https", reorderSets: Bool = false,
        clientSecretRetentionPeriod: Int = 0
    ) {
        self.adminUser = adminUser
        self.adminPassword = adminPassword
        self.bearerToken = bearerToken
        self.strict = strict
        self.cluster = cluster
        self.scheme = scheme
        self.reorderSets = reorderSets
        self.clientSecretRetentionPeriod = clientSecretRetentionPeriod
    }
}
