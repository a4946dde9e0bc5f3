import PFShellJSON

/// What the server fills in for properties a create or full-replace leaves out. The spec and Ping's
/// Terraform provider agree on these (pf-admin-api reference §3.1); `SERVER_DEFAULT` for every
/// `*Type` choice, empty lists, and `false` for the switches.
enum ClientDefaults {
    static let topLevel: [(String, JSONValue)] = [
        ("enabled", true),
        ("redirectUris", []),
        ("restrictToDefaultAccessTokenManager", false),
        ("validateUsingAllEligibleAtms", false),
        ("refreshRolling", "SERVER_DEFAULT"),
        ("refreshTokenRollingIntervalType", "SERVER_DEFAULT"),
        ("refreshTokenRollingIntervalTimeUnit", "HOURS"),
        ("persistentGrantExpirationType", "SERVER_DEFAULT"),
        ("persistentGrantIdleTimeoutType", "SERVER_DEFAULT"),
        ("persistentGrantReuseType", "SERVER_DEFAULT"),
        ("persistentGrantReuseGrantTypes", []),
        ("allowAuthenticationApiInit", false),
        ("enableCookielessAuthenticationApi", false),
        ("bypassApprovalPage", false),
        ("restrictScopes", false),
        ("restrictedScopes", []),
        ("exclusiveScopes", []),
        ("authorizationDetailTypes", []),
        ("restrictedResponseTypes", []),
        ("requirePushedAuthorizationRequests", false),
        ("requireJwtSecuredAuthorizationResponseMode", false),
        ("requireSignedRequests", false),
        ("deviceFlowSettingType", "SERVER_DEFAULT"),
        ("requireProofKeyForCodeExchange", false),
        ("cibaDeliveryMode", "POLL"),
        ("cibaPollingInterval", 3),
        ("refreshTokenRollingGracePeriodType", "SERVER_DEFAULT"),
        ("clientSecretRetentionPeriodType", "SERVER_DEFAULT"),
        ("requireDpop", false),
        ("requireOfflineAccessScopeToIssueRefreshTokens", "SERVER_DEFAULT"),
        ("offlineAccessRequireConsentPrompt", "SERVER_DEFAULT"),
    ]

    static let oidcPolicy: [(String, JSONValue)] = [
        ("grantAccessSessionRevocationApi", false),
        ("grantAccessSessionSessionManagementApi", false),
        ("logoutMode", "NONE"),
        ("pingAccessLogoutCapable", false),
        ("logoutUris", []),
        ("postLogoutRedirectUris", []),
        ("pairwiseIdentifierUserType", false),
    ]

    /// Fills in the defaults and applies the server's own resets, then puts properties in model order.
    static func apply(to client: JSONObject) -> JSONObject {
        var result = client
        for (key, value) in topLevel where result[key] == nil { result[key] = value }
        var policy = result["oidcPolicy"]?.objectValue ?? JSONObject()
        for (key, value) in oidcPolicy where policy[key] == nil { policy[key] = value }
        result["oidcPolicy"] = .object(ordered(policy, ClientModel.oidcPolicy))
        var auth = result["clientAuth"]?.objectValue ?? JSONObject()
        if auth["type"] == nil { auth["type"] = "NONE" }
        result["clientAuth"] = .object(ordered(auth, ClientModel.clientAuth))
        if result["requireOfflineAccessScopeToIssueRefreshTokens"]?.stringValue != "YES" {
            result["offlineAccessRequireConsentPrompt"] = "SERVER_DEFAULT"  // only meaningful with YES
        }
        return ordered(result, ClientModel.client)
    }

    static func ordered(_ object: JSONObject, _ schema: ObjectSchema) -> JSONObject {
        JSONObject(schema.fields.compactMap { field in object[field.name].map { (field.name, $0) } })
    }
}
