import PFShellJSON
import Testing

@testable import PFShellEmulator

/// Whole-client rules: 422 `validation_error` naming each offending field.
@Suite struct ClientRulesTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let changes: [(String, JSONValue?)]
        let fieldPaths: [String]
        var testDescription: String { id }
    }

    static let cases: [Case] = [
        Case(id: "name missing", changes: [("name", nil)], fieldPaths: ["name"]),
        Case(id: "name empty", changes: [("name", "")], fieldPaths: ["name"]),
        Case(id: "clientId missing", changes: [("clientId", nil)], fieldPaths: ["clientId"]),
        Case(id: "no grant types", changes: [("grantTypes", [])], fieldPaths: ["grantTypes"]),
        Case(
            id: "client credentials without authentication",
            changes: [("clientAuth", ["type": "NONE"])], fieldPaths: ["clientAuth.type"]),
        Case(
            id: "client credentials with no clientAuth at all",
            changes: [("clientAuth", nil)], fieldPaths: ["clientAuth.type"]),
        Case(id: "SECRET without a secret", changes: [("clientAuth", ["type": "SECRET"])], fieldPaths: ["clientAuth.secret"]),
        Case(
            id: "empty secret", changes: [("clientAuth", ["type": "SECRET", "secret": ""])],
            fieldPaths: ["clientAuth.secret"]),
        Case(
            id: "certificate without DNs", changes: [("clientAuth", ["type": "CERTIFICATE"])],
            fieldPaths: ["clientAuth.clientCertIssuerDn", "clientAuth.clientCertSubjectDn"]),
        Case(
            id: "private key JWT without keys", changes: [("clientAuth", ["type": "PRIVATE_KEY_JWT"])],
            fieldPaths: ["jwksSettings"]),
        Case(
            id: "unreadable encrypted secret",
            changes: [("clientAuth", ["type": "SECRET", "encryptedSecret": "OBF:JWE:bogus"])],
            fieldPaths: ["clientAuth.encryptedSecret"]),
        Case(
            id: "relative redirect URI",
            changes: [("redirectUris", ["https://ok.example/cb", "/callback"])], fieldPaths: ["redirectUris[1]"]),
        Case(id: "redirect URI with a space", changes: [("redirectUris", ["https://a b/"])], fieldPaths: ["redirectUris[0]"]),
        Case(id: "http URI without host", changes: [("redirectUris", ["https:///cb"])], fieldPaths: ["redirectUris[0]"]),
        Case(id: "logo URL not http", changes: [("logoUrl", "ftp://x.example/logo.png")], fieldPaths: ["logoUrl"]),
        Case(
            id: "override without its time",
            changes: [("persistentGrantExpirationType", "OVERRIDE_SERVER_DEFAULT")],
            fieldPaths: ["persistentGrantExpirationTime"]),
        Case(
            id: "negative idle timeout",
            changes: [("persistentGrantIdleTimeoutType", "OVERRIDE_SERVER_DEFAULT"), ("persistentGrantIdleTimeout", -5)],
            fieldPaths: ["persistentGrantIdleTimeout"]),
        Case(
            id: "restricted scopes without restrictScopes", changes: [("restrictedScopes", ["openid"])],
            fieldPaths: ["restrictedScopes"]),
        Case(
            id: "unknown access token manager", changes: [("defaultAccessTokenManagerRef", ["id": "nope"])],
            fieldPaths: ["defaultAccessTokenManagerRef.id"]),
        Case(
            id: "unknown OIDC policy", changes: [("oidcPolicy", ["policyGroup": ["id": "nope"]])],
            fieldPaths: ["oidcPolicy.policyGroup.id"]),
        Case(
            id: "undefined extended parameter", changes: [("extendedParameters", ["team": ["values": ["a"]]])],
            fieldPaths: ["extendedParameters.team"]),
        Case(
            id: "signed requests without keys", changes: [("requireSignedRequests", true)],
            fieldPaths: ["requireSignedRequests"]),
        Case(
            id: "encryption without content algorithm",
            changes: [
                ("jwksSettings", ["jwksUrl": "https://keys.example/jwks"]),
                ("tokenIntrospectionEncryptionAlgorithm", "RSA_OAEP"),
            ],
            fieldPaths: ["tokenIntrospectionContentEncryptionAlgorithm"]),
        Case(
            id: "both JWKS and URL",
            changes: [("jwksSettings", ["jwksUrl": "https://keys.example/jwks", "jwks": "{\"keys\":[]}"])],
            fieldPaths: ["jwksSettings"]),
        Case(
            id: "JWKS that is not a key set", changes: [("jwksSettings", ["jwks": "not json"])],
            fieldPaths: ["jwksSettings.jwks"]),
        Case(
            id: "CIBA ping without endpoint",
            changes: [("grantTypes", ["CIBA", "CLIENT_CREDENTIALS"]), ("cibaDeliveryMode", "PING")],
            fieldPaths: ["cibaNotificationEndpoint"]),
    ]

    @Test(arguments: cases) func refusedWith422(_ c: Case) {
        var body = Sample.minimal.objectValue ?? JSONObject()
        for (key, value) in c.changes { body[key] = value }
        let harness = EmulatorHarness()
        let reply = harness.send("POST", "/oauth/clients", body: .object(body))
        #expect(reply.status == 422, "\(reply.json.map { JSONPrinter.print($0) } ?? "")")
        #expect(reply["resultId"] == "validation_error")
        #expect(reply["message"] == .string(APIResult.validationMessage))
        #expect(reply.fieldPaths == c.fieldPaths)
        #expect(harness.api.state.clients.isEmpty)
    }

    static let accepted: [(String, JSONValue)] = [
        ("redirectUris", ["https://*.example.com/*", "com.example.app:/cb", "http://localhost:8080/cb"]),
        ("persistentGrantExpirationType", "INDEFINITE_EXPIRY"),
        ("jwksSettings", ["jwks": "{\"keys\":[]}"]),
        ("logoUrl", "https://cdn.example.com/logo.png"),
    ]

    @Test func acceptedValues() {
        var body = Sample.minimal.objectValue ?? JSONObject()
        for (key, value) in Self.accepted { body[key] = value }
        EmulatorHarness().create(.object(body))
    }

    @Test func overrideWithTimeIsAccepted() {
        var body = Sample.minimal.objectValue ?? JSONObject()
        body["persistentGrantExpirationType"] = "OVERRIDE_SERVER_DEFAULT"
        body["persistentGrantExpirationTime"] = 30
        body["persistentGrantExpirationTimeUnit"] = "DAYS"
        let reply = EmulatorHarness().create(.object(body))
        #expect(reply["persistentGrantExpirationTime"] == 30)
    }

    @Test func knownReferencesAndMetadataAreAcceptedWithLocation() {
        let state = DemoSeed.state(now: 0, random: { Array(repeating: 1, count: $0) })
        let harness = EmulatorHarness(state: state)
        var body = Sample.minimal.objectValue ?? JSONObject()
        body["defaultAccessTokenManagerRef"] = ["id": "default-atm", "location": "https://elsewhere/x"]
        body["oidcPolicy"] = ["policyGroup": ["id": "default-oidc"]]
        body["extendedParameters"] = ["department": ["values": ["finance"]]]
        let reply = harness.create(.object(body))
        #expect(
            reply["defaultAccessTokenManagerRef"]
                == [
                    "id": "default-atm",
                    "location": "https://127.0.0.1:9999/pf-admin-api/v1/oauth/accessTokenManagers/default-atm",
                ])
        #expect(
            reply["oidcPolicy"]?["policyGroup"]?["location"]
                == "https://127.0.0.1:9999/pf-admin-api/v1/oauth/openIdConnect/policies/default-oidc")
        #expect(reply["extendedParameters"] == ["department": ["values": ["finance"]]])
        body["extendedParameters"] = ["department": ["values": ["a", "b"]]]
        body["clientId"] = "svc2"
        #expect(harness.send("POST", "/oauth/clients", body: .object(body)).fieldPaths == ["extendedParameters.department.values"])
    }

    @Test func consentPromptIsResetUnlessOfflineAccessIsRequired() {
        var body = Sample.minimal.objectValue ?? JSONObject()
        body["offlineAccessRequireConsentPrompt"] = "YES"
        let harness = EmulatorHarness()
        #expect(harness.create(.object(body))["offlineAccessRequireConsentPrompt"] == "SERVER_DEFAULT")
        body["clientId"] = "svc2"
        body["requireOfflineAccessScopeToIssueRefreshTokens"] = "YES"
        #expect(harness.create(.object(body))["offlineAccessRequireConsentPrompt"] == "YES")
    }
}
