import PFShellJSON

/// Which scopes a client may ask for at the token and authorization endpoints. The authorization
/// server defines them (`/oauth/authServerSettings`): a common scope is open to every client unless
/// the client has `restrictScopes` (then only its `restrictedScopes`); an exclusive scope only to the
/// clients that name it in their `exclusiveScopes`. Any other scope, or a malformed one, is refused
/// with `invalid_scope` (pf-real-server.md §3). An empty request is always allowed.
enum ScopeCheck {
    static func checked(_ scopes: [String], for client: RuntimeClient, in state: EmulatorState) throws(OAuthError)
        -> [String]
    {
        guard ScopeList.isValid(scopes) else { throw OAuthError.scopeNotAllowed }
        let common = names(state.scopes)
        let exclusive = names(state.exclusiveScopes)
        for scope in scopes {
            if common.contains(scope) {
                if let allowed = client.restrictedScopes, !allowed.contains(scope) { throw OAuthError.scopeNotAllowed }
            } else if !(exclusive.contains(scope) && client.exclusiveScopes.contains(scope)) {
                throw OAuthError.scopeNotAllowed
            }
        }
        return scopes
    }

    private static func names(_ entries: [JSONObject]) -> Set<String> {
        Set(entries.compactMap { $0["name"]?.stringValue })
    }
}
