import PFShellCore
import PFShellEmulator
import PFShellJSON
import Testing

/// The ThingWorx procedure as shell commands, against the emulator, replayed twice.
@Suite struct ThingWorxSessionTests {
    static let script = [
        "client ensure thingworx --name ThingWorx --description 'ThingWorx SSO'",
        "secret set --env TWX_CLIENT_SECRET --if-new",
        "redirect add https://twx.example.com:8443/Thingworx/oauth2_authorization_code_redirect",
        "grants set refresh-token authorization-code client-credentials access-token-validation",
        "persistent-grants never-expire",
        "refresh-rolling roll",
        "commit -m 'ThingWorx SSO client'",
    ]

    @Test func theProcedureCreatesTheClientAndAReplayChangesNothing() throws {
        let shell = SessionHarness()
        shell.services.environment["TWX_CLIENT_SECRET"] = "Twx-Secret-Value-1"
        var output: [String] = []
        for line in Self.script { output += shell.ok(line) }
        #expect(output.suffix(2) == ["created thingworx", "committed 1 client(s): ThingWorx SSO client"])
        let stored = try #require(shell.stored("thingworx"))
        #expect(stored["name"] == "ThingWorx")
        #expect(stored["description"] == "ThingWorx SSO")
        #expect(stored["grantTypes"] == ["REFRESH_TOKEN", "AUTHORIZATION_CODE", "CLIENT_CREDENTIALS", "ACCESS_TOKEN_VALIDATION"])
        #expect(stored["redirectUris"] == ["https://twx.example.com:8443/Thingworx/oauth2_authorization_code_redirect"])
        #expect(stored["persistentGrantExpirationType"] == "INDEFINITE_EXPIRY")
        #expect(stored["refreshRolling"] == "ROLL")
        #expect(stored["clientAuth"]?["type"] == "SECRET")
        #expect(shell.api.state.clients["thingworx"]?.secret == "Twx-Secret-Value-1")

        let replay = SessionHarnessReplay(api: shell.api)
        replay.services.environment = [:]  // the secret is not even needed the second time
        var second: [String] = []
        for line in Self.script { second += replay.shell.ok(line) }
        #expect(second.last == "nothing to commit")
        #expect(replay.shell.port.writes.isEmpty)
    }
}

/// A second session against the same emulator state.
final class SessionHarnessReplay {
    let shell: SessionHarness
    var services: FakeServices { shell.services }

    init(api: AdminAPI) {
        shell = SessionHarness(api: api)
    }
}
