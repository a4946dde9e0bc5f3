import Foundation
import PFShellTestSupport
import Testing

/// `--oauth-client`: the Admin API with a client-credentials token from the runtime, against an
/// emulator that accepts the tokens of its `--admin-oauth-client`.
@Suite struct OAuthTests {
    static let secrets = ["BOT_SECRET": "bot-secret-0123456789abc", "WRONG_SECRET": "wrong-secret-0123456789", "BATCH_SECRET": "batch-secret-0123456789"]

    @Test func anOAuthSessionListsClientsAndAWrongSecretExitsThree() throws {
        let server = try TestServer(["--seed", "demo", "--admin-oauth-client", "bot"], dataFile: true)
        let made = try server.pfsh(
            ["-c", "client new bot", "-c", "grants set client-credentials", "-c", "secret set --env BOT_SECRET",
             "-c", "client edit demo-batch", "-c", "secret set --env BATCH_SECRET", "-c", "commit"], environment: Self.secrets)
        #expect(made.status == 0, "\(made.stderr)")
        func oauth(_ client: String, _ variable: String, _ arguments: [String], input: PfshInput = .nothing) throws -> PfshResult {
            try PfshProcess.run(
                ["--no-rc", "--url", server.url, "--ca-file", server.caFile, "--runtime-url", server.runtimeURL,
                 "--oauth-client", client, "--oauth-secret-env", variable] + arguments,
                environment: server.environment.merging(Self.secrets) { $1 }, directory: server.directory.path, input: input)
        }
        let listed = try oauth("bot", "BOT_SECRET", ["client", "list"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("demo-portal"))
        let wrong = try oauth("bot", "WRONG_SECRET", ["client", "list"])
        #expect(wrong.status == 3)
        #expect(wrong.stderr.contains("refused client 'bot': "), "\(wrong.stderr)")
        #expect(!wrong.stderr.contains(Self.secrets["WRONG_SECRET"]!))
        let notAdmin = try oauth("demo-batch", "BATCH_SECRET", ["client", "list"])
        #expect(notAdmin.status == 3, "a token of a client that is not an administrator is refused: \(notAdmin.stderr)")

        // The emulator restarted forgets its tokens: the next request's 401 fetches a new one.
        try "client list\n".write(toFile: server.directory.file("list.pfsh"), atomically: true, encoding: .utf8)
        let session = try ProcessRunner.start(
            PfshProcess.binary,
            ["--no-rc", "--url", server.url, "--ca-file", server.caFile, "--runtime-url", server.runtimeURL,
             "--oauth-client", "bot", "--oauth-secret-env", "BOT_SECRET"],
            environment: .exactly(server.environment.merging(Self.secrets) { $1 }), directory: server.directory.path, input: .pipe)
        _ = session.write("client list bot\n")
        #expect(session.stdout.waitForLine(timeout: 20) { $0.hasPrefix("bot ") } != nil, "\(session.stderr.text)")
        server.stop()
        _ = try server.restartEmulator()
        _ = session.write("client show demo-portal\n")
        session.closeInput()
        #expect(session.wait(timeout: 30) == 0, "\(session.stderr.text)")
        #expect(session.stdout.text.contains("Demo portal"), "\(session.stdout.text)")
    }
}
