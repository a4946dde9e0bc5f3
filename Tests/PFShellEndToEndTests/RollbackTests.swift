import Foundation
import PFShellJSON
import PFShellTestSupport
import Testing

/// `log` and `rollback N` against the emulator: the server returns to its state after commit
/// N-1, secrets included when asked, proven with tokens at the runtime.
@Suite struct RollbackTests {
    static let secrets = ["OLD_SECRET": "old-secret-0123456789", "NEW_SECRET": "new-secret-9876543210"]

    @Test func rollbackTwoWithSecretsReturnsTheServerToCommitOneAndTheOldSecretWorksAgain() throws {
        let server = try TestServer()
        func run(_ commands: [String]) throws -> PfshResult {
            let result = try server.pfsh(commands.flatMap { ["-c", $0] }, environment: Self.secrets)
            #expect(result.status == 0, "\(commands): \(result.stderr)")
            return result
        }
        _ = try run(["client new rs --name 'Rolled'", "grants set client-credentials", "secret set --env OLD_SECRET", "commit -m one"])
        let afterOne = try #require(try server.admin(.get, "/oauth/clients/rs").json?.objectValue)
        _ = try run(["client edit rs", "secret set --env NEW_SECRET", "set description 'Second'", "commit -m two"])
        _ = try run(["client new extra", "grants set implicit", "commit -m three"])
        let log = try run(["log"]).stdout
        #expect(log.contains("3  ") && log.contains("administrator  three\n   created extra"), "\(log)")
        #expect(log.contains("administrator  two\n   changed rs (description, secret)"), "\(log)")
        #expect(try CommitConfirmedTests.token(server, "rs", Self.secrets["NEW_SECRET"]!) == 200)

        // Without --restore-secrets the secret of commit 2 stays, and pfsh says so.
        let kept = try run(["rollback 2", "discard --all"])
        #expect(kept.stderr.contains("rs keep the secret set since commit 2; 'rollback 2 --restore-secrets' brings back the earlier one"), "\(kept.stderr)")

        let restored = try run(["rollback 2 --restore-secrets", "commit -m back"])
        #expect(restored.stdout.contains("updated rs") && restored.stdout.contains("deleted extra"), "\(restored.stdout)")
        #expect(try server.admin(.get, "/oauth/clients/extra").status == 404)
        let now = try #require(try server.admin(.get, "/oauth/clients/rs").json?.objectValue)
        #expect(Self.comparable(now) == Self.comparable(afterOne), "\(now)")
        #expect(try CommitConfirmedTests.token(server, "rs", Self.secrets["OLD_SECRET"]!) == 200, "the old secret works again")
        #expect(try CommitConfirmedTests.token(server, "rs", Self.secrets["NEW_SECRET"]!) == 401, "the new secret is refused")
    }

    /// A client without what the server manages itself: its times and the sealed secret, which
    /// differs on every read.
    static func comparable(_ client: JSONObject) -> JSONValue {
        var copy = client
        for key in ["modificationDate", "creationDate", "clientSecretChangedTime", "lastModified"] { copy[key] = nil }
        if var auth = copy["clientAuth"]?.objectValue {
            auth["encryptedSecret"] = nil
            copy["clientAuth"] = .object(auth)
        }
        return .object(copy)
    }
}
