import Foundation
import PFShellJSON
import PFShellTestSupport
import Testing

/// `api` through the built pfsh: the session's connection, the trace without secrets, the log.
@Suite struct APITests {
    @Test func getAndPutWorkAndTheTraceHoldsNoSecret() throws {
        let server = try TestServer()
        let version = try server.pfsh(["api", "get", "/version"])
        #expect(version.status == 0 && version.stdout == "{\n  \"version\": \"12.1.0.4\"\n}\n", "\(version.stdout)\(version.stderr)")

        var client = try #require(try server.admin(.get, "/oauth/clients/demo-batch").json?.objectValue)
        client["description"] = "Set through api"
        client["clientAuth"] = ["type": "SECRET", "secret": "api-put-secret-0123456789"]
        let trace = server.directory.file("api-trace.jsonl")
        let body = server.directory.file("body.json")
        try JSONPrinter.print(.object(client)).write(toFile: body, atomically: true, encoding: .utf8)
        let put = try server.pfsh(["--trace", trace, "api", "put", "/oauth/clients/demo-batch", "--data", "-"], input: .file(body))
        #expect(put.status == 0, "\(put.stderr)")
        #expect(put.stderr.contains("api writes go straight to the server"), "\(put.stderr)")
        #expect(put.stdout.contains(#""description": "Set through api""#))
        #expect(try server.admin(.get, "/oauth/clients/demo-batch").json?["description"] == "Set through api")
        #expect(try CommitConfirmedTests.token(server, "demo-batch", "api-put-secret-0123456789") == 200)

        let traced = try String(contentsOfFile: trace, encoding: .utf8)
        #expect(traced.contains("\"PUT\"") && traced.contains("/oauth/clients/demo-batch"), "\(traced)")
        #expect(!traced.contains("api-put-secret-0123456789"), "the secret is in the trace")
        let log = try server.pfsh(["log"])
        #expect(log.stdout.contains("   api PUT /oauth/clients/demo-batch: 200 (not undoable)"), "\(log.stdout)")
        let state = server.directory.file("state")
        #expect(try Self.files(under: state).allSatisfy { !((try? String(contentsOfFile: $0, encoding: .utf8)) ?? "").contains("api-put-secret-0123456789") })
    }

    static func files(under folder: String) throws -> [String] {
        let names = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        return names.map { folder + "/" + $0 }
    }
}
