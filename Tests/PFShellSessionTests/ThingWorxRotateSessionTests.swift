import PFShellCore
import PFShellEmulator
import PFShellJSON
import Testing

/// `thingworx rotate`: the pending copy first, then the commit, then the settings file, then a token.
@Suite struct ThingWorxRotateSessionTests {
    static let file = "/twx/platform-settings.json"
    static let pending = "/twx/platform-settings.json.pending-secret"

    /// ThingWorx's client committed with a generated secret, and the settings file written with it.
    @discardableResult
    static func thingWorx(_ shell: SessionHarness) -> String {
        shell.ok("client new thingworx --preset thingworx")
        shell.ok("thingworx redirect twx.example.com:8443")
        shell.ok("commit")
        shell.ok("thingworx settings --file \(file)")
        return shell.session.knownSecret(for: "thingworx") ?? ""
    }

    static func fileSecret(_ shell: SessionHarness) -> String? {
        let text = shell.services.files[file] ?? ""
        return (try? JSONParser.parse(text))?["AuthorizationServersSettings"]?["PingFederate"]?["clientSecret"]?.stringValue
    }

    @Test func theWholeJobInOrder() throws {
        let shell = SessionHarness()
        let old = Self.thingWorx(shell)
        let before = shell.port.requests.count
        let output = shell.ok("thingworx rotate --file \(Self.file) --retain 1h")
        let new = try #require(shell.api.state.clients["thingworx"]?.secret)
        #expect(new != old)
        #expect(shell.api.state.clients["thingworx"]?.secondarySecrets.map(\.secret) == [old])
        // The pending copy was written before the rotation was sent, and is gone now.
        let put = try #require(shell.port.requests.indices.first { $0 >= before && shell.port.requests[$0].method == .put })
        #expect(shell.services.secretFiles.map(\.path) == [Self.pending])
        #expect(try #require(shell.services.secretFiles.first).requestsBefore <= put)
        #expect(shell.services.files[Self.pending] == nil)
        #expect(Self.fileSecret(shell) == new)
        #expect(shell.services.questions == ["Rotate the secret of 'thingworx' and write \(Self.file)?"])
        #expect(output.contains("  ~ clientAuth.secret: (rotated: the current secret stays valid as a secondary secret)"))
        #expect(output.contains("~ AuthorizationServersSettings.PingFederate.clientSecret: (changed)"))
        #expect(output.contains("wrote \(Self.file) with the new secret (the previous version, old secret included, in \(Self.file).bak)"))
        #expect(output.contains("test: the new secret works (token: Bearer, expires in 7200 s)"))
        // The retention first, then the secret: two writes, each committed on its own.
        #expect(output.filter { $0 == "committed 1 client(s)" }.count == 2)
        #expect(output.contains { $0.hasPrefix("client 'thingworx': the previous secret stays valid until ") })
        #expect(output.contains { $0.hasPrefix("next: restart ThingWorx") })
        #expect(output.last == "then, once every node uses the new secret: secret expire-old --client thingworx and commit")
        #expect(!output.joined(separator: "\n").contains(old) && !output.joined(separator: "\n").contains(new))
        #expect(shell.session.stagedCount == 0)
    }

    @Test func noAnswerChangesNothing() {
        let shell = SessionHarness()
        let old = Self.thingWorx(shell)
        shell.services.answer = false
        let writes = shell.port.writes.count
        #expect(shell.ok("thingworx rotate --file \(Self.file) --retain 1h").last == "nothing changed")
        #expect(shell.port.writes.count == writes)
        #expect(shell.services.secretFiles.isEmpty)
        #expect(Self.fileSecret(shell) == old)
        #expect(shell.session.stagedCount == 0)
    }

    @Test func aDryRunShowsTheChangeAndChangesNothing() {
        let shell = SessionHarness()
        let old = Self.thingWorx(shell)
        let writes = shell.port.writes.count
        let output = shell.ok("thingworx rotate --file \(Self.file) --retain 1h --dry-run")
        #expect(output.last == "dry run: nothing changed")
        #expect(output.contains("  + clientSecretRetentionPeriod: 60"))
        #expect(shell.port.writes.count == writes && shell.services.secretFiles.isEmpty && shell.services.questions.isEmpty)
        #expect(Self.fileSecret(shell) == old)
        #expect(shell.session.stagedCount == 0)
    }

    @Test func otherStagedWorkIsNotCommittedWithIt() {
        let shell = SessionHarness()
        Self.thingWorx(shell)
        shell.ok("client new other --name Other")
        let error = shell.fails("thingworx rotate --file \(Self.file) --retain 1h --client thingworx")
        #expect(error?.message == "thingworx rotate commits, and 1 client(s) have staged changes (other); commit or discard them first")
        #expect(shell.services.secretFiles.isEmpty)
    }

    @Test func withoutRetentionOrWithABadFileNothingChanges() {
        let shell = SessionHarness()
        let old = Self.thingWorx(shell)
        let writes = shell.port.writes.count
        #expect(shell.fails("thingworx rotate --file \(Self.file)")?.message.contains("no retention would keep") == true)
        shell.services.files["/twx/broken.json"] = "{ \"AuthorizationServersSettings\": [1, }"
        let broken = shell.fails("thingworx rotate --file /twx/broken.json --retain 1h")
        #expect(broken?.message.hasPrefix("/twx/broken.json:1:") == true)
        #expect(broken?.message.hasSuffix("nothing was changed") == true)
        #expect(shell.port.writes.count == writes && shell.services.secretFiles.isEmpty)
        #expect(Self.fileSecret(shell) == old && shell.session.stagedCount == 0)
    }

    @Test func aPendingSecretTheServerAcceptsIsFinished() throws {
        let shell = SessionHarness()
        Self.thingWorx(shell)
        // As if pfsh died right after committing: the server has the new secret, the file the old.
        shell.admin("PUT", "/oauth/clients/thingworx/clientAuth/clientSecret", ["secret": "committed-before-the-crash-0123456789"])
        shell.services.files[Self.pending] = "committed-before-the-crash-0123456789\n"
        let writes = shell.port.writes.count
        let output = shell.ok("thingworx rotate --file \(Self.file) --retain 1h")
        #expect(output.first == "'\(Self.pending)' holds the secret of an interrupted rotation, and the server accepts it: finishing it")
        #expect(Self.fileSecret(shell) == "committed-before-the-crash-0123456789")
        #expect(shell.services.files[Self.pending] == nil)
        #expect(shell.port.writes.count == writes)
        #expect(!output.joined().contains("committed-before-the-crash"))
    }

    @Test func aPendingCopyFromARotationThatNeverLandedIsRemovedAndANewOneStarts() throws {
        let shell = SessionHarness()
        let old = Self.thingWorx(shell)
        let changed = try #require(shell.api.state.clients["thingworx"]?.clientSecretChangedTime)
        let stamp = Timestamp.format(milliseconds: changed)
        shell.services.files[Self.pending] = "never-reached-the-server-0123456789\nclient thingworx\nsecret-changed-before \(stamp)\n"
        let dry = shell.ok("thingworx rotate --file \(Self.file) --retain 1h --dry-run")
        #expect(dry.first?.contains("a run without --dry-run removes it") == true)
        #expect(shell.services.files[Self.pending] != nil)
        let output = shell.ok("thingworx rotate --file \(Self.file) --retain 1h")
        #expect(output.first?.contains("was left by a rotation that never reached the server") == true)
        let new = try #require(shell.api.state.clients["thingworx"]?.secret)
        #expect(new != old && new != "never-reached-the-server-0123456789")
        #expect(Self.fileSecret(shell) == new)
        #expect(shell.services.files[Self.pending] == nil)
    }

    @Test func aPendingCopyTheServerRefusesIsKept() {
        let shell = SessionHarness()
        let old = Self.thingWorx(shell)
        let left = "refused-by-the-server-0123456789\nclient thingworx\nsecret-changed-before 2020-01-01T00:00:00.000Z\n"
        shell.services.files[Self.pending] = left
        let error = shell.fails("thingworx rotate --file \(Self.file) --retain 1h")
        #expect(error?.message.hasSuffix("and the token endpoint refuses it") == true)
        #expect(shell.services.files[Self.pending] == left)
        #expect(Self.fileSecret(shell) == old && shell.api.state.clients["thingworx"]?.secret == old)
    }

    @Test func anotherClientsPendingCopyIsNeverTouched() {
        let shell = SessionHarness()
        Self.thingWorx(shell)
        shell.ok("client new other --preset thingworx")
        shell.ok("thingworx redirect other.example.com")
        shell.ok("commit")
        let left = "committed-for-thingworx-0123456789\nclient thingworx\n"
        shell.services.files[Self.pending] = left
        let error = shell.fails("thingworx rotate --file \(Self.file) --retain 1h --client other")
        #expect(error?.message == "'\(Self.pending)' holds the new secret of client 'thingworx' from an interrupted rotation")
        #expect(shell.services.files[Self.pending] == left)
    }

    @Test func aPendingCopyWaitsForAnInterruptedCommit() {
        let shell = SessionHarness()
        Self.thingWorx(shell)
        shell.services.files[Self.pending] = "from-an-interrupted-commit-0123456789\nclient thingworx\n"
        let crashed = SessionHarness(api: shell.api)
        crashed.ok("client new leftover")
        crashed.ok("grants set implicit")
        shell.services.journal.left = [crashed.services.journal.records]
        let error = shell.fails("thingworx rotate --file \(Self.file) --retain 1h")
        #expect(error?.message.hasSuffix("and an interrupted commit waits on this server") == true)
        #expect(shell.services.files[Self.pending] != nil)
    }

    @Test func onlyTheSecretOfTheFilesBlockChanges() throws {
        let shell = SessionHarness()
        Self.thingWorx(shell)
        let custom = """
            {
              "AuthorizationServersSettings": {
                "PingFederate": {
                  "clientId": "thingworx",
                  "clientSecret": "whatever-the-file-held",
                  "authorizeUri": "https://sso.example.com/as/authorization.oauth2",
                  "tokenUri": "https://127.0.0.1:9031/as/token.oauth2",
                  "scopes": "openid"
                }
              }
            }

            """
        shell.services.files[Self.file] = custom
        let output = shell.ok("thingworx rotate --file \(Self.file) --retain 1h")
        #expect(output.contains("~ AuthorizationServersSettings.PingFederate.clientSecret: (changed)"))
        #expect(!output.contains { $0.contains("authorizeUri") })
        let new = try #require(shell.api.state.clients["thingworx"]?.secret)
        #expect(shell.services.files[Self.file] == custom.replacingOccurrences(of: "whatever-the-file-held", with: new))
        // A block for another client is not this client's to change.
        shell.services.files["/twx/other.json"] = custom.replacingOccurrences(of: "\"thingworx\"", with: "\"someone-else\"")
        let error = shell.fails("thingworx rotate --file /twx/other.json --retain 1h")
        #expect(error?.message.contains("AuthorizationServersSettings.PingFederate is for client 'someone-else', not 'thingworx'") == true)
    }

    @Test func anUnwritablePendingCopyStagesNothing() {
        let shell = SessionHarness()
        Self.thingWorx(shell)
        shell.services.unwritable = [Self.pending]
        let writes = shell.port.writes.count
        #expect(shell.fails("thingworx rotate --file \(Self.file) --retain 1h")?.message == "cannot create '\(Self.pending)'")
        #expect(shell.session.stagedCount == 0 && shell.port.writes.count == writes)
    }

    @Test func theNextStepsNameThisRotationsExpiry() throws {
        let shell = SessionHarness()
        Self.thingWorx(shell)
        let week = shell.ok("thingworx rotate --file \(Self.file) --retain 7d")
        let long = try #require(week.first { $0.hasPrefix("client 'thingworx': the previous secret stays valid until ") })
        let hour = shell.ok("thingworx rotate --file \(Self.file) --retain 1h")
        let short = try #require(hour.first { $0.hasPrefix("client 'thingworx': the previous secret stays valid until ") })
        #expect(long != short)
        let until = String(short.dropFirst("client 'thingworx': the previous secret stays valid until ".count))
        #expect(hour.contains { $0.hasPrefix("next: restart ThingWorx") && $0.hasSuffix("stays valid until \(until)") })
    }

    @Test func aRefusedCommitLeavesNoPendingCopy() {
        let shell = SessionHarness()
        let old = Self.thingWorx(shell)
        // The PUT of the new secret is refused (a grant type the server does not know); the retention went first.
        shell.port.rewriteRequest = { request in
            guard request.method == .put, var body = request.body?.objectValue,
                ClientJSON.value(at: "clientAuth.secret", in: body) != nil
            else { return request }
            body["grantTypes"] = ["NO_SUCH_GRANT"]
            return APIRequest(request.method, request.path, body: .object(body))
        }
        let error = shell.fails("thingworx rotate --file \(Self.file) --retain 1h")
        #expect(error?.notes.last == "the secret was not changed: the current secret still works")
        #expect(shell.services.files[Self.pending] == nil)
        #expect(Self.fileSecret(shell) == old)
        #expect(shell.session.stagedCount == 0)
    }

    @Test func aRefusedNewSecretIsReportedAndBothStayValid() throws {
        let shell = SessionHarness()
        let old = Self.thingWorx(shell)
        // A token endpoint that refuses every client-credentials request from now on.
        shell.services.runtimeOverride = { request in
            guard request.url.hasSuffix("/as/token.oauth2") else { return nil }
            return RuntimeResponse(
                status: 401, location: nil, contentType: "application/json",
                body: #"{"error":"invalid_client","error_description":"refused for the test"}"#)
        }
        let result = shell.run("thingworx rotate --file \(Self.file) --retain 1h")
        let error = try #require(result.error)
        #expect(error.message.hasPrefix("the token endpoint refused the new secret of 'thingworx'; the previous secret stays valid until "))
        #expect(error.message.hasSuffix(", so ThingWorx keeps working until then"))
        #expect(result.output.contains { $0.hasPrefix("test: failed: ") })
        let new = try #require(shell.api.state.clients["thingworx"]?.secret)
        #expect(Self.fileSecret(shell) == new && new != old)
        #expect(shell.api.state.clients["thingworx"]?.secondarySecrets.map(\.secret) == [old])
        #expect(shell.services.files[Self.pending] == nil)
    }
}
