import PFShellCore
import PFShellJSON
import Testing

/// The ThingWorx preset, its redirect helper, and `client test` against the runtime endpoints.
@Suite struct ThingWorxPresetTests {
    @Test func thePresetStagesTheProcedureAndGeneratesASecret() throws {
        let shell = SessionHarness()
        let output = shell.ok("client new twx --preset thingworx")
        #expect(output == ["generated a client secret for 'twx'; 'secret show --reveal' prints it"])
        shell.ok("thingworx redirect twx.example.com:8443 --flow")
        shell.ok("commit")
        let stored = try #require(shell.stored("twx"))
        #expect(stored["name"] == "ThingWorx")
        #expect(stored["grantTypes"] == ["REFRESH_TOKEN", "AUTHORIZATION_CODE", "CLIENT_CREDENTIALS", "ACCESS_TOKEN_VALIDATION"])
        #expect(stored["persistentGrantExpirationType"] == "INDEFINITE_EXPIRY")
        #expect(stored["refreshRolling"] == "ROLL")
        #expect(stored["clientAuth"]?["type"] == "SECRET")
        #expect(
            stored["redirectUris"] == [
                "https://twx.example.com:8443/Thingworx/oauth2_authorization_code_redirect",
                "https://twx.example.com:8443/Thingworx/Oauths/oauth/return",
            ])
        #expect(shell.api.state.clients["twx"]?.secret?.count == 40)
    }

    @Test func ensureWithThePresetOnAnExistingClientKeepsItsNameAndSecret() {
        let shell = SessionHarness(seed: true)
        let output = shell.ok("client ensure demo-batch --preset thingworx")
        #expect(output.isEmpty)
        #expect(shell.session.changeset["demo-batch"]?.newSecret == nil)
        #expect(shell.session.changeset["demo-batch"]?.current["name"] == "Demo batch job")
        shell.ok("commit")
        #expect(shell.stored("demo-batch")?["refreshRolling"] == "ROLL")
    }

    @Test func presetsAreExplained() {
        let shell = SessionHarness(connect: false)
        #expect(shell.ok("preset list") == ["PRESET     WHAT IT IS FOR", "thingworx  ThingWorx single sign-on through PingFederate"])
        let lines = shell.ok("preset show thingworx")
        #expect(lines.contains { $0.hasPrefix("  refreshRolling = ROLL  (") })
        #expect(lines.contains { $0.hasPrefix("  persistentGrantExpirationType = INDEFINITE_EXPIRY  (grants do not expire)") })
        #expect(shell.fails("preset show nope")?.message == "unknown preset 'nope'; known: thingworx")
        #expect(shell.fails("client new x --preset nope") != nil)
    }

    @Test func thingworxRedirectIsWrittenAsGiven() {
        let shell = SessionHarness()
        shell.ok("client new twx")
        shell.ok("thingworx redirect lb.example.com")
        let warned = shell.run("thingworx redirect plain.example.com:8080 --http")
        #expect(warned.warnings.count == 1)
        #expect(
            shell.session.changeset["twx"]?.current["redirectUris"] == [
                "https://lb.example.com/Thingworx/oauth2_authorization_code_redirect",
                "http://plain.example.com:8080/Thingworx/oauth2_authorization_code_redirect",
            ])
        #expect(shell.fails("thingworx redirect https://x.example.com") != nil)
    }

    @Test func clientTestGetsATokenIntrospectsItAndTriesTheRedirects() {
        let shell = SessionHarness()
        shell.ok("client new twx --preset thingworx")
        shell.ok("thingworx redirect twx.example.com:8443")
        shell.ok("commit")
        let output = shell.ok("client test twx")
        #expect(output.first?.hasPrefix("token: Bearer, expires in") == true)
        #expect(output.contains("introspection: active"))
        #expect(output.contains { $0.hasPrefix("redirect https://twx.example.com:8443/Thingworx/oauth2_authorization_code_redirect: accepted (") })
        #expect(output.contains { $0.hasPrefix("unregistered redirect https://unregistered.pfsh.invalid/callback: refused (") })
        #expect(output.last == "client 'twx' works")
    }

    @Test func aWrongSecretFailsClearly() {
        let shell = SessionHarness()
        shell.services.environment["WRONG"] = "not-the-secret"
        shell.ok("client new twx --preset thingworx")
        shell.ok("commit")
        let error = shell.fails("client test twx --secret-env WRONG")
        #expect(error?.message == "the token endpoint refused 'twx': invalid_client (Invalid client or client credentials)")
        #expect(error?.category == .command)
    }

    @Test func anUnknownSecretIsAskedFor() {
        let shell = SessionHarness(seed: true)
        #expect(shell.fails("client test demo-batch")?.message.contains("--secret-env VAR") == true)
    }
}
