@testable import PFShellCore
import PFShellJSON
import Testing

@Suite struct ClientChecksTests {
    /// A client every rule accepts; each case changes a few fields of it.
    static let base: JSONObject = [
        "clientId": "my-app",
        "name": "My App",
        "grantTypes": ["AUTHORIZATION_CODE"],
        "redirectUris": ["https://app.example.com/cb"],
    ]

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let changes: [(String, JSONValue?)]
        var hasSecret = false
        let problems: [FieldProblem]
        var testDescription: String { name }

        init(_ name: String, _ changes: [(String, JSONValue?)], hasSecret: Bool = false, _ problems: [FieldProblem] = []) {
            self.name = name
            self.changes = changes
            self.hasSecret = hasSecret
            self.problems = problems
        }

        var client: JSONObject {
            changes.reduce(ClientChecksTests.base) { ClientJSON.setting($1.1, at: $1.0, in: $0) }
        }
    }

    static func problem(_ field: String, _ message: String) -> FieldProblem {
        FieldProblem(field: field, message: message)
    }

    static let authHint = "use 'secret set' or 'secret generate'"
    static let jwksNeeded = "needs 'jwksSettings.jwksUrl' or 'jwksSettings.jwks'"

    static let passing: [Case] = [
        Case("minimal client", []),
        Case("client credentials with a session secret",
             [("grantTypes", ["CLIENT_CREDENTIALS"]), ("clientAuth.type", "SECRET")], hasSecret: true),
        Case("secret already on the server",
             [("clientAuth.type", "SECRET"), ("clientAuth.encryptedSecret", "OBF:JWE:abc")]),
        Case("secret in the body", [("clientAuth.type", "CLIENT_SECRET_JWT"), ("clientAuth.secret", "s3cret")]),
        Case("certificate with both dns", [
            ("grantTypes", ["CLIENT_CREDENTIALS"]), ("clientAuth.type", "CERTIFICATE"),
            ("clientAuth.clientCertIssuerDn", "CN=Issuer"), ("clientAuth.clientCertSubjectDn", "CN=app"),
        ]),
        Case("private key jwt with a jwks url",
             [("clientAuth.type", "PRIVATE_KEY_JWT"), ("jwksSettings.jwksUrl", "https://app.example.com/jwks")]),
        Case("private key jwt with a jwks document",
             [("clientAuth.type", "PRIVATE_KEY_JWT"), ("jwksSettings.jwks", #"{"keys":[]}"#)]),
        Case("no client auth without client credentials", [("clientAuth.type", "NONE")]),
        Case("grant expiry override with its time", [
            ("persistentGrantExpirationType", "OVERRIDE_SERVER_DEFAULT"), ("persistentGrantExpirationTime", 30),
            ("persistentGrantExpirationTimeUnit", "DAYS"),
        ]),
        Case("idle timeout override with its time",
             [("persistentGrantIdleTimeoutType", "OVERRIDE_SERVER_DEFAULT"), ("persistentGrantIdleTimeout", 5)]),
        Case("rolling interval override with its time",
             [("refreshTokenRollingIntervalType", "OVERRIDE_SERVER_DEFAULT"), ("refreshTokenRollingInterval", 1)]),
        Case("grace period override with its time",
             [("refreshTokenRollingGracePeriodType", "OVERRIDE_SERVER_DEFAULT"), ("refreshTokenRollingGracePeriod", 60)]),
        Case("secret retention override with its time",
             [("clientSecretRetentionPeriodType", "OVERRIDE_SERVER_DEFAULT"), ("clientSecretRetentionPeriod", 0)]),
        Case("null time counts as absent",
             [("persistentGrantExpirationType", "SERVER_DEFAULT"), ("persistentGrantExpirationTime", .null)]),
        Case("indefinite expiry without time", [("persistentGrantExpirationType", "INDEFINITE_EXPIRY")]),
        Case("restricted scopes with restrictScopes", [("restrictScopes", true), ("restrictedScopes", ["openid"])]),
        Case("empty restricted scopes without restrictScopes", [("restrictScopes", false), ("restrictedScopes", [])]),
        Case("ciba ping with an endpoint",
             [("cibaDeliveryMode", "PING"), ("cibaNotificationEndpoint", "https://app.example.com/ciba")]),
        Case("ciba poll without an endpoint", [("cibaDeliveryMode", "POLL")]),
        Case("signed requests with jwks",
             [("requireSignedRequests", true), ("jwksSettings.jwksUrl", "https://app.example.com/jwks")]),
        Case("signed requests off without jwks", [("requireSignedRequests", false)]),
        Case("introspection encryption with jwks", [
            ("tokenIntrospectionEncryptionAlgorithm", "RSA_OAEP"), ("jwksSettings.jwks", #"{"keys":[]}"#),
        ]),
        Case("id token encryption pair", [
            ("oidcPolicy.idTokenEncryptionAlgorithm", "RSA_OAEP"),
            ("oidcPolicy.idTokenContentEncryptionAlgorithm", "AES_128_GCM"),
        ]),
        Case("hmac id tokens with a secret", [
            ("oidcPolicy.idTokenSigningAlgorithm", "HS256"), ("clientAuth.type", "SECRET"),
        ], hasSecret: true),
        Case("rsa id tokens without client auth", [("oidcPolicy.idTokenSigningAlgorithm", "RS256")]),
        Case("wildcard and private-scheme redirects",
             [("redirectUris", ["https://*.example.com/*", "com.example.app:/cb"])]),
        Case("plain http redirect is only a warning", [("redirectUris", ["http://app.example.com/cb"])]),
        Case("no redirect uris", [("redirectUris", nil)]),
        Case("read-only fields are not shape-checked", [("creationDate", 5), ("replicationStatus", "ODD")]),
        Case("masked secrets are strings", [("clientAuth.type", "SECRET"), ("clientAuth.encryptedSecret", "(set)")]),
        Case("every kind well formed", [
            ("enabled", true), ("cibaPollingInterval", 3), ("persistentGrantExpirationTime", nil),
            ("refreshRolling", "ROLL"), ("defaultAccessTokenManagerRef", ["id": "atm1"]),
            ("extendedParameters", ["team": ["values": ["blue"]]]), ("logoUrl", "https://app.example.com/logo.png"),
            ("restrictedResponseTypes", ["code"]), ("persistentGrantReuseGrantTypes", ["IMPLICIT"]),
        ]),
    ]

    @Test(arguments: passing) func passes(_ c: Case) {
        #expect(ClientChecks.check(c.client, hasSecret: c.hasSecret) == [])
    }

    static let failing: [Case] = [
        Case("missing name", [("name", nil)], [problem("name", "'name' is required and must not be empty")]),
        Case("blank name", [("name", "  ")], [problem("name", "'name' is required and must not be empty")]),
        Case("null name", [("name", .null)], [problem("name", "'name' is required and must not be empty")]),
        Case("missing client id", [("clientId", nil)],
             [problem("clientId", "'clientId' is required and must not be empty")]),
        Case("empty client id", [("clientId", "")],
             [problem("clientId", "'clientId' is required and must not be empty")]),
        Case("no grant types", [("grantTypes", [])], [problem(
            "grantTypes", "at least one grant type is required, e.g. 'set grantTypes client-credentials'")]),
        Case("missing grant types", [("grantTypes", nil)], [problem(
            "grantTypes", "at least one grant type is required, e.g. 'set grantTypes client-credentials'")]),
        Case("client credentials without client auth", [("grantTypes", ["CLIENT_CREDENTIALS"])], [problem(
            "clientAuth.type", "grant type CLIENT_CREDENTIALS needs client authentication; \(authHint)")]),
        Case("client credentials with auth NONE",
             [("grantTypes", ["REFRESH_TOKEN", "CLIENT_CREDENTIALS"]), ("clientAuth.type", "NONE")], [problem(
                "clientAuth.type", "grant type CLIENT_CREDENTIALS needs client authentication; \(authHint)")]),
        Case("secret auth without a secret", [("clientAuth.type", "SECRET")], [problem(
            "clientAuth.secret", "client authentication SECRET needs a secret; \(authHint)")]),
        Case("secret auth with an empty secret", [("clientAuth.type", "SECRET"), ("clientAuth.secret", "")], [problem(
            "clientAuth.secret", "client authentication SECRET needs a secret; \(authHint)")]),
        Case("client secret jwt without a secret", [("clientAuth.type", "CLIENT_SECRET_JWT")], [problem(
            "clientAuth.secret", "client authentication CLIENT_SECRET_JWT needs a secret; \(authHint)")]),
        Case("certificate without subject dn",
             [("clientAuth.type", "CERTIFICATE"), ("clientAuth.clientCertIssuerDn", "CN=Issuer")], [problem(
                "clientAuth.clientCertSubjectDn",
                "client authentication CERTIFICATE needs 'clientAuth.clientCertSubjectDn'")]),
        Case("certificate without dns", [("clientAuth.type", "CERTIFICATE")], [
            problem("clientAuth.clientCertIssuerDn",
                    "client authentication CERTIFICATE needs 'clientAuth.clientCertIssuerDn'"),
            problem("clientAuth.clientCertSubjectDn",
                    "client authentication CERTIFICATE needs 'clientAuth.clientCertSubjectDn'"),
        ]),
        Case("private key jwt without jwks", [("clientAuth.type", "PRIVATE_KEY_JWT")], [problem(
            "jwksSettings", "client authentication PRIVATE_KEY_JWT \(jwksNeeded)")]),
        Case("private key jwt with an empty jwks url",
             [("clientAuth.type", "PRIVATE_KEY_JWT"), ("jwksSettings.jwksUrl", "")], [problem(
                "jwksSettings", "client authentication PRIVATE_KEY_JWT \(jwksNeeded)")]),
        Case("hmac id tokens without client auth", [("oidcPolicy.idTokenSigningAlgorithm", "HS384")], [problem(
            "oidcPolicy.idTokenSigningAlgorithm",
            "id token signing algorithm HS384 needs client authentication; \(authHint)")]),
        Case("restricted scopes without restrictScopes", [("restrictedScopes", ["openid"])], [problem(
            "restrictedScopes", "'restrictedScopes' needs 'restrictScopes' to be true; use 'set restrictScopes true'")]),
        Case("restricted scopes with restrictScopes false",
             [("restrictScopes", false), ("restrictedScopes", ["openid"])], [problem(
                "restrictedScopes",
                "'restrictedScopes' needs 'restrictScopes' to be true; use 'set restrictScopes true'")]),
        Case("ciba ping without an endpoint", [("cibaDeliveryMode", "PING")], [problem(
            "cibaNotificationEndpoint", "ciba delivery mode PING needs 'cibaNotificationEndpoint'")]),
        Case("signed requests without jwks", [("requireSignedRequests", true)], [problem(
            "requireSignedRequests", "'requireSignedRequests' \(jwksNeeded)")]),
        Case("introspection encryption without jwks", [("tokenIntrospectionEncryptionAlgorithm", "DIR")], [problem(
            "tokenIntrospectionEncryptionAlgorithm", "'tokenIntrospectionEncryptionAlgorithm' \(jwksNeeded)")]),
        Case("id token key encryption alone", [("oidcPolicy.idTokenEncryptionAlgorithm", "A128KW")], [problem(
            "oidcPolicy.idTokenContentEncryptionAlgorithm",
            "'oidcPolicy.idTokenEncryptionAlgorithm' needs 'oidcPolicy.idTokenContentEncryptionAlgorithm'")]),
        Case("id token content encryption alone", [("oidcPolicy.idTokenContentEncryptionAlgorithm", "AES_256_GCM")], [
            problem("oidcPolicy.idTokenEncryptionAlgorithm",
                    "'oidcPolicy.idTokenContentEncryptionAlgorithm' needs 'oidcPolicy.idTokenEncryptionAlgorithm'"),
        ]),
        Case("relative redirect uri", [("redirectUris", ["https://app.example.com/cb", "/cb"])], [problem(
            "redirectUris",
            "'/cb' is not a valid redirect URI: it must be absolute, e.g. 'https://app.example.com/callback'")]),
        Case("redirect uri with a space", [("redirectUris", ["https://app.example.com/a b"])], [problem(
            "redirectUris", "'https://app.example.com/a b' is not a valid redirect URI: it contains whitespace")]),
        Case("bad post-logout redirect", [("oidcPolicy.postLogoutRedirectUris", ["bye"])], [problem(
            "oidcPolicy.postLogoutRedirectUris",
            "'bye' is not a valid redirect URI: it must be absolute, e.g. 'https://app.example.com/callback'")]),
        Case("boolean given as text", [("enabled", "yes")], [problem(
            "enabled", "'enabled' must be true or false, not string")]),
        Case("name given as a number", [("name", 42)], [problem("name", "'name' must be a string, not number")]),
        Case("32-bit field out of range", [("cibaPollingInterval", 5_000_000_000)], [problem(
            "cibaPollingInterval", "'cibaPollingInterval' must be a whole number from -2147483648 to 2147483647")]),
        Case("integer given as a fraction", [("devicePollingIntervalOverride", 1.5)], [problem(
            "devicePollingIntervalOverride", "'devicePollingIntervalOverride' must be a whole number, not number")]),
        Case("enum in the wrong case", [("refreshRolling", "roll")], [problem(
            "refreshRolling",
            "'roll' is not a valid value for 'refreshRolling'; expected one of SERVER_DEFAULT, DONT_ROLL, ROLL")]),
        Case("enum given as a boolean", [("cibaDeliveryMode", true)], [problem(
            "cibaDeliveryMode", "'cibaDeliveryMode' must be one of POLL, PING, not boolean")]),
        Case("readable grant type name", [("grantTypes", ["authorization-code"])], [problem(
            "grantTypes",
            "'authorization-code' is not a valid value for 'grantTypes'; expected one of AUTHORIZATION_CODE, "
                + "IMPLICIT, RESOURCE_OWNER_CREDENTIALS, CLIENT_CREDENTIALS, REFRESH_TOKEN, EXTENSION, DEVICE_CODE, "
                + "ACCESS_TOKEN_VALIDATION, CIBA, TOKEN_EXCHANGE")]),
        Case("redirect uris given as a string", [("redirectUris", "https://app.example.com/cb")], [problem(
            "redirectUris", "'redirectUris' must be an array of strings")]),
        Case("client auth given as a string", [("clientAuth", "SECRET")], [problem(
            "clientAuth", "'clientAuth' must be an object")]),
        Case("reference given as text", [("defaultAccessTokenManagerRef", "atm1")], [problem(
            "defaultAccessTokenManagerRef", "'defaultAccessTokenManagerRef' must be an object with a non-empty 'id'")]),
        Case("extended parameters without values", [("extendedParameters", ["team": ["blue"]])], [problem(
            "extendedParameters", #"'extendedParameters' must map each name to {"values": [strings]}"#)]),
    ]

    @Test(arguments: failing) func fails(_ c: Case) {
        #expect(ClientChecks.check(c.client, hasSecret: c.hasSecret) == c.problems)
    }

    static let overridePairs: [(type: String, value: String)] = [
        ("persistentGrantExpirationType", "persistentGrantExpirationTime"),
        ("persistentGrantIdleTimeoutType", "persistentGrantIdleTimeout"),
        ("refreshTokenRollingIntervalType", "refreshTokenRollingInterval"),
        ("refreshTokenRollingGracePeriodType", "refreshTokenRollingGracePeriod"),
        ("clientSecretRetentionPeriodType", "clientSecretRetentionPeriod"),
    ]

    @Test(arguments: overridePairs.map(\.value)) func overrideNeedsItsTime(_ value: String) throws {
        let type = try #require(Self.overridePairs.first { $0.value == value }?.type)
        let client = ClientJSON.setting("OVERRIDE_SERVER_DEFAULT", at: type, in: Self.base)
        #expect(ClientChecks.check(client, hasSecret: false) == [Self.problem(
            value, "'\(value)' is required when '\(type)' is OVERRIDE_SERVER_DEFAULT")])
    }

    /// Real servers return a time of 0 DAYS beside SERVER_DEFAULT; a time without an override is no problem.
    @Test(arguments: overridePairs.map(\.value)) func aTimeWithoutItsOverrideIsAllowed(_ value: String) throws {
        let type = try #require(Self.overridePairs.first { $0.value == value }?.type)
        let withoutType = ClientJSON.setting(0, at: value, in: Self.base)
        let serverDefault = ClientJSON.setting("SERVER_DEFAULT", at: type, in: withoutType)
        #expect(ClientChecks.check(withoutType, hasSecret: false) == [])
        #expect(ClientChecks.check(serverDefault, hasSecret: false) == [])
    }

    @Test func emptyClientReportsEveryRequiredFieldInOrder() {
        #expect(ClientChecks.check(JSONObject(), hasSecret: false) == [
            Self.problem("clientId", "'clientId' is required and must not be empty"),
            Self.problem("name", "'name' is required and must not be empty"),
            Self.problem("grantTypes", "at least one grant type is required, e.g. 'set grantTypes client-credentials'"),
        ])
    }

    /// The console procedure's client (reference §3.7) passes once a secret is known.
    @Test func consoleExampleClient() throws {
        let text = """
            {"clientId":"my-app","name":"My App","description":"Example client",
             "redirectUris":["https://app.example.com/callback"],
             "grantTypes":["REFRESH_TOKEN","AUTHORIZATION_CODE","CLIENT_CREDENTIALS","ACCESS_TOKEN_VALIDATION"],
             "clientAuth":{"type":"SECRET"},
             "persistentGrantExpirationType":"INDEFINITE_EXPIRY","refreshRolling":"ROLL"}
            """
        let client = try #require(try JSONParser.parse(text).objectValue)
        #expect(ClientChecks.check(client, hasSecret: true) == [])
        #expect(ClientChecks.check(client, hasSecret: false) == [Self.problem(
            "clientAuth.secret", "client authentication SECRET needs a secret; \(Self.authHint)")])
    }
}
