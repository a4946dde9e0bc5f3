import PFShellCore
import PFShellEmulator
import PFShellJSON
import Testing

/// `secret rotate`, `secret secondaries` and `secret expire-old` against the in-process emulator:
/// the old secret stays valid as a secondary secret for the retention, and no value is ever shown.
@Suite struct SecretRotationTests {
    /// A committed client-credentials client whose secret this session set from `OLD`.
    static func committedService(_ shell: SessionHarness) {
        shell.services.environment["OLD"] = "old-secret-value-0123456789abcdef"
        shell.ok("client new svc --name Service")
        shell.ok("grants set CLIENT_CREDENTIALS")
        shell.ok("secret set --env OLD")
        shell.ok("commit")
    }

    /// A client-credentials token for `svc` with `secret`: the status the runtime answers.
    static func tokenStatus(_ shell: SessionHarness, _ secret: String) -> Int {
        let answer = try? shell.services.runtime(
            RuntimeRequest(
                .post, "https://127.0.0.1:9031/as/token.oauth2", form: [("grant_type", "client_credentials")],
                basic: .init(user: "svc", password: secret)))
        return answer?.status ?? 0
    }

    @Test func aRotationKeepsTheOldSecretForTheRetention() throws {
        let shell = SessionHarness()
        Self.committedService(shell)
        shell.services.environment["NEW"] = "new-secret-value-0123456789abcdef"
        let staged = shell.ok("secret rotate --retain 1h --env NEW")
        #expect(staged.last?.contains("valid 1 hour more (--retain)") == true)
        let diff = shell.ok("diff")
        #expect(diff.contains("  ~ clientAuth.secret: (rotated: the current secret stays valid as a secondary secret)"))
        #expect(diff.contains("  + clientSecretRetentionPeriod: 60"))
        #expect(diff.contains("  + clientSecretRetentionPeriodType: \"OVERRIDE_SERVER_DEFAULT\"")
            || diff.contains("  - clientSecretRetentionPeriodType: \"SERVER_DEFAULT\""))
        let writes = shell.port.writes.count
        let committed = shell.ok("commit")
        #expect(committed.first == "two commits: the retention of svc first, then the new secret")
        // The retention alone, then the secret: whichever retention the server applies, it is 60.
        let puts = shell.port.writes[writes...].compactMap { $0.body?.objectValue }
        #expect(puts.count == 2)
        #expect(puts.first.map { ClientJSON.value(at: "clientAuth.secret", in: $0) == nil && $0["clientSecretRetentionPeriod"] == 60 } == true)
        #expect(puts.last.map { ClientJSON.value(at: "clientAuth.secret", in: $0) != nil } == true)
        let kept = try #require(committed.last)
        #expect(kept.hasPrefix("client 'svc': the previous secret stays valid until 20"))
        #expect(kept.hasSuffix("Z"))
        let stored = try #require(shell.api.state.clients["svc"])
        #expect(stored.secret == "new-secret-value-0123456789abcdef")
        #expect(stored.secondarySecrets.map(\.secret) == ["old-secret-value-0123456789abcdef"])
        #expect(Self.tokenStatus(shell, "old-secret-value-0123456789abcdef") == 200)
        #expect(Self.tokenStatus(shell, "new-secret-value-0123456789abcdef") == 200)
        let listed = shell.ok("secret secondaries")
        #expect(listed.count == 1)
        #expect(listed.first.map { "client 'svc': the previous secret stays valid until " + $0.dropFirst(8) } == kept)
        #expect(!(listed + committed + diff).joined().contains("secret-value"))
    }

    @Test func withoutAnyRetentionNothingIsStaged() {
        let shell = SessionHarness()
        Self.committedService(shell)
        let before = shell.port.requests.count
        let error = shell.fails("secret rotate")
        #expect(error?.message.contains("no retention would keep the current secret of 'svc'") == true)
        #expect(error?.notes.first?.contains("--retain 1h") == true)
        #expect(shell.ok("pending") == ["nothing staged"] || shell.session.stagedCount == 0)
        #expect(shell.port.requests[before...].allSatisfy { $0.method == .get })
    }

    @Test func badRetentionsAreUsageErrors() {
        let shell = SessionHarness()
        Self.committedService(shell)
        for text in ["90s", "0m", "1w", "h", "-5m", "99999999999d"] {
            let error = shell.fails("secret rotate --retain \(text)")
            #expect(error?.category == .usage, "\(text)")
        }
        #expect(shell.fails("secret rotate --retain 1h --env A --generate")?.category == .usage)
        #expect(shell.session.stagedCount == 0)
    }

    @Test func aNewClientOrOneWithoutASecretCannotRotate() {
        let shell = SessionHarness()
        shell.ok("client new fresh --name Fresh")
        #expect(shell.fails("secret rotate --retain 1h")?.message.contains("is new") == true)
        shell.ok("grants set AUTHORIZATION_CODE")
        shell.ok("redirect add https://app.example.com/cb")
        shell.ok("commit")
        #expect(shell.fails("secret rotate --retain 1h --client fresh")?.message.contains("has no secret on the server") == true)
    }

    @Test func anOlderModelWithoutRetentionFieldsStopsBeforeAnyChange() {
        let first = SessionHarness()
        Self.committedService(first)
        let shell = SessionHarness(api: first.api, connect: false)
        shell.port.rewrite = { request, response in
            guard request.method == .get, var body = response.body?.objectValue else { return response }
            body[SecretRetention.typeField] = nil
            body[SecretRetention.periodField] = nil
            if var auth = body["clientAuth"]?.objectValue {
                auth["secondarySecrets"] = nil
                body["clientAuth"] = .object(auth)
            }
            return APIResponse(status: response.status, body: .object(body))
        }
        shell.ok("connect https://127.0.0.1:9999 --password-env PW")
        shell.ok("client edit svc")
        let writes = shell.port.writes.count
        let error = shell.fails("secret rotate --retain 1h")
        #expect(error?.message.contains("this server's model has no secret retention") == true)
        #expect(error?.message.contains("nothing was staged") == true)
        #expect(shell.session.stagedCount == 0)
        #expect(shell.port.writes.count == writes)
    }

    @Test func expireOldEndsTheSecondarySecretsAndReadsBack() throws {
        let shell = SessionHarness()
        Self.committedService(shell)
        shell.services.environment["NEW"] = "new-secret-value-0123456789abcdef"
        shell.ok("secret rotate --retain 30m --env NEW")
        #expect(shell.fails("secret expire-old")?.message.contains("a rotation of 'svc' is staged") == true)
        shell.ok("commit")
        let expiring = shell.ok("secret expire-old")
        #expect(expiring == ["staged: the 1 secondary secret(s) of 'svc' stop working when committed"])
        #expect(shell.ok("diff").contains("  - clientAuth.secondarySecrets: 1 secondary secret(s), no longer valid once committed"))
        #expect(shell.ok("pending") == ["update svc: secondarySecrets"])
        let staged = try #require(shell.session.changeset["svc"])
        let put = try #require(CommitRequests.request(for: staged, serverCopy: nil).body)
        #expect(ClientJSON.value(at: "clientAuth.secondarySecrets", in: try #require(put.objectValue)) == [])
        let committed = shell.ok("commit")
        #expect(committed.last == "client 'svc': the old secondary secrets are gone; only the current secret works")
        #expect(shell.api.state.clients["svc"]?.secondarySecrets == [])
        #expect(Self.tokenStatus(shell, "old-secret-value-0123456789abcdef") == 401)
        #expect(Self.tokenStatus(shell, "new-secret-value-0123456789abcdef") == 200)
        #expect(shell.ok("secret secondaries") == ["client 'svc' has no secondary secrets"])
        #expect(shell.ok("secret expire-old") == ["client 'svc' has no secondary secrets; nothing to expire"])
    }

    @Test func aServerThatKeepsAnEmptiedListIsReported() {
        let shell = SessionHarness()
        Self.committedService(shell)
        shell.services.environment["NEW"] = "new-secret-value-0123456789abcdef"
        shell.ok("secret rotate --retain 30m --env NEW")
        shell.ok("commit")
        shell.ok("secret expire-old")
        // A server that ignores an empty list: the PUT goes out without it.
        shell.port.rewriteRequest = { request in
            guard request.method == .put, var body = request.body?.objectValue else { return request }
            body = ClientJSON.setting(nil, at: "clientAuth.secondarySecrets", in: body)
            return APIRequest(request.method, request.path, body: .object(body))
        }
        let error = shell.fails("commit")
        #expect(error?.message == "the commit was applied, but the secrets are not as intended")
        #expect(error?.notes.first?.contains("the server still lists 1 old secondary secret(s) after the write") == true)
    }

    @Test func theServersDefaultRetentionIsUsedAndNamed() {
        let shell = SessionHarness(secretRetentionMinutes: 120)
        Self.committedService(shell)
        shell.services.environment["NEW"] = "new-secret-value-0123456789abcdef"
        let staged = shell.ok("secret rotate --env NEW")
        #expect(staged.last?.contains("valid 2 hours more (the server's default)") == true)
        #expect(shell.ok("pending") == ["update svc: secret"])
        shell.ok("commit")
        #expect(shell.api.state.clients["svc"]?.secondarySecrets.count == 1)
    }

    @Test func theCommitLogAndJournalNameTheRotationWithoutValues() throws {
        let shell = SessionHarness()
        Self.committedService(shell)
        shell.services.environment["NEW"] = "new-secret-value-0123456789abcdef"
        shell.ok("secret rotate --retain 1h --env NEW")
        let journaled = JSONPrinter.print(.array(shell.services.journal.records))
        #expect(journaled.contains("\"rotates\":true"))
        #expect(!journaled.contains("secret-value"))
        shell.ok("commit")
        let log = shell.ok("log")
        // Newest first: the secret, then the retention committed before it, then the create.
        #expect(log.count == 6, "\(log)")
        #expect(log[1] == "   changed svc (secret)", "\(log)")
        #expect(log[3] == "   changed svc (clientSecretRetentionPeriodType, clientSecretRetentionPeriod)", "\(log)")
        #expect(!JSONPrinter.print(.array(shell.services.journal.commitLog())).contains("secret-value"))
    }

    @Test func aResumedRotationIsStillARotation() {
        let first = SessionHarness()
        Self.committedService(first)
        first.services.environment["NEW"] = "new-secret-value-0123456789abcdef"
        first.ok("secret rotate --retain 1h --env NEW")
        let second = SessionHarness(api: first.api, connect: false)
        second.services.environment["NEW"] = "new-secret-value-0123456789abcdef"
        second.services.journal.left = [first.services.journal.records]
        second.run("connect https://127.0.0.1:9999 --password-env PW")
        second.ok("resume")
        #expect(second.session.changeset["svc"]?.rotatesSecret == true)
        #expect(second.ok("diff").contains("  ~ clientAuth.secret: (rotated: the current secret stays valid as a secondary secret)"))
        #expect(second.ok("commit").last?.hasPrefix("client 'svc': the previous secret stays valid until ") == true)
        #expect(second.api.state.clients["svc"]?.secondarySecrets.map(\.secret) == ["old-secret-value-0123456789abcdef"])
    }

    @Test func expireOldWithANewSecretInTheSameWriteIsNoFalseAlarm() {
        let shell = SessionHarness()
        Self.committedService(shell)
        shell.services.environment["NEW"] = "new-secret-value-0123456789abcdef"
        shell.services.environment["THIRD"] = "third-secret-value-0123456789abcd"
        shell.ok("secret rotate --retain 30m --env NEW")
        shell.ok("commit")
        shell.ok("secret expire-old")
        shell.ok("secret set --env THIRD")
        let committed = shell.ok("commit")
        #expect(committed.last == "client 'svc': the old secondary secrets are gone; the secret this write replaced is kept as one")
        #expect(shell.api.state.clients["svc"]?.secondarySecrets.map(\.secret) == ["new-secret-value-0123456789abcdef"])
    }

    /// The answer to the rotation's PUT is lost: sending it again would carry the secondary secrets
    /// as they were before, dropping the one the first landing retained. It is read back instead.
    @Test func aRotationWhoseAnswerWasLostKeepsTheOldSecret() {
        let shell = SessionHarness()
        Self.committedService(shell)
        shell.services.environment["NEW"] = "new-secret-value-0123456789abcdef"
        shell.ok("secret rotate --retain 1h --env NEW")
        let start = shell.port.requests.count
        // The retention's read and PUT, then the secret's read and PUT (applied, answer lost).
        shell.port.faults[start + 3] = .after(.connectionLost)
        let committed = shell.ok("commit")
        #expect(committed.contains("updated svc (no answer came; reading it back showed it applied)"))
        #expect(shell.port.requests[start...].filter { $0.method == .put }.count == 2)
        #expect(shell.api.state.clients["svc"]?.secondarySecrets.map(\.secret) == ["old-secret-value-0123456789abcdef"])
        #expect(Self.tokenStatus(shell, "old-secret-value-0123456789abcdef") == 200)
    }
}
