@testable import PFShellCore
import PFShellJSON
import Testing

@Suite struct ThingWorxSettingsTests {
    static let runtime = "https://pf.example.com:9031"
    static let secret = "Twx-Secret-9f3b2c1d7e"
    static let server = ThingWorxSettings.Kind.authorizationServer()
    static let block = "AuthorizationServersSettings.PingFederate"

    /// A platform-settings.json as ThingWorx ships it (4-space indent), with SSO on and an AD FS server.
    static let platformSettings = """
        {
            "PersistenceProviderPackageConfigs": {
                "PostgresPersistenceProviderPackage": {
                    "ConnectionInformation": {
                        "jdbcUrl": "jdbc:postgresql://db.example.com:5432/thingworx",
                        "password": "encrypt.db.password",
                        "username": "twadmin"
                    }
                }
            },
            "PlatformSettingsConfig": {
                "BasicSettings": {
                    "BackupStorage": "/ThingworxBackupStorage",
                    "DatabaseLogRetentionPolicy": 7,
                    "EnableBackup": true,
                    "EnableSSO": true,
                    "FileRepositoryRoot": "/ThingworxStorage",
                    "Storage": "/ThingworxStorage",
                    "HTTPRequestHeaderMaxLength": 2000,
                    "ScriptTimeout": 30.5
                },
                "ExtensionPackageImportPolicy": {
                    "importEnabled": true,
                    "allowJarResources": true,
                    "allowJavascriptResources": true,
                    "allowCSSResources": true,
                    "allowWebAppResources": true,
                    "allowEntities": true,
                    "allowExtensibleEntities": true
                }
            },
            "AuthorizationServersSettings": {
                "ADFS": {
                    "clientId": "twx-adfs",
                    "clientSecret": "adfs-secret",
                    "authorizeUri": "https://adfs.example.com/adfs/oauth2/authorize",
                    "tokenUri": "https://adfs.example.com/adfs/oauth2/token",
                    "mandatoryScopes": "openid"
                }
            },
            "ContentSecurityPolicySettings": {
                "defaultSrc": ["'self'"],
                "nullValue": null
            }
        }

        """

    static func plan(
        _ existing: String?, _ kind: ThingWorxSettings.Kind = server, clientId: String = "thingworx",
        secret: String? = secret, runtime: String = runtime
    ) throws(ThingWorxSettings.SettingsError) -> ThingWorxSettings.Plan {
        try ThingWorxSettings.plan(existing: existing, kind: kind, clientId: clientId, secret: secret, runtimeURL: runtime)
    }

    static func object(_ text: String) throws -> JSONObject {
        try #require(try JSONParser.parse(text).objectValue)
    }

    /// The error `plan` throws with these arguments; nil when it succeeds.
    static func failure(
        _ existing: String?, _ kind: ThingWorxSettings.Kind = server, clientId: String = "thingworx",
        secret: String? = secret, runtime: String = runtime
    ) -> ThingWorxSettings.SettingsError? {
        do {
            _ = try plan(existing, kind, clientId: clientId, secret: secret, runtime: runtime)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Runtime URL

    @Test(arguments: [
        ("https://pf.example.com:9999/pf-admin-api/v1", "https://pf.example.com:9031"),
        ("https://pf.example.com:9999/pf-admin-api/v1/", "https://pf.example.com:9031"),
        ("https://pf.example.com/pf-admin-api/v1", "https://pf.example.com:9031"),
        ("HTTPS://PF.example.com:9999", "https://PF.example.com:9031"),
        ("https://admin@pf.example.com:9999/pf-admin-api/v1?x=1", "https://pf.example.com:9031"),
        ("https://[::1]:9999/pf-admin-api/v1", "https://[::1]:9031"),
        ("https://127.0.0.1:40123/pf-admin-api/v1", "https://127.0.0.1:9031"),
        ("pf.example.com:9999", "https://pf.example.com:9031"),
    ])
    func runtimeURLKeepsSchemeAndHostOnPort9031(_ admin: String, _ runtime: String) {
        #expect(ThingWorxSettings.runtimeURL(fromAdminURL: admin) == runtime)
    }

    @Test func endpointsHangOffTheRuntimeURL() {
        let urls = ThingWorxSettings.endpoints(runtimeURL: "https://pf.example.com:9031/")
        #expect(urls.authorize == "https://pf.example.com:9031/as/authorization.oauth2")
        #expect(urls.token == "https://pf.example.com:9031/as/token.oauth2")
        #expect(urls.introspect == "https://pf.example.com:9031/as/introspect.oauth2")
    }

    // MARK: New files

    @Test func aNewAuthorizationServerFileHoldsTheBlockAlone() throws {
        let plan = try Self.plan(nil)
        #expect(plan.text == """
            {
              "AuthorizationServersSettings": {
                "PingFederate": {
                  "clientId": "thingworx",
                  "clientSecret": "\(Self.secret)",
                  "authorizeUri": "https://pf.example.com:9031/as/authorization.oauth2",
                  "tokenUri": "https://pf.example.com:9031/as/token.oauth2"
                }
              }
            }

            """)
        #expect(plan.changed)
        #expect(!plan.keptExistingSecret)
        #expect(plan.diff == [
            "+ \(Self.block).clientId: \"thingworx\"",
            "+ \(Self.block).clientSecret: (set)",
            "+ \(Self.block).authorizeUri: \"https://pf.example.com:9031/as/authorization.oauth2\"",
            "+ \(Self.block).tokenUri: \"https://pf.example.com:9031/as/token.oauth2\"",
        ])
    }

    @Test func aNewResourceServerFileHoldsTheAccessTokenServicesBlock() throws {
        let plan = try Self.plan(nil, .resourceServer, runtime: "https://pf.example.com:9031/")
        #expect(plan.text == """
            {
              "ResourceServerSettings": {
                "accessTokenServicesSettings": {
                  "oauthTokenEndPoint": "https://pf.example.com:9031/as/token.oauth2",
                  "checkTokenEndpointUrl": "https://pf.example.com:9031/as/introspect.oauth2",
                  "clientId": "thingworx",
                  "clientSecret": "\(Self.secret)"
                }
              }
            }

            """)
        #expect(plan.changed)
        let path = "ResourceServerSettings.accessTokenServicesSettings"
        #expect(plan.diff == [
            "+ \(path).oauthTokenEndPoint: \"https://pf.example.com:9031/as/token.oauth2\"",
            "+ \(path).checkTokenEndpointUrl: \"https://pf.example.com:9031/as/introspect.oauth2\"",
            "+ \(path).clientId: \"thingworx\"",
            "+ \(path).clientSecret: (set)",
        ])
    }

    @Test func aBlankFileIsWrittenAsANewFile() throws {
        let plan = try Self.plan(" \n\n")
        #expect(plan.changed)
        #expect(plan.text == (try Self.plan(nil)).text)
    }

    @Test func theServerIdNamesTheBlock() throws {
        let plan = try Self.plan(nil, .authorizationServer(id: "PingFed-Prod"))
        let root = try Self.object(plan.text)
        #expect(root["AuthorizationServersSettings"]?["PingFed-Prod"]?["clientId"] == "thingworx")
        #expect(plan.diff.first == "+ AuthorizationServersSettings.PingFed-Prod.clientId: \"thingworx\"")
    }

    // MARK: Merging into an existing file

    @Test func aRealisticPlatformSettingsFileKeepsEveryOtherKeyInOrder() throws {
        let plan = try Self.plan(Self.platformSettings)
        #expect(plan.changed)
        let before = try Self.object(Self.platformSettings)
        let after = try Self.object(plan.text)
        #expect(after.keys == before.keys)
        for key in before.keys where key != "AuthorizationServersSettings" {
            #expect(after[key] == before[key], "\(key)")
            // Same order inside too: the printed forms match.
            #expect(JSONPrinter.print(after[key]!) == JSONPrinter.print(before[key]!), "\(key)")
        }
        let servers = try #require(after["AuthorizationServersSettings"]?.objectValue)
        #expect(servers.keys == ["ADFS", "PingFederate"])
        #expect(servers["ADFS"] == before["AuthorizationServersSettings"]?["ADFS"])
        let ours = try #require(servers["PingFederate"]?.objectValue)
        #expect(ours.keys == ["clientId", "clientSecret", "authorizeUri", "tokenUri"])
        #expect(ours["clientSecret"] == .string(Self.secret))
        #expect(plan.text.hasPrefix("{\n  \"PersistenceProviderPackageConfigs\": {\n    \"Postgres"))
        #expect(plan.text.hasSuffix("}\n"))
        #expect(plan.text.contains("\"ScriptTimeout\": 30.5"))
        #expect(plan.diff.count == 4)
        #expect(!plan.diff.joined().contains(Self.secret))
        #expect(!plan.diff.joined().contains("adfs-secret"))
    }

    @Test func changedValuesShowOldAndNewAndExtraKeysOfTheBlockAreKept() throws {
        let existing = """
            {"AuthorizationServersSettings": {"PingFederate": {
              "mandatoryScopes": "openid",
              "tokenUri": "https://old-pf.example.com:9031/as/token.oauth2",
              "clientId": "thingworx",
              "clientSecret": "Old-Secret-123",
              "authorizeUri": "https://pf.example.com:9031/as/authorization.oauth2"
            }}}
            """
        let plan = try Self.plan(existing)
        #expect(plan.changed)
        #expect(plan.diff == [
            "~ \(Self.block).clientSecret: (changed)",
            "- \(Self.block).tokenUri: \"https://old-pf.example.com:9031/as/token.oauth2\"",
            "+ \(Self.block).tokenUri: \"https://pf.example.com:9031/as/token.oauth2\"",
        ])
        let block = try #require(try Self.object(plan.text)["AuthorizationServersSettings"]?["PingFederate"]?.objectValue)
        #expect(block.keys == ["mandatoryScopes", "tokenUri", "clientId", "clientSecret", "authorizeUri"])
        #expect(block["mandatoryScopes"] == "openid")
        #expect(block["clientSecret"] == .string(Self.secret))
        #expect(!plan.diff.joined().contains("Old-Secret-123"))
        #expect(!plan.diff.joined().contains(Self.secret))
    }

    @Test func theSingularSpellingIsKeptWhenTheFileUsesIt() throws {
        let existing = """
            {"PlatformSettingsConfig": {"BasicSettings": {"EnableSSO": true}},
             "AuthorizationServerSettings": {"Other": {"clientId": "x"}}}
            """
        let plan = try Self.plan(existing)
        let root = try Self.object(plan.text)
        #expect(root.keys == ["PlatformSettingsConfig", "AuthorizationServerSettings"])
        #expect(root["AuthorizationServerSettings"]?.objectValue?.keys == ["Other", "PingFederate"])
        #expect(plan.diff.first == "+ AuthorizationServerSettings.PingFederate.clientId: \"thingworx\"")
    }

    @Test func thePluralSpellingIsUsedByDefault() throws {
        let plan = try Self.plan(#"{"PlatformSettingsConfig": {"BasicSettings": {"EnableSSO": true}}}"#)
        let root = try Self.object(plan.text)
        #expect(root.keys == ["PlatformSettingsConfig", "AuthorizationServersSettings"])
    }

    @Test func withBothSpellingsTheOneHoldingTheServerIsUsed() throws {
        let singularHolds = """
            {"AuthorizationServersSettings": {"ADFS": {}},
             "AuthorizationServerSettings": {"PingFederate": {"clientId": "thingworx", "clientSecret": "s"}}}
            """
        let one = try Self.object(try Self.plan(singularHolds).text)
        #expect(one["AuthorizationServerSettings"]?["PingFederate"]?["tokenUri"] != nil)
        #expect(one["AuthorizationServersSettings"]?["PingFederate"] == nil)

        let neither = #"{"AuthorizationServersSettings": {}, "AuthorizationServerSettings": {}}"#
        let two = try Self.object(try Self.plan(neither).text)
        #expect(two["AuthorizationServersSettings"]?["PingFederate"] != nil)
        #expect(two["AuthorizationServerSettings"] == [:])
    }

    @Test func aResourceServerFileKeepsItsOtherSettings() throws {
        let converter = "com.ptc.eauth.identity.oauth2.rs.IntrospectionUserAuthenticationConverter"
        let existing = """
            {
              "ResourceServerSettings": {
                "accessTokenServicesSettings": {
                  "oauthTokenEndPoint": "https://<pingfed>:9031/as/token.oauth2",
                  "checkTokenEndpointUrl": "https://<pingfed>:9031/as/introspect.oauth2",
                  "clientId": "<clientId>",
                  "clientSecret": "<clientSecret>",
                  "chainedGrantType": "password",
                  "userAuthenticationConverterClassName": "\(converter)"
                },
                "globalScopes": "THINGWORX",
                "uriScopes": [{"uri": "/Things/**", "scopes": "THINGWORX_THINGS", "method": "GET"}]
              }
            }
            """
        let plan = try Self.plan(existing, .resourceServer)
        let settings = try #require(try Self.object(plan.text)["ResourceServerSettings"]?.objectValue)
        #expect(settings.keys == ["accessTokenServicesSettings", "globalScopes", "uriScopes"])
        let block = try #require(settings["accessTokenServicesSettings"]?.objectValue)
        #expect(block.keys == [
            "oauthTokenEndPoint", "checkTokenEndpointUrl", "clientId", "clientSecret", "chainedGrantType",
            "userAuthenticationConverterClassName",
        ])
        #expect(block["checkTokenEndpointUrl"] == "https://pf.example.com:9031/as/introspect.oauth2")
        #expect(block["clientSecret"] == .string(Self.secret))
        #expect(block["chainedGrantType"] == "password")
        #expect(plan.diff.contains("~ ResourceServerSettings.accessTokenServicesSettings.clientSecret: (changed)"))
    }

    // MARK: Unchanged files

    @Test func aFileThatAlreadyHoldsTheValuesIsUnchangedByteForByte() throws {
        let first = try Self.plan(Self.platformSettings)
        // Hand-formatted: 4-space indent, keys of the block in another order, no final newline.
        let existing = """
            {
                "PlatformSettingsConfig": { "BasicSettings": { "EnableSSO": true } },
                "AuthorizationServersSettings": {
                    "PingFederate": {
                        "tokenUri": "https://pf.example.com:9031/as/token.oauth2",
                        "authorizeUri": "https://pf.example.com:9031/as/authorization.oauth2",
                        "clientSecret": "\(Self.secret)",
                        "clientId": "thingworx"
                    }
                }
            }
            """
        for text in [existing, first.text] {
            let plan = try Self.plan(text)
            #expect(!plan.changed)
            #expect(plan.text == text)
            #expect(Array(plan.text.utf8) == Array(text.utf8))
            #expect(plan.diff.isEmpty)
            #expect(!plan.keptExistingSecret)
        }
        let resource = try Self.plan(nil, .resourceServer)
        let again = try Self.plan(resource.text, .resourceServer)
        #expect(!again.changed && again.text == resource.text)
    }

    // MARK: Secrets

    @Test func withoutASessionSecretTheFilesSecretForThisClientIsKept() throws {
        let existing = try Self.plan(Self.platformSettings).text
        let plan = try Self.plan(existing, secret: nil)
        #expect(plan.keptExistingSecret)
        #expect(!plan.changed)
        #expect(plan.text == existing)

        // Kept also when other values change.
        let moved = try Self.plan(existing, secret: nil, runtime: "https://pf2.example.com:9031")
        #expect(moved.keptExistingSecret && moved.changed)
        let block = try Self.object(moved.text)["AuthorizationServersSettings"]?["PingFederate"]
        #expect(block?["clientSecret"] == .string(Self.secret))
        #expect(!moved.diff.contains { $0.contains("clientSecret") })
    }

    @Test func withoutAnySecretThePlanIsRefusedAndSaysHowToProvideOne() {
        let how = "use 'secret set --env VAR' or 'secret generate' in this session"
        let none = Self.failure(nil, secret: nil)
        #expect(none == ThingWorxSettings.SettingsError(
            message: "no secret for client 'thingworx': this session holds none and the file has none to keep; \(how)"))

        let empty = Self.failure(Self.platformSettings, secret: "")
        #expect(empty?.message.hasSuffix(how) == true)

        let otherClient = #"{"AuthorizationServersSettings": {"PingFederate": {"clientId": "old-twx", "clientSecret": "s3"}}}"#
        let other = Self.failure(otherClient, secret: nil)
        #expect(other?.message == "no secret for client 'thingworx': the file's secret belongs to client 'old-twx'; \(how)")

        let resource = Self.failure(nil, .resourceServer, secret: nil)
        #expect(resource?.message.hasSuffix(how) == true)
    }

    @Test(arguments: ["********", "<clientSecret>", "", "  "])
    func aPlaceholderInTheFileIsNotASecret(_ placeholder: String) {
        let block = #"{"clientId": "thingworx", "clientSecret": "\#(placeholder)"}"#
        let existing = #"{"AuthorizationServersSettings": {"PingFederate": \#(block)}}"#
        let error = Self.failure(existing, secret: nil)
        #expect(error?.message.contains("has none to keep") == true)
    }

    @Test func theSecretNeverAppearsInDiffOrPreview() throws {
        for kind in [Self.server, .resourceServer] {
            let other = #"{"AuthorizationServersSettings": {"PingFederate": {"clientSecret": "x"}}}"#
            for existing in [nil, Self.platformSettings, other] {
                let plan = try Self.plan(existing, kind)
                #expect(plan.text.contains(Self.secret))
                #expect(!plan.diff.joined(separator: "\n").contains(Self.secret))
            }
            let preview = ThingWorxSettings.preview(kind: kind, clientId: "thingworx", runtimeURL: Self.runtime)
            #expect(!preview.joined(separator: "\n").contains(Self.secret))
            #expect(preview.contains { $0.contains("\"clientSecret\": \"********\"") })
        }
    }

    // MARK: Preview

    @Test func previewShowsTheBlockWithTheSecretMasked() {
        #expect(ThingWorxSettings.preview(kind: Self.server, clientId: "thingworx", runtimeURL: Self.runtime) == [
            "{",
            "  \"AuthorizationServersSettings\": {",
            "    \"PingFederate\": {",
            "      \"clientId\": \"thingworx\",",
            "      \"clientSecret\": \"********\",",
            "      \"authorizeUri\": \"https://pf.example.com:9031/as/authorization.oauth2\",",
            "      \"tokenUri\": \"https://pf.example.com:9031/as/token.oauth2\"",
            "    }",
            "  }",
            "}",
        ])
        #expect(ThingWorxSettings.preview(kind: .resourceServer, clientId: "thingworx", runtimeURL: Self.runtime) == [
            "{",
            "  \"ResourceServerSettings\": {",
            "    \"accessTokenServicesSettings\": {",
            "      \"oauthTokenEndPoint\": \"https://pf.example.com:9031/as/token.oauth2\",",
            "      \"checkTokenEndpointUrl\": \"https://pf.example.com:9031/as/introspect.oauth2\",",
            "      \"clientId\": \"thingworx\",",
            "      \"clientSecret\": \"********\"",
            "    }",
            "  }",
            "}",
        ])
    }

    // MARK: Files that cannot be merged

    @Test func aMalformedFileIsRefusedWithTheParsersLineAndColumn() {
        let broken = """
            {
                "PlatformSettingsConfig": {
                    "BasicSettings": { "EnableSSO": true, }
                }
            }
            """
        let error = Self.failure(broken)
        #expect(error == ThingWorxSettings.SettingsError(message: "expected a string key, found '}'", line: 3, column: 47))
        #expect(error?.description == "3:47: expected a string key, found '}'")
    }

    @Test func aTopLevelValueThatIsNotAnObjectIsRefused() {
        let error = Self.failure("\n  [1, 2]\n")
        #expect(error == ThingWorxSettings.SettingsError(
            message: "the top-level value is an array, not an object; ThingWorx settings files hold one object",
            line: 2, column: 3))
    }

    @Test func aBlockThatIsNotAnObjectIsRefusedNotReplaced() {
        let string = Self.failure(#"{"AuthorizationServersSettings": "none"}"#)
        #expect(string?.message == "'AuthorizationServersSettings' is a string, not an object; fix or remove it first")
        let array = Self.failure(#"{"ResourceServerSettings": {"accessTokenServicesSettings": []}}"#, .resourceServer)
        #expect(array?.message
            == "'ResourceServerSettings.accessTokenServicesSettings' is an array, not an object; fix or remove it first")
    }

    @Test func aNullBlockIsFilledIn() throws {
        let plan = try Self.plan(#"{"AuthorizationServersSettings": {"PingFederate": null}}"#)
        #expect(try Self.object(plan.text)["AuthorizationServersSettings"]?["PingFederate"]?["clientId"] == "thingworx")
    }

    @Test(arguments: [
        "pf.example.com:9031", "ftp://pf.example.com", "https://", "https://pf.example.com:x", "https://pf.example.com?a=b",
    ])
    func aRuntimeURLThatIsNotAWebURLIsRefused(_ url: String) {
        let error = Self.failure(nil, runtime: url)
        #expect(error?.message == "runtime url '\(url)' is not an http(s) url such as 'https://pf.example.com:9031'")
    }

    @Test func emptyIdsAreRefused() {
        #expect(Self.failure(nil, clientId: " ")?.message
            == "the client id is empty")
        #expect(Self.failure(nil, .authorizationServer(id: ""))?.message
            == "the authorization server id is empty")
    }

    // MARK: Layout kept

    @Test func aByteOrderMarkAndCRLFLineBreaksAreKept() throws {
        let existing = "\u{FEFF}{\r\n    \"PlatformSettingsConfig\": {\"BasicSettings\": {\"EnableSSO\": true}}\r\n}\r\n"
        let plan = try Self.plan(existing)
        #expect(plan.text.hasPrefix("\u{FEFF}{\r\n  \"PlatformSettingsConfig\": {\r\n"))
        #expect(plan.text.hasSuffix("\r\n}\r\n"))
        #expect(!plan.text.utf8.enumerated().contains { offset, byte in
            byte == 0x0A && (offset == 0 || Array(plan.text.utf8)[offset - 1] != 0x0D)
        })
        let again = try Self.plan(plan.text)
        #expect(!again.changed)
    }
}
