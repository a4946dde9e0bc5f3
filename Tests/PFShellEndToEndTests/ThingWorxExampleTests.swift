import Foundation
import PFShellJSON
import PFShellTestSupport
import Testing

/// `scripts/examples/thingworx.pfsh` as shipped, run twice against one emulator: the first run
/// creates exactly the client of the admin console's ThingWorx procedure and writes ThingWorx's
/// settings file; the second changes nothing, on the server or in the file.
@Suite struct ThingWorxExampleTests {
    static let script = BuiltProducts.packageRoot.appendingPathComponent("scripts/examples/thingworx.pfsh").path
    static let secret = "Twx-Secret-\(UUID().uuidString.prefix(12))"
    static func arguments(_ server: TestServer) -> [String] {
        ["-v", "TWX_HOST=twx.example.com:8443", "-v", "TWX_SETTINGS=\(server.directory.file("platform-settings.json"))"]
    }

    /// The client the procedure registers, as the server returns it, but for its dates and sealed secret.
    static let expected: JSONObject = [
        "clientId": "thingworx", "enabled": true,
        "redirectUris": ["https://twx.example.com:8443/Thingworx/oauth2_authorization_code_redirect"],
        "grantTypes": ["REFRESH_TOKEN", "AUTHORIZATION_CODE", "CLIENT_CREDENTIALS", "ACCESS_TOKEN_VALIDATION"],
        "name": "ThingWorx", "description": "ThingWorx single sign-on",
        "restrictToDefaultAccessTokenManager": false, "validateUsingAllEligibleAtms": false,
        "refreshRolling": "ROLL", "refreshTokenRollingIntervalType": "SERVER_DEFAULT",
        "refreshTokenRollingIntervalTimeUnit": "HOURS",
        "persistentGrantExpirationType": "INDEFINITE_EXPIRY", "persistentGrantExpirationTime": 0,
        "persistentGrantExpirationTimeUnit": "DAYS", "persistentGrantIdleTimeoutType": "SERVER_DEFAULT",
        "persistentGrantIdleTimeout": 0, "persistentGrantIdleTimeoutTimeUnit": "DAYS",
        "persistentGrantReuseType": "SERVER_DEFAULT", "persistentGrantReuseGrantTypes": [],
        "allowAuthenticationApiInit": false, "enableCookielessAuthenticationApi": false, "bypassApprovalPage": false,
        "restrictScopes": false, "restrictedScopes": [], "exclusiveScopes": [], "authorizationDetailTypes": [],
        "restrictedResponseTypes": [], "requirePushedAuthorizationRequests": false,
        "requireJwtSecuredAuthorizationResponseMode": false, "requireSignedRequests": false,
        "oidcPolicy": [
            "grantAccessSessionRevocationApi": false, "grantAccessSessionSessionManagementApi": false,
            "logoutMode": "NONE", "pingAccessLogoutCapable": false, "logoutUris": [], "postLogoutRedirectUris": [],
            "pairwiseIdentifierUserType": false,
        ],
        "clientAuth": ["type": "SECRET", "secondarySecrets": []],
        "deviceFlowSettingType": "SERVER_DEFAULT", "requireProofKeyForCodeExchange": false,
        "refreshTokenRollingGracePeriodType": "SERVER_DEFAULT", "clientSecretRetentionPeriodType": "SERVER_DEFAULT",
        "requireDpop": false, "requireOfflineAccessScopeToIssueRefreshTokens": "SERVER_DEFAULT",
        "offlineAccessRequireConsentPrompt": "SERVER_DEFAULT",
    ]

    static let dates = ["creationDate", "modificationDate", "clientSecretChangedTime"]

    @Test func theExampleCreatesTheProcedureClientAndAReplayCommitsNothing() throws {
        let server = try TestServer(dataFile: true)
        defer { server.stop() }
        let settings = server.directory.file("platform-settings.json")
        let first = try server.pfsh(Self.arguments(server) + [Self.script], environment: ["TWX_CLIENT_SECRET": Self.secret])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("created thingworx\ncommitted 1 client(s): ThingWorx OAuth client\n"))
        #expect(first.stdout.hasSuffix("wrote \(settings) (new file, mode 0600)\n"))
        #expect(!first.stdout.contains(Self.secret))
        #expect(first.stderr == "")
        let created = try #require(try server.admin(.get, "/oauth/clients/thingworx").json?.objectValue)
        Self.expectSame(Self.withoutVolatile(created), Self.expected)
        for date in Self.dates { #expect(created[date]?.stringValue?.hasSuffix("Z") == true, "\(date)") }
        #expect(created["clientAuth"]?["encryptedSecret"]?.stringValue?.hasPrefix("OBF:JWE:") == true)
        let storedBefore = try #require(try server.storedClient("thingworx"))
        #expect(storedBefore["secret"]?.stringValue == Self.secret)
        let written = try String(contentsOfFile: settings, encoding: .utf8)
        let serverSettings = try JSONParser.parse(written)["AuthorizationServersSettings"]?["PingFederate"]
        #expect(serverSettings?["clientId"] == "thingworx")
        #expect(serverSettings?["clientSecret"]?.stringValue == Self.secret)
        #expect((try FileManager.default.attributesOfItem(atPath: settings)[.posixPermissions] as? Int) == 0o600)

        // A different secret in the environment: --if-new must leave the stored one alone.
        let trace = server.directory.file("replay-trace.jsonl")
        let second = try server.pfsh(
            Self.arguments(server) + ["--trace", trace, Self.script],
            environment: ["TWX_CLIENT_SECRET": "Another-Secret-Value-123"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == "nothing to commit\n\(settings) is up to date\n")
        #expect(try String(contentsOfFile: settings, encoding: .utf8) == written)
        #expect(second.stderr.contains("client 'thingworx' already exists; its secret is left unchanged (--if-new)"))
        let methods = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
            .compactMap { try? JSONParser.parse(String($0))["method"]?.stringValue }
        #expect(!methods.isEmpty)
        #expect(methods.allSatisfy { $0 == "GET" }, "the replay wrote: \(methods)")

        let replayed = try #require(try server.admin(.get, "/oauth/clients/thingworx").json?.objectValue)
        Self.expectSame(Self.withoutSealedSecret(replayed), Self.withoutSealedSecret(created))
        let storedAfter = try #require(try server.storedClient("thingworx"))
        #expect(storedAfter == storedBefore)
    }

    static func withoutSealedSecret(_ client: JSONObject) -> JSONObject {
        var copy = client
        var auth = copy["clientAuth"]?.objectValue ?? [:]
        auth["encryptedSecret"] = nil
        copy["clientAuth"] = .object(auth)
        return copy
    }

    static func withoutVolatile(_ client: JSONObject) -> JSONObject {
        var copy = withoutSealedSecret(client)
        for date in dates { copy[date] = nil }
        return copy
    }

    /// Equal objects, or one failure per differing field (easier to read than two whole clients).
    static func expectSame(_ actual: JSONObject, _ expected: JSONObject, sourceLocation: SourceLocation = #_sourceLocation) {
        for key in Set(actual.keys + expected.keys).sorted() where actual[key] != expected[key] {
            Issue.record(
                "\(key): \(actual[key].map { JSONPrinter.print($0) } ?? "absent"), expected \(expected[key].map { JSONPrinter.print($0) } ?? "absent")",
                sourceLocation: sourceLocation)
        }
    }
}
