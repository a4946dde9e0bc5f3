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
        #expect(output.contains("test: the new secret works"))
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

    @Test func aPendingSecretTheServerRefusesIsDroppedAndARotationStarts() throws {
        let shell = SessionHarness()
        let old = Self.thingWorx(shell)
        shell.services.files[Self.pending] = "never-reached-the-server-0123456789\n"
        let output = shell.ok("thingworx rotate --file \(Self.file) --retain 1h")
        #expect(output.first?.contains("that rotation never reached the server; starting a new one") == true)
        let new = try #require(shell.api.state.clients["thingworx"]?.secret)
        #expect(new != old && new != "never-reached-the-server-0123456789")
        #expect(Self.fileSecret(shell) == new)
        #expect(shell.services.files[Self.pending] == nil)
    }

    @Test func aRefusedCommitLeavesNoPendingCopy() {
        let shell = SessionHarness()
        let old = Self.thingWorx(shell)
        // A PUT the server refuses: a grant type it does not know.
        shell.port.rewriteRequest = { request in
            guard request.method == .put, var body = request.body?.objectValue else { return request }
            body["grantTypes"] = ["NO_SUCH_GRANT"]
            return APIRequest(request.method, request.path, body: .object(body))
        }
        let error = shell.fails("thingworx rotate --file \(Self.file) --retain 1h")
        #expect(error?.notes.last == "nothing changed: the current secret is still the only one")
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
