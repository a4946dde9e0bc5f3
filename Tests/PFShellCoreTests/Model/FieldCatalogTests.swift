@testable import PFShellCore
import Testing

@Suite struct FieldCatalogTests {
    /// The top-level properties of `components.schemas.Client` in the 12.1 spec, in its order.
    static let specClientProperties = [
        "clientId", "enabled", "redirectUris", "grantTypes", "name", "description", "modificationDate",
        "creationDate", "replicationStatus", "logoUrl", "defaultAccessTokenManagerRef",
        "restrictToDefaultAccessTokenManager", "validateUsingAllEligibleAtms", "refreshRolling",
        "refreshTokenRollingIntervalType", "refreshTokenRollingInterval", "refreshTokenRollingIntervalTimeUnit",
        "persistentGrantExpirationType", "persistentGrantExpirationTime", "persistentGrantExpirationTimeUnit",
        "persistentGrantIdleTimeoutType", "persistentGrantIdleTimeout", "persistentGrantIdleTimeoutTimeUnit",
        "persistentGrantReuseType", "persistentGrantReuseGrantTypes", "allowAuthenticationApiInit",
        "enableCookielessAuthenticationApi", "bypassApprovalPage", "restrictScopes", "restrictedScopes",
        "exclusiveScopes", "authorizationDetailTypes", "restrictedResponseTypes",
        "requirePushedAuthorizationRequests", "requireJwtSecuredAuthorizationResponseMode", "requireSignedRequests",
        "requestObjectSigningAlgorithm", "oidcPolicy", "clientAuth", "jwksSettings", "extendedParameters",
        "deviceFlowSettingType", "userAuthorizationUrlOverride", "pendingAuthorizationTimeoutOverride",
        "devicePollingIntervalOverride", "bypassActivationCodeConfirmationOverride", "requireProofKeyForCodeExchange",
        "cibaDeliveryMode", "cibaNotificationEndpoint", "cibaPollingInterval", "cibaRequireSignedRequests",
        "cibaRequestObjectSigningAlgorithm", "cibaUserCodeSupported", "requestPolicyRef",
        "tokenExchangeProcessorPolicyRef", "refreshTokenRollingGracePeriodType", "refreshTokenRollingGracePeriod",
        "clientSecretRetentionPeriodType", "clientSecretRetentionPeriod", "clientSecretChangedTime",
        "tokenIntrospectionSigningAlgorithm", "tokenIntrospectionEncryptionAlgorithm",
        "tokenIntrospectionContentEncryptionAlgorithm", "jwtSecuredAuthorizationResponseModeSigningAlgorithm",
        "jwtSecuredAuthorizationResponseModeEncryptionAlgorithm",
        "jwtSecuredAuthorizationResponseModeContentEncryptionAlgorithm", "requireDpop",
        "requireOfflineAccessScopeToIssueRefreshTokens", "offlineAccessRequireConsentPrompt",
    ]

    /// The members of the nested schemas (ClientAuth, ClientOIDCPolicy, JwksSettings), in spec order.
    static let specNestedMembers: [String: [String]] = [
        "clientAuth": [
            "type", "secret", "encryptedSecret", "secondarySecrets", "clientCertIssuerDn", "clientCertSubjectDn",
            "enforceReplayPrevention", "tokenEndpointAuthSigningAlgorithm",
        ],
        "oidcPolicy": [
            "idTokenSigningAlgorithm", "idTokenEncryptionAlgorithm", "idTokenContentEncryptionAlgorithm", "policyGroup",
            "grantAccessSessionRevocationApi", "grantAccessSessionSessionManagementApi", "logoutMode",
            "pingAccessLogoutCapable", "logoutUris", "backChannelLogoutUri", "postLogoutRedirectUris",
            "pairwiseIdentifierUserType", "sectorIdentifierUri",
        ],
        "jwksSettings": ["jwksUrl", "jwks"],
    ]

    @Test func coversExactlyTheClientModelsPropertiesInAPIOrder() {
        var topLevel: [String] = []
        for field in FieldCatalog.all {
            let name = field.parent ?? field.path
            if topLevel.last != name { topLevel.append(name) }
        }
        #expect(Self.specClientProperties.count == 69)
        #expect(topLevel == Self.specClientProperties)
    }

    @Test(arguments: ["clientAuth", "oidcPolicy", "jwksSettings"])
    func coversEveryMemberOfNestedObjects(_ group: String) {
        let members = FieldCatalog.all.filter { $0.parent == group }.map(\.name)
        #expect(members == Self.specNestedMembers[group])
        #expect(FieldCatalog.groups.contains(group))
    }

    @Test func pathsAreUniqueAndCountMatches() {
        let paths = FieldCatalog.all.map(\.path)
        #expect(Set(paths).count == paths.count)
        #expect(paths.count == 89)
        #expect(FieldCatalog.groups == ["oidcPolicy", "clientAuth", "jwksSettings"])
    }

    @Test func secretAndReadOnlyFields() {
        #expect(FieldCatalog.all.filter(\.isSecret).map(\.path)
            == ["clientAuth.secret", "clientAuth.encryptedSecret", "clientAuth.secondarySecrets"])
        #expect(FieldCatalog.secretFields == FieldCatalog.all.filter(\.isSecret))
        #expect(FieldCatalog.all.filter(\.isReadOnly).map(\.path)
            == ["modificationDate", "creationDate", "replicationStatus", "clientSecretChangedTime"])
        #expect(FieldCatalog.all.filter { !$0.isSettable }.count == 7)
    }

    struct KindCase: CustomTestStringConvertible, Sendable {
        let path: String
        let kind: FieldKind
        var testDescription: String { path }
    }

    static let kinds: [KindCase] = [
        KindCase(path: "clientId", kind: .string),
        KindCase(path: "name", kind: .string),
        KindCase(path: "enabled", kind: .boolean),
        KindCase(path: "logoUrl", kind: .uri),
        KindCase(path: "jwksSettings.jwksUrl", kind: .uri),
        KindCase(path: "jwksSettings.jwks", kind: .string),
        KindCase(path: "redirectUris", kind: .uriList),
        KindCase(path: "oidcPolicy.postLogoutRedirectUris", kind: .uriList),
        KindCase(path: "grantTypes", kind: .grantTypes),
        KindCase(path: "persistentGrantReuseGrantTypes", kind: .grantTypes),
        KindCase(path: "defaultAccessTokenManagerRef", kind: .reference),
        KindCase(path: "oidcPolicy.policyGroup", kind: .reference),
        KindCase(path: "requestPolicyRef", kind: .reference),
        KindCase(path: "persistentGrantExpirationTime", kind: .integer(bits: 64)),
        KindCase(path: "cibaPollingInterval", kind: .integer(bits: 32)),
        KindCase(path: "restrictedScopes", kind: .stringList),
        KindCase(path: "extendedParameters", kind: .extendedParameters),
        KindCase(path: "clientAuth.secondarySecrets", kind: .json),
        KindCase(path: "clientAuth.type",
                 kind: .enumeration(["NONE", "SECRET", "CERTIFICATE", "PRIVATE_KEY_JWT", "CLIENT_SECRET_JWT"])),
        KindCase(path: "oidcPolicy.idTokenSigningAlgorithm", kind: .enumeration([
            "NONE", "HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
            "ES256", "ES384", "ES512", "PS256", "PS384", "PS512",
        ])),
        KindCase(path: "refreshTokenRollingIntervalTimeUnit", kind: .enumeration(["SECONDS", "MINUTES", "HOURS"])),
        KindCase(path: "persistentGrantExpirationTimeUnit", kind: .enumeration(["MINUTES", "DAYS", "HOURS"])),
        KindCase(path: "requestObjectSigningAlgorithm", kind: .enumeration([
            "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512",
        ])),
        KindCase(path: "offlineAccessRequireConsentPrompt", kind: .enumeration(["SERVER_DEFAULT", "NO", "YES"])),
    ]

    @Test(arguments: kinds) func fieldKind(_ c: KindCase) {
        #expect(FieldCatalog.field(c.path)?.kind == c.kind)
    }

    @Test func summariesAreShortLowercaseLines() {
        for field in FieldCatalog.all {
            #expect(!field.summary.isEmpty, "\(field.path)")
            #expect(field.summary == field.summary.lowercased(), "\(field.path)")
            #expect(!field.summary.hasSuffix("."), "\(field.path)")
            #expect(!field.summary.contains("\n") && field.summary.count <= 70, "\(field.path)")
        }
    }

    @Test func lookupIsExact() {
        #expect(FieldCatalog.field("clientAuth.type")?.name == "type")
        #expect(FieldCatalog.field("clientAuth.type")?.parent == "clientAuth")
        #expect(FieldCatalog.field("clientId")?.parent == nil)
        #expect(FieldCatalog.field("clientauth.type") == nil)
        #expect(FieldCatalog.field("clientAuth") == nil)
        #expect(FieldCatalog.field("") == nil)
    }

    struct CompletionCase: CustomTestStringConvertible, Sendable {
        let prefix: String
        var settableOnly = false
        let expected: [String]
        var testDescription: String { "'\(prefix)'" + (settableOnly ? " settable" : "") }
    }

    static let completionCases: [CompletionCase] = [
        CompletionCase(prefix: "grant", expected: ["grantTypes"]),
        CompletionCase(prefix: "client", expected: [
            "clientAuth.", "clientId", "clientSecretChangedTime", "clientSecretRetentionPeriod",
            "clientSecretRetentionPeriodType",
        ]),
        CompletionCase(prefix: "client", settableOnly: true, expected: [
            "clientAuth.", "clientId", "clientSecretRetentionPeriod", "clientSecretRetentionPeriodType",
        ]),
        CompletionCase(prefix: "clientAuth", expected: ["clientAuth."]),
        CompletionCase(prefix: "jwks", expected: ["jwksSettings."]),
        CompletionCase(prefix: "clientAuth.", expected: [
            "clientAuth.clientCertIssuerDn", "clientAuth.clientCertSubjectDn", "clientAuth.encryptedSecret",
            "clientAuth.enforceReplayPrevention", "clientAuth.secondarySecrets", "clientAuth.secret",
            "clientAuth.tokenEndpointAuthSigningAlgorithm", "clientAuth.type",
        ]),
        CompletionCase(prefix: "clientAuth.", settableOnly: true, expected: [
            "clientAuth.clientCertIssuerDn", "clientAuth.clientCertSubjectDn", "clientAuth.enforceReplayPrevention",
            "clientAuth.tokenEndpointAuthSigningAlgorithm", "clientAuth.type",
        ]),
        CompletionCase(prefix: "clientAuth.t", expected: ["clientAuth.tokenEndpointAuthSigningAlgorithm", "clientAuth.type"]),
        CompletionCase(prefix: "oidcPolicy.logout", expected: ["oidcPolicy.logoutMode", "oidcPolicy.logoutUris"]),
        CompletionCase(prefix: "jwksSettings.", expected: ["jwksSettings.jwks", "jwksSettings.jwksUrl"]),
        CompletionCase(prefix: "GRANT", expected: ["grantTypes"]),
        CompletionCase(prefix: "creat", expected: ["creationDate"]),
        CompletionCase(prefix: "creat", settableOnly: true, expected: []),
        CompletionCase(prefix: "zzz", expected: []),
        CompletionCase(prefix: "nope.", expected: []),
    ]

    @Test(arguments: completionCases) func completions(_ c: CompletionCase) {
        #expect(FieldCatalog.completions(prefix: c.prefix, settableOnly: c.settableOnly) == c.expected)
    }

    @Test func emptyPrefixOffersTopLevelNamesAndObjects() {
        let all = FieldCatalog.completions(prefix: "")
        #expect(all.count == 69)
        #expect(all.contains("oidcPolicy.") && all.contains("name") && !all.contains("clientAuth.type"))
        #expect(all == all.sorted())
    }

    struct SuggestionCase: CustomTestStringConvertible, Sendable {
        let unknown: String
        let expected: String?
        var testDescription: String { unknown }
    }

    static let suggestionCases: [SuggestionCase] = [
        SuggestionCase(unknown: "grantType", expected: "grantTypes"),
        SuggestionCase(unknown: "clientid", expected: "clientId"),
        SuggestionCase(unknown: "CLIENTAUTH.TYPE", expected: "clientAuth.type"),
        SuggestionCase(unknown: "clientauth", expected: "clientAuth"),
        SuggestionCase(unknown: "redirectUri", expected: "redirectUris"),
        SuggestionCase(unknown: "nam", expected: "name"),
        SuggestionCase(unknown: "enable", expected: "enabled"),
        SuggestionCase(unknown: "clientAuth.typ", expected: "clientAuth.type"),
        SuggestionCase(unknown: "oidcPolicy.logoutmod", expected: "oidcPolicy.logoutMode"),
        SuggestionCase(unknown: "persistentGrantExpirationTim", expected: "persistentGrantExpirationTime"),
        SuggestionCase(unknown: "idTokenSigningAlgorithm", expected: "oidcPolicy.idTokenSigningAlgorithm"),
        SuggestionCase(unknown: "jwksurl", expected: "jwksSettings.jwksUrl"),
        SuggestionCase(unknown: "foo", expected: nil),
        SuggestionCase(unknown: "xyzzy", expected: nil),
        SuggestionCase(unknown: "", expected: nil),
    ]

    @Test(arguments: suggestionCases) func suggestion(_ c: SuggestionCase) {
        #expect(FieldCatalog.suggestion(for: c.unknown) == c.expected)
    }

    struct SettableCase: CustomTestStringConvertible, Sendable {
        let path: String
        let kind: FieldError.Kind
        let message: String
        var testDescription: String { path }
    }

    static let refusedNames: [SettableCase] = [
        SettableCase(path: "grantType", kind: .unknownField(suggestion: "grantTypes"),
                     message: "unknown field 'grantType'; did you mean 'grantTypes'?"),
        SettableCase(path: "bogus", kind: .unknownField(suggestion: nil), message: "unknown field 'bogus'"),
        SettableCase(path: "clientAuth", kind: .notSettable,
                     message: "'clientAuth' is an object; name one of its fields, e.g. 'clientAuth.type'"),
        SettableCase(path: "oidcPolicy", kind: .notSettable,
                     message: "'oidcPolicy' is an object; name one of its fields, e.g. 'oidcPolicy.idTokenSigningAlgorithm'"),
        SettableCase(path: "clientAuth.secret", kind: .secretField,
                     message: "'clientAuth.secret' holds secret material; use 'secret set' instead"),
        SettableCase(path: "clientAuth.secondarySecrets", kind: .secretField,
                     message: "'clientAuth.secondarySecrets' holds secret material; use 'secret set' instead"),
        SettableCase(path: "creationDate", kind: .readOnly, message: "'creationDate' is read-only; the server sets it"),
    ]

    @Test(arguments: refusedNames) func settableFieldRefuses(_ c: SettableCase) {
        #expect(throws: FieldError(field: c.path, value: nil, kind: c.kind, message: c.message)) {
            try FieldCatalog.settableField(c.path)
        }
    }

    @Test func settableFieldFindsSettableFields() throws {
        #expect(try FieldCatalog.settableField("clientAuth.type").path == "clientAuth.type")
        #expect(try FieldCatalog.settableField("enabled").kind == .boolean)
    }

    @Test func unsetIsRefusedTheSameFieldsWithItsOwnWordForSecrets() throws {
        #expect(throws: FieldError(field: "creationDate", value: nil, kind: .readOnly)) {
            try FieldCatalog.settableField("creationDate", for: .unset)
        }
        #expect(throws: FieldError(
            field: "clientAuth.encryptedSecret", value: nil, kind: .secretField,
            message: "'clientAuth.encryptedSecret' holds secret material; use 'secret set'")) {
            try FieldCatalog.settableField("clientAuth.encryptedSecret", for: .unset)
        }
        #expect(throws: FieldError(field: "bogus", value: nil, kind: .unknownField(suggestion: nil))) {
            try FieldCatalog.settableField("bogus", for: .unset)
        }
        #expect(try FieldCatalog.settableField("description", for: .unset).path == "description")
    }
}
