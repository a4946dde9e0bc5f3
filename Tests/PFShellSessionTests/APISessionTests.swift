import PFShellCore
import PFShellJSON
import Testing

/// `api get|post|put|delete`: the Admin API through the session's connection.
@Suite struct APISessionTests {
    @Test func getPrintsTheAnswerWithSecretsMaskedUnlessRevealed() {
        let shell = SessionHarness(seed: true)
        #expect(shell.ok("api get /version") == ["{", #"  "version": "12.1.0.4""#, "}"])
        let client = shell.ok("api get /pf-admin-api/v1/oauth/clients/demo-batch").joined(separator: "\n")
        #expect(client.contains(#""encryptedSecret": "(redacted)""#), "\(client)")
        let revealed = shell.ok("api get /oauth/clients/demo-batch --reveal").joined(separator: "\n")
        #expect(revealed.contains(#""encryptedSecret": "OBF:JWE:"#))
        #expect(shell.ok("api get /oauth/clients?filter=portal").joined().contains("demo-portal"))
    }

    @Test func aWriteSaysOnceThatNothingUndoesItAndIsKeptInTheLog() throws {
        let shell = SessionHarness(seed: true)
        var copy = try #require(shell.stored("demo-batch"))
        copy["description"] = "Changed through api"
        copy["clientAuth"] = ["type": "SECRET", "secret": "raw-secret-0123456789"]
        shell.services.files["/tmp/body.json"] = JSONPrinter.print(.object(copy))
        let first = shell.run("api put /oauth/clients/demo-batch --data @/tmp/body.json")
        #expect(first.error == nil)
        #expect(first.warnings.map(\.message) == ["api writes go straight to the server: no staging, no diff, no conflict check, and 'rollback' cannot undo them"])
        #expect(shell.stored("demo-batch")?["description"] == "Changed through api")
        #expect(shell.run("api put /oauth/clients/demo-batch --data @/tmp/body.json").warnings.isEmpty)
        #expect(shell.ok("log 1").last == "   api PUT /oauth/clients/demo-batch: 200 (not undoable)")
        let logged = JSONPrinter.print(shell.services.journal.commitLog().last ?? .null)
        #expect(!logged.contains("raw-secret-0123456789"))
        #expect(logged.contains(#""secret":"(redacted)""#), "\(logged)")
        #expect(shell.fails("rollback 2")?.message == "commit 2 is an 'api' request: rollback cannot undo it (see 'log show 2')")
    }

    @Test func aBodyNeverComesFromTheCommandLineAndBadInputSendsNothing() {
        let shell = SessionHarness(seed: true)
        #expect(shell.fails(#"api put /oauth/clients/x --data '{"a":1}'"#)?.category == .usage)
        #expect(shell.fails("api post /oauth/clients")?.message == "give the body with --data @FILE or --data -")
        #expect(shell.fails("api delete /oauth/clients/x --data @f")?.message == "unknown option '--data'; expected --reveal")
        #expect(shell.fails("api get oauth/clients")?.category == .usage)
        shell.services.files["/tmp/bad.json"] = "{\n  \"a\": ,\n}"
        #expect(shell.fails("api post /oauth/clients --data @/tmp/bad.json")?.message.hasPrefix("/tmp/bad.json:2:8: not JSON: ") == true)
        #expect(shell.services.journal.commitLog().isEmpty)
    }

    @Test func aRefusalIsTheCommandsErrorWithTheServersWords() {
        let shell = SessionHarness(seed: true)
        let error = shell.fails("api delete /oauth/clients/nobody")
        #expect(error?.message.hasPrefix("the server answered The resource with ID 'nobody' is not found.") == true, "\(String(describing: error))")
        #expect(shell.ok("api delete /oauth/clients/demo-batch") == ["204: no body"])
        #expect(shell.stored("demo-batch") == nil)
    }
}
