/// The PingFederate 12.1 `Client` model and the objects it contains, as the server checks them:
/// every property, its type, its enum values, and which properties only the server sets.
/// Property order is the order the server writes them in.
public enum ClientModel {
    // MARK: - Enumerations

    public static let clientAuthTypes = ["NONE", "SECRET", "CERTIFICATE", "PRIVATE_KEY_JWT", "CLIENT_SECRET_JWT"]
    public static let tokenEndpointSigningAlgorithms = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "HS256", "HS384", "HS512"]
    public static let idTokenSigningAlgorithms = ["NONE", "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512"]
    public static let jweKeyAlgorithms = ["DIR", "A128KW", "A192KW", "A256KW", "A128GCMKW", "A192GCMKW", "A256GCMKW", "ECDH_ES", "ECDH_ES_A128KW", "ECDH_ES_A192KW", "ECDH_ES_A256KW", "RSA_OAEP", "RSA_OAEP_256"]
    public static let jweContentAlgorithms = ["AES_128_CBC_HMAC_SHA_256", "AES_192_CBC_HMAC_SHA_384", "AES_256_CBC_HMAC_SHA_512", "AES_128_GCM", "AES_192_GCM", "AES_256_GCM"]
    public static let logoutModes = ["NONE", "OIDC_FRONT_CHANNEL", "OIDC_BACK_CHANNEL", "PING_FRONT_CHANNEL"]
    public static let grantTypes = ["IMPLICIT", "AUTHORIZATION_CODE", "RESOURCE_OWNER_CREDENTIALS", "CLIENT_CREDENTIALS", "REFRESH_TOKEN", "EXTENSION", "DEVICE_CODE", "ACCESS_TOKEN_VALIDATION", "CIBA", "TOKEN_EXCHANGE"]
    public static let replicationStatuses = ["REPLICATED", "NOT_REPLICATED"]
    public static let refreshRollingValues = ["SERVER_DEFAULT", "DONT_ROLL", "ROLL"]
    public static let serverDefaultOrOverride = ["SERVER_DEFAULT", "OVERRIDE_SERVER_DEFAULT"]
    public static let rollingIntervalUnits = ["SECONDS", "MINUTES", "HOURS"]
    public static let expiryTypes = ["INDEFINITE_EXPIRY", "SERVER_DEFAULT", "OVERRIDE_SERVER_DEFAULT"]
    public static let grantTimeUnits = ["MINUTES", "DAYS", "HOURS"]
    public static let requestObjectSigningAlgorithms = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512"]
    public static let cibaDeliveryModes = ["POLL", "PING"]
    public static let responseSigningAlgorithms = ["RS256", "RS384", "RS512", "HS256", "HS384", "HS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512"]
    public static let serverDefaultYesNo = ["SERVER_DEFAULT", "NO", "YES"]

    // MARK: - Objects

    public static let resourceLink = ObjectSchema(
        "ResourceLink",
        [
            Field("id", .string),
        ], tolerated: ["location"]
    )

    public static let secondarySecret = ObjectSchema(
        "SecondarySecret",
        [
            Field("secret", .string),
            Field("encryptedSecret", .string),
            Field("expiryTime", .dateTime),
        ]
    )

    public static let clientAuth = ObjectSchema(
        "ClientAuth",
        [
            Field("type", .enumeration(clientAuthTypes)),
            Field("secret", .string),
            Field("encryptedSecret", .string),
            Field("secondarySecrets", .array(.object(secondarySecret), unique: false)),
            Field("clientCertIssuerDn", .string),
            Field("clientCertSubjectDn", .string),
            Field("enforceReplayPrevention", .boolean),
            Field("tokenEndpointAuthSigningAlgorithm", .enumeration(tokenEndpointSigningAlgorithms)),
        ]
    )

    public static let jwksSettings = ObjectSchema(
        "JwksSettings",
        [
            Field("jwksUrl", .string),
            Field("jwks", .string),
        ]
    )

    public static let oidcPolicy = ObjectSchema(
        "ClientOIDCPolicy",
        [
            Field("idTokenSigningAlgorithm", .enumeration(idTokenSigningAlgorithms)),
            Field("idTokenEncryptionAlgorithm", .enumeration(jweKeyAlgorithms)),
            Field("idTokenContentEncryptionAlgorithm", .enumeration(jweContentAlgorithms)),
            Field("policyGroup", .object(resourceLink)),
            Field("grantAccessSessionRevocationApi", .boolean),
            Field("grantAccessSessionSessionManagementApi", .boolean),
            Field("logoutMode", .enumeration(logoutModes)),
            Field("pingAccessLogoutCapable", .boolean),
            Field("logoutUris", .array(.string, unique: false)),
            Field("backChannelLogoutUri", .string),
            Field("postLogoutRedirectUris", .array(.string, unique: false)),
            Field("pairwiseIdentifierUserType", .boolean),
            Field("sectorIdentifierUri", .string),
        ]
    )

    public static let parameterValues = ObjectSchema(
        "ParameterValues",
        [
            Field("values", .array(.string, unique: false)),
        ]
    )

    public static let client = ObjectSchema(
        "Client",
        [
            Field("clientId", .string),
            Field("enabled", .boolean),
            Field("redirectUris", .array(.string, unique: false)),
            Field("grantTypes", .array(.enumeration(grantTypes), unique: true)),
            Field("name", .string),
            Field("description", .string),
            Field("modificationDate", .dateTime, readOnly: true),
            Field("creationDate", .dateTime, readOnly: true),
            Field("replicationStatus", .enumeration(replicationStatuses), readOnly: true),
            Field("logoUrl", .string),
            Field("defaultAccessTokenManagerRef", .object(resourceLink)),
            Field("restrictToDefaultAccessTokenManager", .boolean),
            Field("validateUsingAllEligibleAtms", .boolean),
            Field("refreshRolling", .enumeration(refreshRollingValues)),
            Field("refreshTokenRollingIntervalType", .enumeration(serverDefaultOrOverride)),
            Field("refreshTokenRollingInterval", .int64),
            Field("refreshTokenRollingIntervalTimeUnit", .enumeration(rollingIntervalUnits)),
            Field("persistentGrantExpirationType", .enumeration(expiryTypes)),
            Field("persistentGrantExpirationTime", .int64),
            Field("persistentGrantExpirationTimeUnit", .enumeration(grantTimeUnits)),
            Field("persistentGrantIdleTimeoutType", .enumeration(expiryTypes)),
            Field("persistentGrantIdleTimeout", .int64),
            Field("persistentGrantIdleTimeoutTimeUnit", .enumeration(grantTimeUnits)),
            Field("persistentGrantReuseType", .enumeration(serverDefaultOrOverride)),
            Field("persistentGrantReuseGrantTypes", .array(.enumeration(grantTypes), unique: true)),
            Field("allowAuthenticationApiInit", .boolean),
            Field("enableCookielessAuthenticationApi", .boolean),
            Field("bypassApprovalPage", .boolean),
            Field("restrictScopes", .boolean),
            Field("restrictedScopes", .array(.string, unique: true)),
            Field("exclusiveScopes", .array(.string, unique: true)),
            Field("authorizationDetailTypes", .array(.string, unique: true)),
            Field("restrictedResponseTypes", .array(.string, unique: true)),
            Field("requirePushedAuthorizationRequests", .boolean),
            Field("requireJwtSecuredAuthorizationResponseMode", .boolean),
            Field("requireSignedRequests", .boolean),
            Field("requestObjectSigningAlgorithm", .enumeration(requestObjectSigningAlgorithms)),
            Field("oidcPolicy", .object(oidcPolicy)),
            Field("clientAuth", .object(clientAuth)),
            Field("jwksSettings", .object(jwksSettings)),
            Field("extendedParameters", .map(.object(parameterValues))),
            Field("deviceFlowSettingType", .enumeration(serverDefaultOrOverride)),
            Field("userAuthorizationUrlOverride", .string),
            Field("pendingAuthorizationTimeoutOverride", .int32),
            Field("devicePollingIntervalOverride", .int32),
            Field("bypassActivationCodeConfirmationOverride", .boolean),
            Field("requireProofKeyForCodeExchange", .boolean),
            Field("cibaDeliveryMode", .enumeration(cibaDeliveryModes)),
            Field("cibaNotificationEndpoint", .string),
            Field("cibaPollingInterval", .int32),
            Field("cibaRequireSignedRequests", .boolean),
            Field("cibaRequestObjectSigningAlgorithm", .enumeration(requestObjectSigningAlgorithms)),
            Field("cibaUserCodeSupported", .boolean),
            Field("requestPolicyRef", .object(resourceLink)),
            Field("tokenExchangeProcessorPolicyRef", .object(resourceLink)),
            Field("refreshTokenRollingGracePeriodType", .enumeration(serverDefaultOrOverride)),
            Field("refreshTokenRollingGracePeriod", .int32),
            Field("clientSecretRetentionPeriodType", .enumeration(serverDefaultOrOverride)),
            Field("clientSecretRetentionPeriod", .int32),
            Field("clientSecretChangedTime", .dateTime, readOnly: true),
            Field("tokenIntrospectionSigningAlgorithm", .enumeration(responseSigningAlgorithms)),
            Field("tokenIntrospectionEncryptionAlgorithm", .enumeration(jweKeyAlgorithms)),
            Field("tokenIntrospectionContentEncryptionAlgorithm", .enumeration(jweContentAlgorithms)),
            Field("jwtSecuredAuthorizationResponseModeSigningAlgorithm", .enumeration(responseSigningAlgorithms)),
            Field("jwtSecuredAuthorizationResponseModeEncryptionAlgorithm", .enumeration(jweKeyAlgorithms)),
            Field("jwtSecuredAuthorizationResponseModeContentEncryptionAlgorithm", .enumeration(jweContentAlgorithms)),
            Field("requireDpop", .boolean),
            Field("requireOfflineAccessScopeToIssueRefreshTokens", .enumeration(serverDefaultYesNo)),
            Field("offlineAccessRequireConsentPrompt", .enumeration(serverDefaultYesNo)),
        ]
    )

    public static let clientSecret = ObjectSchema(
        "ClientSecret",
        [
            Field("secret", .string),
            Field("encryptedSecret", .string),
            Field("secondarySecrets", .array(.object(secondarySecret), unique: false)),
        ]
    )
}
