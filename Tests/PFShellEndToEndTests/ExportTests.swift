import Foundation
import PFShellJSON
import PFShellTestSupport
import Testing

/// `client export` between two servers, `dev` and `prod` (both seeded with the demo token manager
/// and OIDC policy): the script recreates equal clients, and replaying it again commits nothing.
@Suite struct ExportTests {
    static let secrets = ["TWX_SECRET": "thingworx-secret-0123456789", "API_GW_SECRET": "gateway-secret-0123456789"]

    @Test func anExportReplayedOnAnotherServerRecreatesEqualClientsAndASecondReplayCommitsNothing() throws {
        let dev = try TestServer()
        let prod = try TestServer()
        let made = try dev.pfsh(
            [
                "-c", "client new twx --name ThingWorx --preset thingworx", "-c", "redirect add https://twx.example.com/Thingworx/oauth",
                "-c", "secret set --env TWX_SECRET", "-c", "set description 'Industrial IoT'",
                "-c", "client new api-gw --name 'API gateway'", "-c", "grants set client-credentials access-token-validation",
                "-c", "secret set --env API_GW_SECRET", "-c", "set restrictScopes true", "-c", "set restrictedScopes openid,profile",
                "-c", "persistent-grants expire 12 hours", "-c", "refresh-rolling dont-roll", "-c", "set enabled false",
                "-c", "set defaultAccessTokenManagerRef default-atm", "-c", "set oidcPolicy.policyGroup default-oidc",
                "-c", "client new spa --name 'Single page'", "-c", "grants set authorization-code",
                "-c", "redirect add https://spa.example.com/cb https://spa.example.com/cb2", "-c", "set requireProofKeyForCodeExchange true",
                "-c", "commit",
            ], environment: Self.secrets)
        #expect(made.status == 0, "\(made.stderr)")
        let file = dev.directory.file("export.pfsh")
        let exported = try dev.pfsh(["client", "export", "twx", "api-gw", "spa", "--file", file])
        #expect(exported.stdout == "exported 3 client(s) to \(file)\n", "\(exported.stderr)")
        let script = try String(contentsOfFile: file, encoding: .utf8)
        #expect(script.contains("secret set --env TWX_SECRET --if-new\n"), "\(script)")
        #expect(script.contains("persistent-grants expire 12 hours\n") && script.contains("refresh-rolling dont-roll\n"), "\(script)")
        #expect(script.contains("grants set client-credentials access-token-validation\n"), "\(script)")
        for secret in Self.secrets.values { #expect(!script.contains(secret)) }

        let replay = try prod.pfsh([file], environment: Self.secrets)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("committed 3 client(s)"), "\(replay.stdout)")
        let again = try prod.pfsh([file], environment: Self.secrets)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "nothing to commit\n", "\(again.stdout)")
        let onDev = try dev.pfsh([file], environment: Self.secrets)
        #expect(onDev.stdout == "nothing to commit\n", "\(onDev.stdout)")

        let devJSON = try dev.pfsh(["client", "export", "twx", "api-gw", "spa", "--json"])
        let prodJSON = try prod.pfsh(["client", "export", "twx", "api-gw", "spa", "--json"])
        #expect(!devJSON.stdout.isEmpty && devJSON.stdout == prodJSON.stdout)
        #expect(try CommitConfirmedTests.token(prod, "twx", Self.secrets["TWX_SECRET"]!) == 200, "the secret came from the environment")

        // Drift check: 0 while prod matches the script, 5 with the field diff once someone changed a
        // field it describes.
        let matching = try prod.pfsh(["--check", file], environment: Self.secrets)
        #expect(matching.status == 0, "\(matching.stdout)\(matching.stderr)")
        var spa = try #require(try prod.admin(.get, "/oauth/clients/spa").json?.objectValue)
        spa["requireProofKeyForCodeExchange"] = false
        #expect(try prod.admin(.put, "/oauth/clients/spa", .object(spa)).status == 200)
        let drifted = try prod.pfsh(["--check", file], environment: Self.secrets)
        #expect(drifted.status == 5, "\(drifted.stderr)")
        #expect(drifted.stdout.contains("~ client spa\n  - requireProofKeyForCodeExchange: false\n  + requireProofKeyForCodeExchange: true\n"), "\(drifted.stdout)")
        #expect(drifted.stdout.contains("1 client(s) differ from what the script describes; nothing written"))
        #expect(try prod.admin(.get, "/oauth/clients/spa").json?["requireProofKeyForCodeExchange"] == false, "a check writes nothing")
    }

    @Test func exportWithoutIDsOrWithBothIsAUsageError() throws {
        let dev = try TestServer()
        #expect(try dev.pfsh(["client", "export"]).status == 2)
        #expect(try dev.pfsh(["client", "export", "demo-batch", "--all"]).status == 2)
        let missing = try dev.pfsh(["client", "export", "nobody"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no client 'nobody' on the server"))
    }

    @Test func promoteWithAMapStagesExactlyTheExpectedDiffAndNeverCopiesTheSecret() throws {
        let dev = try TestServer()
        let prod = try TestServer()
        let devProfile = "profile define dev --url \(dev.url) --ca-file \(dev.caFile) --password-env DEV_PASSWORD"
        let made = try dev.pfsh(
            [
                "-c", "client new web --name 'Web app'", "-c", "grants set authorization-code refresh-token",
                "-c", "redirect add https://dev.example.com:8443/cb https://static.example.com/cb", "-c", "secret set --env TWX_SECRET",
                "-c", "commit",
            ], environment: Self.secrets)
        #expect(made.status == 0, "\(made.stderr)")
        let environment = ["DEV_PASSWORD": dev.password, "PROD_WEB_SECRET": "prod-web-secret-0123456789"]
        let missingSecret = try prod.pfsh(["-c", devProfile, "-c", "client promote web --from dev"], environment: environment)
        #expect(missingSecret.status == 1)
        #expect(missingSecret.stderr.contains("needs a secret here, and secrets are never copied"), "\(missingSecret.stderr)")
        let promoted = try prod.pfsh(
            [
                "-c", devProfile, "-c", "client promote web --from dev --map dev.example.com:8443=www.example.com --secret-env PROD_WEB_SECRET",
                "-c", "diff", "-c", "commit", "-c", "client diff web --against dev",
            ], environment: environment)
        #expect(promoted.status == 0, "\(promoted.stderr)")
        #expect(
            promoted.stdout.contains(
                """
                + client web (new)
                  + clientId: "web"
                  + enabled: true
                  + redirectUris: ["https://www.example.com/cb","https://static.example.com/cb"]
                """), "\(promoted.stdout)")
        #expect(promoted.stdout.contains("  + clientAuth.secret: (set)\n"), "\(promoted.stdout)")
        #expect(
            promoted.stdout.hasSuffix(
                """
                client 'web': - here, + dev (secrets are not compared)
                  - redirectUris: ["https://www.example.com/cb","https://static.example.com/cb"]
                  + redirectUris: ["https://dev.example.com:8443/cb","https://static.example.com/cb"]

                """), "\(promoted.stdout)")
        // The secret given here authenticates (the grant is then refused: 400); dev's does not (401).
        #expect(try CommitConfirmedTests.token(prod, "web", "prod-web-secret-0123456789") == 400)
        #expect(try CommitConfirmedTests.token(prod, "web", Self.secrets["TWX_SECRET"]!) == 401)
        let again = try prod.pfsh(["-c", devProfile, "-c", "client promote web --from dev --map dev.example.com:8443=www.example.com"], environment: environment)
        #expect(again.stdout == "client 'web' is already as on dev; nothing staged\n", "\(again.stdout)\(again.stderr)")
    }

    @Test func aFanOutRunsTheScriptOnEachProfileAndEndsWithASummary() throws {
        let dev = try TestServer()
        let prod = try TestServer()
        let closed = try ClosedPort.find()
        let rc = [
            "profile define dev --url \(dev.url) --ca-file \(dev.caFile) --password-env DEV_PASSWORD",
            "profile define prod --url \(prod.url) --ca-file \(prod.caFile) --password-env PROD_PASSWORD",
            "profile define down --url https://127.0.0.1:\(closed) --ca-file \(prod.caFile) --password-env PROD_PASSWORD",
        ].joined(separator: "\n")
        try FileManager.default.createDirectory(atPath: dev.directory.file("config/pfsh"), withIntermediateDirectories: true)
        try rc.write(toFile: dev.directory.file("config/pfsh/pfshrc"), atomically: true, encoding: .utf8)
        try "client ensure fanned\ngrants set implicit\ncommit\n".write(toFile: dev.directory.file("fan.pfsh"), atomically: true, encoding: .utf8)
        let environment = dev.environment.merging(["DEV_PASSWORD": dev.password, "PROD_PASSWORD": prod.password]) { $1 }
        func fanOut(_ arguments: [String]) throws -> PfshResult {
            try PfshProcess.run(arguments + [dev.directory.file("fan.pfsh")], environment: environment, directory: dev.directory.path)
        }
        let first = try fanOut(["--profile", "dev,prod"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("==> dev\ncreated fanned\ncommitted 1 client(s)\n==> prod\ncreated fanned\n"), "\(first.stdout)")
        #expect(first.stdout.hasSuffix("\nPROFILE  RESULT\ndev      committed 1 client write(s)\nprod     committed 1 client write(s)\n"), "\(first.stdout)")
        #expect(try prod.admin(.get, "/oauth/clients/fanned").status == 200)

        let second = try fanOut(["--profile", "dev,down,prod"])
        #expect(second.status == 3, "the first failure's status")
        #expect(second.stdout.contains("dev      nothing to do\ndown     failed (exit 3): connect: connection refused"), "\(second.stdout)")
        #expect(second.stdout.contains("\nprod     nothing to do\n"), "\(second.stdout)")
        let stopped = try fanOut(["--profile", "down,dev", "--stop-on-failure"])
        #expect(stopped.status == 3)
        #expect(stopped.stdout.hasSuffix("dev      not run (--stop-on-failure)\n"), "\(stopped.stdout)")
    }
}
