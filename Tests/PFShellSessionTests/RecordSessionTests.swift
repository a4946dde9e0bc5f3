import PFShellCore
import PFShellJSON
import Testing

/// `record start FILE` … `record stop`: what staged the committed changes, as a script.
@Suite struct RecordSessionTests {
    @Test func theRecordingKeepsTheLinesThatStagedWhatWasCommittedAndNoSecret() {
        let shell = SessionHarness()
        shell.session.checksNewIDsAtOnce = true
        shell.ok("record start /tmp/session.pfsh")
        shell.ok("let HOST app.example.com")
        shell.ok("client new web --name 'Web app'")
        shell.ok("grants set authorization-code")
        shell.ok("redirect add https://${HOST}/cb")
        shell.ok("set description 'typo'")
        shell.ok("undo")
        shell.ok("secret generate")
        shell.ok("client new scratch")
        shell.ok("grants set implicit")
        shell.ok("discard scratch")
        shell.ok("commit -m 'web app'")
        shell.ok("client new later")
        shell.ok("grants set implicit")
        #expect(shell.ok("record stop") == ["recorded into '/tmp/session.pfsh'"])
        let script = shell.services.files["/tmp/session.pfsh"] ?? ""
        #expect(
            script == """
                # Recorded by pfsh: the commands that staged what was committed.
                # Secrets come from the environment: WEB_SECRET
                let HOST app.example.com
                client new web --name 'Web app'
                grants set authorization-code
                redirect add https://${HOST}/cb
                secret set --env WEB_SECRET
                commit -m 'web app'

                """, "\(script)")
        #expect(shell.fails("record stop")?.message == "not recording; 'record start FILE' starts")
    }

    @Test func theRecordingIsWrittenAtEachCommitAndAPartOfAPartialCommitIsKept() {
        let shell = SessionHarness()
        shell.ok("record start /tmp/partial.pfsh")
        shell.ok("client new one")
        shell.ok("grants set implicit")
        shell.ok("commit")
        #expect(shell.services.files["/tmp/partial.pfsh"]?.hasSuffix("client new one\ngrants set implicit\ncommit\n") == true)
        #expect(shell.fails("record start /tmp/other.pfsh")?.message == "already recording into '/tmp/partial.pfsh'; 'record stop' first")
    }

    @Test func aGeneratedRotationIsRecordedWithItsSecretFromTheEnvironment() {
        let shell = SessionHarness()
        SecretRotationTests.committedService(shell)
        shell.ok("record start /tmp/rotation.pfsh")
        shell.ok("client edit svc")
        shell.ok("secret rotate --retain 1h")
        shell.ok("client new other --name Other")
        shell.ok("grants set implicit")
        shell.ok("commit")
        shell.ok("record stop")
        let script = shell.services.files["/tmp/rotation.pfsh"] ?? ""
        // Two commits (the retention, then the secret), one recording: both clients' lines are kept.
        #expect(script.contains("secret rotate --retain 1h --env SVC_SECRET\nclient new other --name Other\ngrants set implicit\ncommit\n"), "\(script)")
        #expect(!script.contains(shell.session.knownSecret(for: "svc") ?? "none"))
    }
}
