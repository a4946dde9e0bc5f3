import PFShellCore
import PFShellJSON
import Testing

/// `thingworx settings` from a session: the secret this session knows goes into the file, unseen.
@Suite struct ThingWorxSettingsSessionTests {
    static let existing = """
        {
          "PlatformSettingsConfig": {
            "BasicSettings": { "BackupStorage": "/ThingworxBackupStorage" }
          },
          "AuthorizationServersSettings": {
            "Other": { "clientId": "x", "clientSecret": "other-secret" }
          }
        }
        """

    func committedThingWorx(_ shell: SessionHarness) {
        shell.ok("client new thingworx --preset thingworx")
        shell.ok("thingworx redirect twx.example.com:8443")
        shell.ok("commit")
    }

    @Test func theBlockIsMergedAndEverythingElseKept() throws {
        let shell = SessionHarness()
        committedThingWorx(shell)
        shell.services.files["/twx/platform-settings.json"] = Self.existing
        let output = shell.ok("thingworx settings --file /twx/platform-settings.json")
        #expect(output.last == "wrote /twx/platform-settings.json (previous version in /twx/platform-settings.json.bak)")
        #expect(!output.joined().contains(shell.session.knownSecret(for: "thingworx") ?? "missing"))
        let written = try JSONParser.parse(try #require(shell.services.files["/twx/platform-settings.json"]))
        #expect(written.objectValue?.keys == ["PlatformSettingsConfig", "AuthorizationServersSettings"])
        let block = written["AuthorizationServersSettings"]?["PingFederate"]
        #expect(block?["clientId"] == "thingworx")
        #expect(block?["clientSecret"]?.stringValue == shell.session.knownSecret(for: "thingworx"))
        #expect(block?["tokenUri"] == "https://127.0.0.1:9031/as/token.oauth2")
        #expect(written["AuthorizationServersSettings"]?["Other"]?["clientSecret"] == "other-secret")
        #expect(shell.ok("thingworx settings --file /twx/platform-settings.json") == ["/twx/platform-settings.json is up to date"])
    }

    @Test func aReplayWithoutTheSecretKeepsTheFilesSecret() throws {
        let shell = SessionHarness()
        committedThingWorx(shell)
        shell.ok("thingworx settings --file /twx/new.json")
        let replay = SessionHarness(api: shell.api)
        replay.services.files = shell.services.files
        replay.ok("client ensure thingworx --preset thingworx")
        #expect(replay.ok("commit") == ["nothing to commit"])
        #expect(replay.ok("thingworx settings --file /twx/new.json") == ["/twx/new.json is up to date"])
    }

    @Test func withoutAnySecretItRefusesAndSaysHow() {
        let shell = SessionHarness(seed: true)
        shell.ok("client edit demo-batch")
        let error = shell.fails("thingworx settings --file /twx/empty.json")
        #expect(error?.message.contains("secret set --env VAR") == true)
        #expect(shell.services.files["/twx/empty.json"] == nil)
    }

    @Test func aMalformedFileIsLeftUntouched() {
        let shell = SessionHarness()
        committedThingWorx(shell)
        shell.services.files["/twx/bad.json"] = "{\n  \"a\": 1,\n}\n"
        let error = shell.fails("thingworx settings --file /twx/bad.json")
        #expect(error?.message.hasPrefix("/twx/bad.json:3:1: ") == true)
        #expect(shell.services.files["/twx/bad.json"] == "{\n  \"a\": 1,\n}\n")
    }

    @Test func withoutAFileTheBlockIsShownMasked() {
        let shell = SessionHarness()
        committedThingWorx(shell)
        let preview = shell.ok("thingworx settings --auth-server-id PF").joined(separator: "\n")
        #expect(preview.contains("********"))
        #expect(preview.contains("\"PF\""))
    }

    @Test func resourceServerSettings() throws {
        let shell = SessionHarness()
        committedThingWorx(shell)
        shell.ok("thingworx resource-settings --file /twx/resourceServerSettings.json")
        let written = try JSONParser.parse(try #require(shell.services.files["/twx/resourceServerSettings.json"]))
        let block = written["ResourceServerSettings"]?["accessTokenServicesSettings"]
        #expect(block?["checkTokenEndpointUrl"] == "https://127.0.0.1:9031/as/introspect.oauth2")
        #expect(shell.fails("thingworx resource-settings")?.category == .usage)
    }
}
