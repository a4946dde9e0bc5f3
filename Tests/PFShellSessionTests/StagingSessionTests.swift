import PFShellCore
import PFShellJSON
import Testing

/// Staging commands: values checked on the line that stages them, nothing sent before commit.
@Suite struct StagingSessionTests {
    @Test func newClientMustNotExistOrBeStagedAlready() {
        let shell = SessionHarness(seed: true)
        shell.session.checksNewIDsAtOnce = true  // as at the prompt
        #expect(shell.fails("client new demo-batch")?.message.contains("already exists on the server") == true)
        shell.ok("client new fresh")
        #expect(shell.fails("client new fresh")?.message.contains("already staged") == true)
        #expect(shell.port.writes.isEmpty)
    }

    @Test func fieldValuesAreCheckedWhereTheyAreStaged() {
        let shell = SessionHarness()
        shell.ok("client new web")
        let unknown = shell.fails("set grantType IMPLICIT")
        #expect(unknown?.message == "unknown field 'grantType'; did you mean 'grantTypes'?")
        #expect(unknown?.location == PFShellCore.SourceLocation(file: "test.pfsh", line: 3, column: 5))
        let badEnum = shell.fails("set refreshRolling SOMETIMES")
        #expect(badEnum?.location?.column == 20)
        #expect(shell.fails("set clientAuth.secret hunter2")?.message.contains("secret set") == true)
        #expect(shell.fails("set enabled maybe") != nil)
        shell.ok("set oidcPolicy.idTokenSigningAlgorithm rs256")
        #expect(shell.session.changeset["web"]?.current["oidcPolicy"]?["idTokenSigningAlgorithm"] == "RS256")
        #expect(shell.port.writes.isEmpty)
    }

    /// `unset` finds its field as `set` does: read-only fields are refused too, and nothing is staged.
    @Test func unsetRefusesReadOnlyFields() {
        let shell = SessionHarness(seed: true)
        shell.ok("client edit demo-batch")
        let before = shell.session.changeset
        let readOnly = shell.fails("unset creationDate")
        #expect(readOnly?.message == "'creationDate' is read-only; the server sets it")
        #expect(readOnly?.location?.column == 7)
        #expect(shell.fails("unset clientAuth")?.message
            == "'clientAuth' is an object; name one of its fields, e.g. 'clientAuth.type'")
        #expect(shell.fails("unset clientAuth.secret")?.message
            == "'clientAuth.secret' holds secret material; use 'secret set'")
        #expect(shell.session.changeset == before)
        #expect(shell.port.writes.isEmpty)
    }

    @Test func aFailedCommandStagesNothing() {
        let shell = SessionHarness()
        shell.ok("client new web")
        let before = shell.session.changeset
        _ = shell.fails("redirect add https://ok.example/cb not-a-uri")
        #expect(shell.session.changeset == before)
    }

    @Test func redirectsAndGrantsAreIdempotent() {
        let shell = SessionHarness()
        shell.ok("client new web")
        shell.ok("redirect add https://a.example/cb https://b.example/cb")
        shell.ok("redirect add https://a.example/cb")
        shell.ok("redirect remove https://nowhere.example/cb")
        #expect(shell.ok("redirect list") == ["https://a.example/cb", "https://b.example/cb"])
        shell.ok("grants add authorization-code REFRESH_TOKEN")
        shell.ok("grants add Authorization_Code")
        shell.ok("grants remove implicit")
        #expect(shell.session.changeset["web"]?.current["grantTypes"] == ["AUTHORIZATION_CODE", "REFRESH_TOKEN"])
        shell.ok("grants set client-credentials")
        #expect(shell.session.changeset["web"]?.current["grantTypes"] == ["CLIENT_CREDENTIALS"])
    }

    @Test func plainHTTPRedirectWarns() {
        let shell = SessionHarness()
        shell.ok("client new web")
        let result = shell.run("redirect add http://app.example.com/cb")
        #expect(result.error == nil)
        #expect(result.warnings.count == 1)
    }

    @Test func diffAndPendingShowFieldsWithSecretsMasked() {
        let shell = SessionHarness(seed: true)
        shell.services.environment["S"] = "New-Secret-123"
        shell.ok("client edit demo-batch")
        shell.ok("set description 'Nightly batch'")
        shell.ok("secret set --env S")
        let diff = shell.ok("diff")
        #expect(
            diff == [
                "~ client demo-batch",
                "  - description: \"A service calling APIs as itself\"",
                "  + description: \"Nightly batch\"",
                "  ~ clientAuth.secret: (changed)",
            ])
        #expect(!diff.joined().contains("New-Secret-123"))
        #expect(shell.ok("pending") == ["update demo-batch: description, secret"])
    }

    @Test func undoAndDiscard() {
        let shell = SessionHarness()
        shell.ok("client new web")
        shell.ok("set description one")
        shell.ok("set description two")
        shell.ok("undo")
        #expect(shell.session.changeset["web"]?.current["description"] == "one")
        shell.ok("undo")
        shell.ok("undo")
        #expect(shell.session.changeset["web"] == nil)
        #expect(shell.fails("undo")?.message == "nothing to undo")
        shell.ok("client new a")
        shell.ok("client new b")
        shell.ok("discard a")
        #expect(shell.session.changeset.ordered.map(\.clientId) == ["b"])
        shell.ok("discard --all")
        #expect(shell.session.stagedCount == 0)
    }

    @Test func editingAnUnchangedClientIsNotAChange() {
        let shell = SessionHarness(seed: true)
        shell.ok("client edit demo-portal")
        #expect(shell.ok("pending") == ["no staged changes"])
        #expect(shell.ok("commit") == ["nothing to commit"])
        #expect(shell.port.writes.isEmpty)
    }

    @Test func fieldCommandsNeedAClient() {
        let shell = SessionHarness(seed: true)
        #expect(shell.fails("set name x")?.message.contains("no client selected") == true)
        shell.ok("set description 'via flag' --client demo-mobile")
        #expect(shell.session.changeset["demo-mobile"]?.current["description"] == "via flag")
        #expect(shell.fails("redirect list --client ghost")?.message.contains("no client 'ghost'") == true)
    }

    @Test func commandsNeedAConnection() {
        let shell = SessionHarness(connect: false)
        #expect(shell.fails("client list")?.message.contains("not connected") == true)
    }

    @Test func secretsAreNeverShownWithoutReveal() {
        let shell = SessionHarness()
        shell.ok("client new svc")
        shell.ok("secret generate --length 36")
        let hidden = shell.ok("secret show")
        #expect(hidden == ["client 'svc' has a secret this session knows; add --reveal to print it"])
        #expect(shell.ok("secret show --reveal") == [String(repeating: "g", count: 35) + "1"])
        #expect(shell.fails("secret generate --length 8") != nil)
        #expect(shell.fails("secret set")?.category == .usage)
        #expect(shell.fails("secret set --env A --file B")?.category == .usage)
    }

    @Test func ifNewLeavesAnExistingSecretAlone() {
        let shell = SessionHarness(seed: true)
        shell.ok("client edit demo-batch")
        let result = shell.run("secret set --env MISSING --if-new")
        #expect(result.error == nil)
        #expect(result.warnings.first?.message.contains("left unchanged") == true)
        #expect(shell.session.changeset["demo-batch"]?.newSecret == nil)
    }

    @Test func persistentGrantsAndRefreshRolling() {
        let shell = SessionHarness()
        shell.ok("client new web")
        shell.ok("persistent-grants expire 30 days")
        let client = shell.session.changeset["web"]?.current
        #expect(client?["persistentGrantExpirationType"] == "OVERRIDE_SERVER_DEFAULT")
        #expect(client?["persistentGrantExpirationTime"] == 30)
        #expect(client?["persistentGrantExpirationTimeUnit"] == "DAYS")
        shell.ok("persistent-grants never-expire")
        #expect(shell.session.changeset["web"]?.current["persistentGrantExpirationType"] == "INDEFINITE_EXPIRY")
        #expect(shell.session.changeset["web"]?.current["persistentGrantExpirationTime"] == 0)
        #expect(shell.session.changeset["web"]?.current["persistentGrantExpirationTimeUnit"] == "DAYS")
        #expect(shell.fails("persistent-grants expire 5 weeks") != nil)
        shell.ok("refresh-rolling dont-roll")
        #expect(shell.session.changeset["web"]?.current["refreshRolling"] == "DONT_ROLL")
    }

    @Test func tokenManagerMustExist() {
        let shell = SessionHarness(seed: true)
        shell.ok("client new web")
        #expect(shell.fails("token-manager nope")?.message.contains("default-atm") == true)
        shell.ok("token-manager default-atm")
        #expect(shell.session.changeset["web"]?.current["defaultAccessTokenManagerRef"] == ["id": "default-atm"])
    }
}
