/// The fields of the 12.1 Client model in the spec's property order; the members of `clientAuth`,
/// `oidcPolicy` and `jwksSettings` stand where their object stands.
extension FieldCatalog {
    private typealias E = ClientEnums

    private static func field(_ path: String, _ kind: FieldKind, _ summary: String) -> FieldInfo {
        FieldInfo(path: path, kind: kind, summary: summary)
    }

    private static func secret(_ path: String, _ kind: FieldKind, _ summary: String) -> FieldInfo {
        FieldInfo(path: path, kind: kind, isSecret: true, summary: summary)
    }

    private static func readOnly(_ path: String, _ kind: FieldKind, _ summary: String) -> FieldInfo {
        FieldInfo(path: path, kind: kind, isReadOnly: true, summary: summary)
    }

    static let table: [FieldInfo] = [
        identityFields, tokenManagerFields, grantLifetimeFields, scopeAndRequestFields,
        oidcAndClientAuthFields, jwksAndDeviceFields, cibaFields, secretRetentionFields, responseCryptoFields,
    ].flatMap { $0 }

    private static let identityFields: [FieldInfo] = [
        field("clientId", .string, "unique id the client presents; the key in urls"),
        field("enabled", .boolean, "whether the client may be used"),
        field("redirectUris", .uriList, "uris the server may redirect to after authorization"),
        field("grantTypes", .grantTypes, "grant types the client may use"),
        field("name", .string, "name shown on the consent page"),
        field("description", .string, "description shown on the consent page"),
        readOnly("modificationDate", .string, "when the client last changed"),
        readOnly("creationDate", .string, "when the client was created"),
        readOnly("replicationStatus", .enumeration(E.replicationStatus), "whether the client reached the cluster"),
        field("logoUrl", .uri, "logo on the grant and revocation pages"),
    ]

    private static let tokenManagerFields: [FieldInfo] = [
        field("defaultAccessTokenManagerRef", .reference, "id of the client's default access token manager"),
        field("restrictToDefaultAccessTokenManager", .boolean, "use only the default access token manager"),
        field("validateUsingAllEligibleAtms", .boolean, "validate tokens with every eligible token manager"),
        field("refreshRolling", .enumeration(E.refreshRolling), "whether refresh tokens roll on use"),
        field("refreshTokenRollingIntervalType", .enumeration(E.serverDefaultOrOverride),
              "use the server's or this client's rolling interval"),
        field("refreshTokenRollingInterval", .integer(bits: 64), "minimum interval between refresh token rolls"),
        field("refreshTokenRollingIntervalTimeUnit", .enumeration(E.rollingIntervalTimeUnit),
              "unit of the rolling interval"),
    ]

    private static let grantLifetimeFields: [FieldInfo] = [
        field("persistentGrantExpirationType", .enumeration(E.expiryType), "how persistent grants expire"),
        field("persistentGrantExpirationTime", .integer(bits: 64), "persistent grant lifetime"),
        field("persistentGrantExpirationTimeUnit", .enumeration(E.grantTimeUnit), "unit of the grant lifetime"),
        field("persistentGrantIdleTimeoutType", .enumeration(E.expiryType), "how idle persistent grants expire"),
        field("persistentGrantIdleTimeout", .integer(bits: 64), "persistent grant idle timeout"),
        field("persistentGrantIdleTimeoutTimeUnit", .enumeration(E.grantTimeUnit), "unit of the idle timeout"),
        field("persistentGrantReuseType", .enumeration(E.serverDefaultOrOverride),
              "use the server's or this client's grant reuse list"),
        field("persistentGrantReuseGrantTypes", .grantTypes, "grant types that reuse an existing grant"),
    ]

    private static let scopeAndRequestFields: [FieldInfo] = [
        field("allowAuthenticationApiInit", .boolean, "may start the redirectless authentication api flow"),
        field("enableCookielessAuthenticationApi", .boolean, "authentication api flow without cookies"),
        field("bypassApprovalPage", .boolean, "skip the consent page"),
        field("restrictScopes", .boolean, "limit the client to its restricted scopes"),
        field("restrictedScopes", .stringList, "scopes the client may request"),
        field("exclusiveScopes", .stringList, "exclusive scopes the client may request"),
        field("authorizationDetailTypes", .stringList, "authorization detail types the client may use"),
        field("restrictedResponseTypes", .stringList, "response types allowed; all when empty"),
        field("requirePushedAuthorizationRequests", .boolean, "require pushed authorization requests"),
        field("requireJwtSecuredAuthorizationResponseMode", .boolean, "require jwt secured authorization responses"),
        field("requireSignedRequests", .boolean, "require signed request objects"),
        field("requestObjectSigningAlgorithm", .enumeration(E.requestObjectSigning),
              "algorithm request objects must be signed with"),
    ]

    /// `oidcPolicy`, then `clientAuth`, as in the spec.
    private static let oidcAndClientAuthFields: [FieldInfo] = [
        field("oidcPolicy.idTokenSigningAlgorithm", .enumeration(E.idTokenSigning), "id token signing algorithm"),
        field("oidcPolicy.idTokenEncryptionAlgorithm", .enumeration(E.keyEncryption),
              "id token key encryption algorithm"),
        field("oidcPolicy.idTokenContentEncryptionAlgorithm", .enumeration(E.contentEncryption),
              "id token content encryption algorithm"),
        field("oidcPolicy.policyGroup", .reference, "id of the openid connect policy"),
        field("oidcPolicy.grantAccessSessionRevocationApi", .boolean, "may use the session revocation api"),
        field("oidcPolicy.grantAccessSessionSessionManagementApi", .boolean, "may use the session management api"),
        field("oidcPolicy.logoutMode", .enumeration(E.logoutMode), "how the client is logged out"),
        field("oidcPolicy.pingAccessLogoutCapable", .boolean, "client is pingaccess and can log out"),
        field("oidcPolicy.logoutUris", .uriList, "front-channel logout uris"),
        field("oidcPolicy.backChannelLogoutUri", .uri, "back-channel logout uri"),
        field("oidcPolicy.postLogoutRedirectUris", .uriList, "uris allowed after rp-initiated logout"),
        field("oidcPolicy.pairwiseIdentifierUserType", .boolean, "use pairwise subject identifiers"),
        field("oidcPolicy.sectorIdentifierUri", .uri, "sector identifier uri for pairwise subjects"),
        field("clientAuth.type", .enumeration(E.clientAuthType), "how the client authenticates"),
        secret("clientAuth.secret", .string, "client secret; write-only"),
        secret("clientAuth.encryptedSecret", .string, "stored secret, encrypted by the server"),
        secret("clientAuth.secondarySecrets", .json, "old secrets still accepted for a while"),
        field("clientAuth.clientCertIssuerDn", .string, "issuer dn of the client's tls certificate"),
        field("clientAuth.clientCertSubjectDn", .string, "subject dn of the client's tls certificate"),
        field("clientAuth.enforceReplayPrevention", .boolean, "refuse replayed authentication jwts"),
        field("clientAuth.tokenEndpointAuthSigningAlgorithm", .enumeration(E.tokenEndpointAuthSigning),
              "algorithm authentication jwts must be signed with"),
    ]

    private static let jwksAndDeviceFields: [FieldInfo] = [
        field("jwksSettings.jwksUrl", .uri, "url of the client's json web key set"),
        field("jwksSettings.jwks", .string, "the client's json web key set, as json text"),
        field("extendedParameters", .extendedParameters, "custom client metadata values"),
        field("deviceFlowSettingType", .enumeration(E.serverDefaultOrOverride),
              "use the server's or this client's device flow settings"),
        field("userAuthorizationUrlOverride", .uri, "device flow verification url"),
        field("pendingAuthorizationTimeoutOverride", .integer(bits: 32), "device and user code lifetime in seconds"),
        field("devicePollingIntervalOverride", .integer(bits: 32), "device polling interval in seconds"),
        field("bypassActivationCodeConfirmationOverride", .boolean, "skip the activation code confirmation page"),
        field("requireProofKeyForCodeExchange", .boolean, "require pkce"),
    ]

    private static let cibaFields: [FieldInfo] = [
        field("cibaDeliveryMode", .enumeration(E.cibaDeliveryMode), "ciba token delivery mode"),
        field("cibaNotificationEndpoint", .uri, "endpoint called after ciba authentication"),
        field("cibaPollingInterval", .integer(bits: 32), "minimum ciba polling interval in seconds"),
        field("cibaRequireSignedRequests", .boolean, "require signed ciba requests"),
        field("cibaRequestObjectSigningAlgorithm", .enumeration(E.requestObjectSigning),
              "algorithm ciba request objects must be signed with"),
        field("cibaUserCodeSupported", .boolean, "whether ciba user codes are supported"),
        field("requestPolicyRef", .reference, "id of the ciba request policy"),
        field("tokenExchangeProcessorPolicyRef", .reference, "id of the token exchange processor policy"),
    ]

    private static let secretRetentionFields: [FieldInfo] = [
        field("refreshTokenRollingGracePeriodType", .enumeration(E.serverDefaultOrOverride),
              "use the server's or this client's rolling grace period"),
        field("refreshTokenRollingGracePeriod", .integer(bits: 32), "seconds a rolled refresh token stays valid"),
        field("clientSecretRetentionPeriodType", .enumeration(E.serverDefaultOrOverride),
              "use the server's or this client's secret retention"),
        field("clientSecretRetentionPeriod", .integer(bits: 32), "minutes old secrets are kept; 0 keeps none"),
        readOnly("clientSecretChangedTime", .string, "when the secret last changed"),
    ]

    private static let responseCryptoFields: [FieldInfo] = [
        field("tokenIntrospectionSigningAlgorithm", .enumeration(E.responseSigning),
              "introspection response signing algorithm"),
        field("tokenIntrospectionEncryptionAlgorithm", .enumeration(E.keyEncryption),
              "introspection response key encryption algorithm"),
        field("tokenIntrospectionContentEncryptionAlgorithm", .enumeration(E.contentEncryption),
              "introspection response content encryption algorithm"),
        field("jwtSecuredAuthorizationResponseModeSigningAlgorithm", .enumeration(E.responseSigning),
              "jarm response signing algorithm"),
        field("jwtSecuredAuthorizationResponseModeEncryptionAlgorithm", .enumeration(E.keyEncryption),
              "jarm response key encryption algorithm"),
        field("jwtSecuredAuthorizationResponseModeContentEncryptionAlgorithm", .enumeration(E.contentEncryption),
              "jarm response content encryption algorithm"),
        field("requireDpop", .boolean, "require dpop-bound tokens"),
        field("requireOfflineAccessScopeToIssueRefreshTokens", .enumeration(E.serverDefaultNoYes),
              "issue refresh tokens only with the offline_access scope"),
        field("offlineAccessRequireConsentPrompt", .enumeration(E.serverDefaultNoYes),
              "offline_access needs prompt=consent"),
    ]
}
