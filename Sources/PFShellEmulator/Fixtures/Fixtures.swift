import PFShellJSON

/// Fixed answers for the settings resources, shaped like a fresh PingFederate 12.1.
enum Fixtures {
    static let version = "12.1.0.4"

    /// `/oauth/authServerSettings` as served: the fixture with the server's scopes from `state` and
    /// the secret retention the emulator was started with.
    static func authServerSettings(_ state: EmulatorState, clientSecretRetentionPeriod: Int) -> JSONValue {
        var settings = authServerSettings.objectValue ?? JSONObject()
        settings["clientSecretRetentionPeriod"] = .int(Int64(clientSecretRetentionPeriod))
        settings["scopes"] = .array(state.scopes.map(JSONValue.object))
        settings["exclusiveScopes"] = .array(state.exclusiveScopes.map(JSONValue.object))
        return .object(settings)
    }

    /// A `ScopeEntry` as PingFederate's Admin API shows one.
    static func scope(_ name: String, _ description: String) -> JSONObject {
        ["name": .string(name), "description": .string(description), "dynamic": false]
    }

    /// Server-wide OAuth defaults behind every `SERVER_DEFAULT` choice of a client. Its `scopes` are
    /// empty, like a fresh server's; the served document takes them from the state.
    static let authServerSettings: JSONValue = [
        "defaultScopeDescription": "",
        "scopes": [],
        "scopeGroups": [],
        "exclusiveScopes": [],
        "exclusiveScopeGroups": [],
        "authorizationCodeTimeout": 60,
        "authorizationCodeEntropy": 30,
        "disallowPlainPKCE": false,
        "includeIssuerInAuthorizationResponse": false,
        "persistentGrantLifetime": -1,
        "persistentGrantLifetimeUnit": "DAYS",
        "persistentGrantIdleTimeout": 30,
        "persistentGrantIdleTimeoutTimeUnit": "DAYS",
        "refreshTokenLength": 42,
        "rollRefreshTokenValues": false,
        "refreshTokenRollingGracePeriod": 60,
        "refreshRollingInterval": 0,
        "refreshRollingIntervalTimeUnit": "HOURS",
        "persistentGrantReuseGrantTypes": ["IMPLICIT"],
        "allowUnidentifiedClientROCreds": false,
        "allowUnidentifiedClientExtensionGrants": false,
        "tokenEndpointBaseUrl": "",
        "requireOfflineAccessScopeToIssueRefreshTokens": false,
        "offlineAccessRequireConsentPrompt": false,
        "clientSecretRetentionPeriod": 0,
        "jwtSecuredAuthorizationResponseModeLifetime": 600,
        "bypassAuthorizationForApprovedGrants": false,
        "allowedOrigins": [],
        "trackUserSessionsForLogout": false,
        "registeredAuthorizationPath": "",
        "pendingAuthorizationTimeout": 600,
        "devicePollingInterval": 5,
        "activationCodeCheckMode": "AFTER_AUTHENTICATION",
        "userAuthorizationUrl": "",
        "bypassActivationCodeConfirmation": false,
        "requirePushedAuthorizationRequests": false,
        "parReferenceTimeout": 60,
        "parReferenceLength": 24,
        "parStatus": "ENABLED",
    ]

    static func clientSettings(metadata: [JSONObject]) -> JSONValue {
        [
            "clientMetadata": .array(metadata.map(JSONValue.object)),
            "dynamicClientRegistration": [
                "allowedExclusiveScopes": [],
                "restrictCommonScopes": false,
                "restrictedCommonScopes": [],
                "allowClientDelete": false,
                "enforceReplayPrevention": false,
                "requireSignedRequests": false,
                "requireProofKeyForCodeExchange": false,
                "persistentGrantExpirationType": "SERVER_DEFAULT",
                "persistentGrantIdleTimeoutType": "SERVER_DEFAULT",
                "refreshRolling": "SERVER_DEFAULT",
                "refreshTokenRollingIntervalType": "SERVER_DEFAULT",
                "rotateClientSecret": true,
                "rotateRegistrationAccessToken": true,
                "disableRegistrationAccessTokens": false,
            ],
        ]
    }

    static let serverSettings: JSONValue = [
        "contactInfo": ["company": "pfsh emulator"],
        "rolesAndProtocols": [
            "oauthRole": ["enableOauth": true, "enableOpenIdConnect": true],
            "enableIdpDiscovery": false,
        ],
        "federationInfo": [
            "baseUrl": "https://localhost:9031",
            "saml2EntityId": "pfsh-emulator",
        ],
    ]

    /// A console node with one engine, as `/cluster/status` shows it.
    static func clusterStatus(_ state: EmulatorState) -> JSONValue {
        var status = JSONObject()
        status["nodes"] = [
            ["address": "127.0.0.1:7600", "index": 1, "mode": "CLUSTERED_CONSOLE", "nodeGroup": "", "version": .string(version)],
            [
                "address": "127.0.0.1:7601", "index": 2, "mode": "CLUSTERED_ENGINE", "nodeGroup": "",
                "version": .string(version), "nodeTags": "",
            ],
        ]
        if let updated = state.lastConfigUpdateTime {
            status["lastConfigUpdateTime"] = .string(Timestamp.format(milliseconds: updated))
        }
        if let replicated = state.lastReplicationTime {
            status["lastReplicationTime"] = .string(Timestamp.format(milliseconds: replicated))
        }
        status["replicationRequired"] = .bool(state.replicationRequired)
        status["mixedMode"] = false
        status["currentNodeIndex"] = 1
        return .object(status)
    }
}
