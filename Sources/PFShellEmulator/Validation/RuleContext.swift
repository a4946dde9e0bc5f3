/// What the client rules need to know about the rest of the server.
struct RuleContext {
    var accessTokenManagerIDs: Set<String>
    var oidcPolicyIDs: Set<String>
    /// `clientMetadata` parameter names and whether each may hold several values.
    var metadata: [String: Bool]
    /// The client will have a secret after this request (a new one, or one it keeps).
    var hasSecret: Bool
}
