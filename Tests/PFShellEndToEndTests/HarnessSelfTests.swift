import Foundation
import PFShellJSON
import PFShellTestSupport
import Testing

/// The golden-test tool's own parts: a harness that cannot fail proves nothing.
@Suite struct HarnessSelfTests {
    @Test func expectedFilesRoundTripIncludingAMissingFinalNewline() throws {
        let output = ExpectedOutput(status: 4, stdout: "a\n\nb\n", stderr: "no newline")
        #expect(output.fileText == "# exit 4\n# stdout\na\n\nb\n# stderr\nno newline\n\\ no newline at end\n")
        #expect(try ExpectedOutput(fileText: output.fileText) == output)
        #expect(try ExpectedOutput(fileText: "# exit 0\n# stdout\n# stderr\n") == ExpectedOutput(status: 0, stdout: "", stderr: ""))
        #expect(throws: ExpectedOutput.FormatError.self) { try ExpectedOutput(fileText: "exit 0\n") }
    }

    @Test func theDiffShowsWhatChangedWithContext() {
        let diff = LineDiff.render(expected: "1\n2\n3\n4\n5\n6\n7\n8", actual: "1\n2\n3\n4\nfive\n6\n7\n8")
        #expect(diff == "  3\n  4\n- 5\n+ five\n  6\n  7")
        #expect(LineDiff.render(expected: "same", actual: "same") == "")
        #expect(LineDiff.render(expected: "a", actual: "a\nb") == "  a\n+ b")
    }

    @Test func volatileTextIsNormalised() {
        let normalizer = OutputNormalizer(temporaryDirectory: "/tmp/pfsh-e2e-Ab12", port: "40123", closedPort: "40999")
        let text = """
            https://127.0.0.1:40123/pf-admin-api/v1 /tmp/pfsh-e2e-Ab12/ca.pem 2026-11-29T03:09:40.834Z
            "OBF:JWE:eyJhbGciOiJkaXIifQ..abc-_Z" port 40999 after 12 ms 127.0.0.1:40999
            """
        #expect(
            normalizer.normalize(text) == """
                https://127.0.0.1:<port>/pf-admin-api/v1 <tmp>/ca.pem <date>
                "OBF:JWE:<sealed>" port <closed-port> after <n> ms 127.0.0.1:<closed-port>
                """)
    }

    @Test func theTraceAuditCatchesSecretsCredentialsAndUndeclaredRefusals() {
        let audit = TraceAudit(secrets: ["hunter2"], expectedRefusals: ["duplicate_client_id"])
        let clean = #"{"method":"GET","url":"u","status":200,"milliseconds":1.5,"request":null,"response":{"clientAuth":{"encryptedSecret":"(redacted)"}}}"#
        #expect(TraceAudit(secrets: ["hunter2"]).problems(in: clean) == [])
        #expect(audit.problems(in: clean) == ["'#! refusal duplicate_client_id' is declared but no response refused with it"])
        let leaked = #"{"method":"POST","url":"u","status":201,"milliseconds":1,"request":{"clientAuth":{"secret":"hunter2"}}}"#
        let strictAudit = TraceAudit(secrets: ["hunter2"])
        #expect(strictAudit.problems(in: leaked).count == 2)
        #expect(strictAudit.problems(in: #"{"method":"GET","url":"u","status":200,"milliseconds":1,"Authorization":"x"}"#).count == 2)
        let strict = #"{"method":"PUT","url":"u","status":400,"milliseconds":1,"response":{"resultId":"invalid_request","validationErrors":[{"errorId":"unrecognized_field"}]}}"#
        #expect(strictAudit.problems(in: strict).count == 1)
        let declared = #"{"method":"POST","url":"u","status":422,"milliseconds":1,"response":{"validationErrors":[{"errorId":"duplicate_client_id"}]}}"#
        #expect(audit.problems(in: declared) == [])
        #expect(strictAudit.problems(in: #"{"method":"GET","url":"u"}"#).count == 2)
    }

    @Test func directivesAreParsedAndTyposRefused() throws {
        let directory = try TemporaryDirectory()
        let good = directory.file("good.pfsh")
        try """
            #! emulator --cluster
            #! args -v 'A=two words' --keep-going
            #! env SECRET_X=x=y
            #! refusal one two
            client list
            #! admin PUT /oauth/clients/x {"clientId": "x"}
            """.write(toFile: good, atomically: true, encoding: .utf8)
        let transcript = try Transcript(name: "good", path: good)
        #expect(transcript.emulatorArguments == ["--cluster"])
        #expect(transcript.arguments == ["-v", "A=two words", "--keep-going"])
        #expect(transcript.environment.map { "\($0.name)=\($0.value)" } == ["SECRET_X=x=y"])
        #expect(transcript.refusals == ["one", "two"])
        #expect(transcript.input == .piped)
        #expect(transcript.adminCalls[5]?.body?["clientId"] == "x")
        #expect(transcript.commandLines == ["client list"])

        for bad in ["#! emulater --cluster", "#! input sideways", "#! admin PUT", "#! admin PUT /x {nope", "#! args 'open"] {
            let file = directory.file("bad.pfsh")
            try bad.write(toFile: file, atomically: true, encoding: .utf8)
            #expect(throws: Transcript.FormatError.self, "\(bad)") { try Transcript(name: "bad", path: file) }
        }
    }

    @Test func markersAreStripped() {
        #expect(TranscriptRun.withoutMarkers("a\n__sync_3__\nb\n") == "a\nb\n")
        #expect(TranscriptRun.withoutMarkers("\u{1E}echo __sync_3__\n__sync_3__\n\u{1E}pending\n") == "\u{1E}pending\n")
    }

    /// stdout shows every command, stderr only those that printed there; a command's further lines
    /// follow `> `, and what pfsh printed after its last command follows `[end]`.
    @Test func commandMarksBecomeEchoedCommands() {
        let text = "before\n\u{1E}echo one \\\n\u{1F}    two\none two\n\u{1E}pending\n\u{1E}quit\n\u{1E}\n"
        #expect(CommandEchoes.render(text, everyCommand: true) == "before\npfsh> echo one \\\n>     two\none two\npfsh> pending\npfsh> quit\n")
        #expect(CommandEchoes.render("\u{1E}list\n\u{1E}bad\nerror\n\u{1E}\nleft staged\n", everyCommand: false) == "pfsh> bad\nerror\n[end]\nleft staged\n")
        #expect(CommandEchoes.render("", everyCommand: true) == "")
        #expect(CommandEchoes.render("\u{1E}\n", everyCommand: true) == "")
    }
}
