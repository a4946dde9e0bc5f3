import PFShellJSON

/// Three clients shaped as real PingFederate servers (10.3 and 12.0) export them: every field they
/// were recorded with, in the order recorded, with the recorded values. The one change is the secret:
/// the recorded `encryptedSecret` was sealed with the exporting server's key, which no other server
/// opens, so each carries a plaintext `secret` of our own instead. The redirect URI's host was
/// elided in the record; ours is a placeholder.
public enum RealServerClients {
    /// A resource server (PingAccess): only access token validation, no redirect URIs.
    public static let pingAccess: JSONObject = [
        "clientId": "PingAccess",
        "enabled": true,
        "redirectUris": [],
        "grantTypes": ["ACCESS_TOKEN_VALIDATION"],
        "name": "PingAccess",
        "description": "",
        "logoUrl": "",
        "refreshRolling": "SERVER_DEFAULT",
        "refreshTokenRollingIntervalType": "SERVER_DEFAULT",
        "persistentGrantExpirationType": "SERVER_DEFAULT",
        "persistentGrantExpirationTime": 0,
        "persistentGrantExpirationTimeUnit": "DAYS",
        "persistentGrantIdleTimeoutType": "SERVER_DEFAULT",
        "persistentGrantIdleTimeout": 0,
        "persistentGrantIdleTimeoutTimeUnit": "DAYS",
        "allowAuthenticationApiInit": false,
        "bypassApprovalPage": true,
        "restrictScopes": false,
        "requirePushedAuthorizationRequests": false,
        "restrictedScopes": [],
        "exclusiveScopes": [],
        "restrictedResponseTypes": [],
        "restrictToDefaultAccessTokenManager": false,
        "validateUsingAllEligibleAtms": false,
        "oidcPolicy": oidcPolicy,
        "clientAuth": ["type": "SECRET", "secret": "Export-Fixture-PingAccess-7f3a"],
        "deviceFlowSettingType": "SERVER_DEFAULT",
        "requireProofKeyForCodeExchange": false,
        "requireSignedRequests": false,
    ]

    /// The OAuth Playground's client: no client authentication, yet a secret it keeps.
    public static let acClient: JSONObject = [
        "clientId": "ac_client",
        "enabled": true,
        "redirectUris": ["https://pingfederate.example.com:9031/OAuthPlayground/authorization_code/callback"],
        "grantTypes": ["IMPLICIT", "AUTHORIZATION_CODE", "REFRESH_TOKEN"],
        "name": "ac_client",
        "description": "",
        "logoUrl": "",
        "refreshRolling": "SERVER_DEFAULT",
        "refreshTokenRollingIntervalType": "SERVER_DEFAULT",
        "persistentGrantExpirationType": "SERVER_DEFAULT",
        "persistentGrantExpirationTime": 0,
        "persistentGrantExpirationTimeUnit": "DAYS",
        "persistentGrantIdleTimeoutType": "SERVER_DEFAULT",
        "persistentGrantIdleTimeout": 0,
        "persistentGrantIdleTimeoutTimeUnit": "DAYS",
        "persistentGrantReuseType": "SERVER_DEFAULT",
        "allowAuthenticationApiInit": true,
        "bypassApprovalPage": true,
        "restrictScopes": true,
        "requirePushedAuthorizationRequests": false,
        "restrictedScopes": [],
        "exclusiveScopes": [],
        "restrictedResponseTypes": [],
        "restrictToDefaultAccessTokenManager": false,
        "validateUsingAllEligibleAtms": false,
        "oidcPolicy": oidcPolicy,
        "clientAuth": ["type": "NONE", "secret": "Export-Fixture-AcClient-51c9"],
        "deviceFlowSettingType": "SERVER_DEFAULT",
        "requireProofKeyForCodeExchange": false,
        "requireSignedRequests": false,
    ]

    /// A client read back with GET on a deployment: no description or logo, a bare redirect URI.
    public static let pingDirectory: JSONObject = [
        "clientId": "pingdirectory",
        "enabled": true,
        "redirectUris": ["https://bad"],
        "grantTypes": ["IMPLICIT", "CLIENT_CREDENTIALS", "ACCESS_TOKEN_VALIDATION"],
        "name": "pingdirectory",
        "refreshRolling": "SERVER_DEFAULT",
        "refreshTokenRollingIntervalType": "SERVER_DEFAULT",
        "persistentGrantExpirationType": "SERVER_DEFAULT",
        "persistentGrantExpirationTime": 0,
        "persistentGrantExpirationTimeUnit": "DAYS",
        "persistentGrantIdleTimeoutType": "SERVER_DEFAULT",
        "persistentGrantIdleTimeout": 0,
        "persistentGrantIdleTimeoutTimeUnit": "DAYS",
        "allowAuthenticationApiInit": false,
        "bypassApprovalPage": false,
        "restrictScopes": false,
        "requirePushedAuthorizationRequests": false,
        "restrictedScopes": [],
        "exclusiveScopes": [],
        "restrictedResponseTypes": [],
        "restrictToDefaultAccessTokenManager": false,
        "validateUsingAllEligibleAtms": false,
        "oidcPolicy": oidcPolicy,
        "clientAuth": ["type": "SECRET", "secret": "Export-Fixture-PingDirectory-0d82"],
        "deviceFlowSettingType": "SERVER_DEFAULT",
        "requireProofKeyForCodeExchange": false,
        "requireSignedRequests": false,
    ]

    public static let all: [JSONObject] = [pingAccess, acClient, pingDirectory]

    /// The same on all three.
    static let oidcPolicy: JSONValue = [
        "grantAccessSessionRevocationApi": false,
        "grantAccessSessionSessionManagementApi": false,
        "pingAccessLogoutCapable": false,
        "pairwiseIdentifierUserType": false,
    ]

    /// The plaintext secret a fixture carries.
    public static func secret(of client: JSONObject) -> String? {
        client["clientAuth"]?["secret"]?.stringValue
    }

    /// Every field the fixture was sent with, as dotted paths to leaves (lists are leaves), without
    /// the write-only `clientAuth.secret`: what the server must give back unchanged.
    public static func sentFields(_ client: JSONObject) -> [(path: String, value: JSONValue)] {
        leaves(client, prefix: "").filter { $0.path != "clientAuth.secret" }
    }

    /// The paths of `sentFields(sent)` whose value in `returned` is missing or different.
    public static func changedFields(sent: JSONObject, returned: JSONObject) -> [String] {
        let back = Dictionary(leaves(returned, prefix: ""), uniquingKeysWith: { first, _ in first })
        return sentFields(sent).filter { back[$0.path] != $0.value }.map(\.path)
    }

    private static func leaves(_ object: JSONObject, prefix: String) -> [(path: String, value: JSONValue)] {
        object.pairs.flatMap { key, value -> [(path: String, value: JSONValue)] in
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            if case .object(let nested) = value { return leaves(nested, prefix: path) }
            return [(path, value)]
        }
    }
}
