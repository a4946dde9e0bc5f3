import PFShellJSON
import Testing

@testable import PFShellCore

@Suite struct ClientExportTests {
    @Test(arguments: [("thingworx", "THINGWORX_SECRET"), ("api-gw.v2", "API_GW_V2_SECRET"), ("Ünï", "_N__SECRET")])
    func theSecretVariableIsTheIDInUpperCaseWithOtherCharactersAsUnderscores(_ id: String, _ variable: String) {
        #expect(ClientExport.secretVariable(["clientId": .string(id)]) == variable)
    }

    @Test func onlyWhatDiffersFromTheServersOwnValuesIsWrittenInTheReadableVocabulary() throws {
        let client = try #require(
            try JSONParser.parse(
                #"""
                {"clientId": "twx", "enabled": true, "redirectUris": ["https://h/cb"], "grantTypes": ["AUTHORIZATION_CODE", "REFRESH_TOKEN"],
                 "name": "Thing Worx", "description": "", "modificationDate": "2026-11-30T00:00:00Z",
                 "refreshRolling": "ROLL", "refreshTokenRollingIntervalType": "SERVER_DEFAULT", "refreshTokenRollingInterval": 0,
                 "refreshTokenRollingIntervalTimeUnit": "HOURS",
                 "persistentGrantExpirationType": "INDEFINITE_EXPIRY", "persistentGrantExpirationTime": 0, "persistentGrantExpirationTimeUnit": "DAYS",
                 "persistentGrantIdleTimeoutType": "OVERRIDE_SERVER_DEFAULT", "persistentGrantIdleTimeout": 30, "persistentGrantIdleTimeoutTimeUnit": "DAYS",
                 "restrictScopes": true, "restrictedScopes": ["openid", "THINGWORX"], "bypassApprovalPage": false,
                 "oidcPolicy": {"logoutMode": "NONE", "pingAccessLogoutCapable": false, "policyGroup": {"id": "oidc"}},
                 "clientAuth": {"type": "SECRET", "encryptedSecret": "OBF:JWE:x"}, "someFutureField": 3}
                """#
            ).objectValue)
        #expect(
            ClientExport.commands(client) == [
                "client ensure twx", "set name 'Thing Worx'", "redirect add https://h/cb", "grants set authorization-code refresh-token",
                "refresh-rolling roll", "persistent-grants never-expire", "set persistentGrantIdleTimeoutType OVERRIDE_SERVER_DEFAULT",
                "set persistentGrantIdleTimeout 30", "set persistentGrantIdleTimeoutTimeUnit DAYS", "set restrictScopes true",
                "set restrictedScopes openid,THINGWORX", "set oidcPolicy.policyGroup oidc", "secret set --env TWX_SECRET --if-new",
                "# not exported (pfsh has no command for them): someFutureField",
            ])
    }

    @Test func aScriptEndsWithCommitAndNamesTheSecretsItNeeds() {
        let script = ClientExport.script(
            [["clientId": "a", "clientAuth": ["type": "SECRET"]], ["clientId": "b", "clientAuth": ["type": "NONE"]]], server: "https://pf/pf-admin-api/v1")
        #expect(
            script == """
                # 2 client(s) exported by pfsh from https://pf/pf-admin-api/v1
                # Secrets come from the environment: A_SECRET (set only when a client is new)

                client ensure a
                secret set --env A_SECRET --if-new

                client ensure b

                commit

                """)
    }

    @Test func theJSONFormHasNoSecretMaterialAndNoServerTimes() {
        let json = ClientExport.json([
            ["clientId": "a", "modificationDate": "x", "clientAuth": ["type": "SECRET", "encryptedSecret": "OBF:JWE:x", "secret": "s"]]
        ])
        #expect(json == [["clientId": "a", "clientAuth": ["type": "SECRET"]]])
    }
}

@Suite struct BearerTokenTests {
    @Test func aTokenIsFetchedAgainThirtySecondsBeforeItExpires() throws {
        let token = try #require(BearerToken(answer: ["access_token": "t", "expires_in": 7200], now: 1000))
        #expect(token.expiresAt == 8200)
        #expect(!token.needsRefresh(now: 8169))
        #expect(token.needsRefresh(now: 8170))
        let forever = try #require(BearerToken(answer: ["access_token": "t"], now: 1000))
        #expect(!forever.needsRefresh(now: Int64.max - 1))
        #expect(BearerToken(answer: ["error": "invalid_client"], now: 0) == nil)
    }
}
