import PFShellJSON

/// A stored client as the runtime endpoints read it: the fields that decide who may do what.
struct RuntimeClient {
    let stored: StoredClient

    var id: String { stored.clientId }
    var fields: JSONObject { stored.fields }

    /// A missing `enabled` means enabled, as the Admin API's default does.
    var isEnabled: Bool { fields["enabled"]?.boolValue ?? true }

    var grantTypes: Set<String> {
        Set((fields["grantTypes"]?.arrayValue ?? []).compactMap(\.stringValue))
    }

    func allows(_ grantType: String) -> Bool { grantTypes.contains(grantType) }

    var redirectURIs: [String] { (fields["redirectUris"]?.arrayValue ?? []).compactMap(\.stringValue) }

    /// `clientAuth.type`: `NONE`, `SECRET`, `CERTIFICATE`, `PRIVATE_KEY_JWT` or `CLIENT_SECRET_JWT`.
    var authenticationType: String { fields["clientAuth"]?["type"]?.stringValue ?? "NONE" }

    var requiresPKCE: Bool { fields["requireProofKeyForCodeExchange"]?.boolValue ?? false }

    /// The scopes the client is limited to, when `restrictScopes` is on.
    var restrictedScopes: Set<String>? {
        guard fields["restrictScopes"]?.boolValue == true else { return nil }
        return Set((fields["restrictedScopes"]?.arrayValue ?? []).compactMap(\.stringValue))
    }

    /// The server's exclusive scopes this client may ask for (`exclusiveScopes`).
    var exclusiveScopes: Set<String> {
        Set((fields["exclusiveScopes"]?.arrayValue ?? []).compactMap(\.stringValue))
    }

    /// `restrictedResponseTypes`; empty means every response type the grant types allow.
    var restrictedResponseTypes: [String] {
        (fields["restrictedResponseTypes"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    /// Whether a refresh rolls the refresh token: `ROLL` and `DONT_ROLL` decide, `SERVER_DEFAULT`
    /// follows `rollRefreshTokenValues`.
    func rollsRefreshTokens(_ settings: RuntimeSettings) -> Bool {
        switch fields["refreshRolling"]?.stringValue ?? "SERVER_DEFAULT" {
        case "ROLL": true
        case "DONT_ROLL": false
        default: settings.rollRefreshTokenValues
        }
    }

    /// Seconds a rolled refresh token stays usable.
    func rollingGracePeriod(_ settings: RuntimeSettings) -> Int64 {
        guard fields["refreshTokenRollingGracePeriodType"]?.stringValue == "OVERRIDE_SERVER_DEFAULT",
            let seconds = fields["refreshTokenRollingGracePeriod"]?.intValue
        else { return settings.refreshTokenRollingGracePeriod }
        return max(0, seconds)
    }

    /// Seconds a refresh token must have lived before it is rolled.
    func rollingInterval(_ settings: RuntimeSettings) -> Int64 {
        guard fields["refreshTokenRollingIntervalType"]?.stringValue == "OVERRIDE_SERVER_DEFAULT",
            let interval = fields["refreshTokenRollingInterval"]?.intValue
        else { return settings.refreshRollingInterval }
        return max(0, interval)
            * RuntimeSettings.seconds(in: fields["refreshTokenRollingIntervalTimeUnit"]?.stringValue ?? "HOURS")
    }

    /// Seconds a persistent grant lives; nil when it never expires.
    func persistentGrantLifetime(_ settings: RuntimeSettings) -> Int64? {
        switch fields["persistentGrantExpirationType"]?.stringValue ?? "SERVER_DEFAULT" {
        case "INDEFINITE_EXPIRY":
            return nil
        case "OVERRIDE_SERVER_DEFAULT":
            guard let time = fields["persistentGrantExpirationTime"]?.intValue else {
                return settings.persistentGrantLifetime
            }
            guard time >= 0 else { return nil }  // -1: the override says "never"
            return time * RuntimeSettings.seconds(in: fields["persistentGrantExpirationTimeUnit"]?.stringValue ?? "DAYS")
        default:
            return settings.persistentGrantLifetime
        }
    }

    /// Minutes an access token lives: the `Token Lifetime` of the client's default access token
    /// manager, else of the first one the server has, else PingFederate's default of 120.
    func accessTokenLifetimeMinutes(_ state: EmulatorState, _ settings: RuntimeSettings) -> Int64 {
        let managerID = fields["defaultAccessTokenManagerRef"]?["id"]?.stringValue
        let manager =
            state.accessTokenManagers.first { managerID != nil && $0["id"]?.stringValue == managerID }
            ?? state.accessTokenManagers.first
        let lifetime = manager?["configuration"]?["fields"]?.arrayValue?
            .first { $0["name"]?.stringValue == "Token Lifetime" }?["value"]?.stringValue
            .flatMap { Int64($0) }
        guard let lifetime, lifetime > 0 else { return settings.defaultAccessTokenLifetimeMinutes }
        return lifetime
    }
}
