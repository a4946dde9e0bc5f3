import Foundation
import PFShellJSON
import PFShellTestSupport
import Testing

/// `--trace FILE`: a 0600 file of JSON lines (method, url, status, milliseconds) that never holds a
/// secret, a sealed secret, the password or the Authorization header.
@Suite struct TraceFileTests {
    @Test func theTraceRecordsEveryExchangeWithoutSecrets() throws {
        let server = try TestServer()
        defer { server.stop() }
        let trace = server.directory.file("trace.jsonl")
        let secret = "Trace-Secret-\(UUID().uuidString)"
        let result = try server.pfsh(
            [
                "--trace", trace, "-c", "client new traced", "-c", "grants set client-credentials",
                "-c", "secret set --env TRACED_SECRET", "-c", "client edit demo-batch", "-c", "set description traced",
                "-c", "commit", "-c", "client show demo-batch --json", "-c", "client show no-such-client",
            ], environment: ["TRACED_SECRET": secret])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no client 'no-such-client'"))

        let attributes = try FileManager.default.attributesOfItem(atPath: trace)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let text = try String(contentsOfFile: trace, encoding: .utf8)
        for forbidden in [secret, "OBF:JWE:", "\"Authorization\"", "Authorization:"] + server.credentialTexts {
            #expect(!text.contains(forbidden), "the trace holds '\(forbidden.prefix(12))...'")
        }
        let records = try text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        for record in records {
            #expect(record["method"]?.stringValue != nil)
            #expect(record["url"]?.stringValue?.hasPrefix(server.url + "/pf-admin-api/v1/") == true)
            #expect(record["status"]?.intValue != nil)
            #expect(record["milliseconds"].map { if case .double = $0 { true } else if case .int = $0 { true } else { false } } == true)
        }
        let summary = records.map { "\($0["method"]?.stringValue ?? "") \($0["status"]?.intValue ?? 0)" }
        #expect(summary.contains("POST 201"))
        #expect(summary.contains("PUT 200"))
        #expect(summary.contains("GET 404"))
        let post = try #require(records.first { $0["method"] == "POST" })
        #expect(post["request"]?["clientAuth"]?["secret"] == "(redacted)")
        let put = try #require(records.first { $0["method"] == "PUT" })
        #expect(put["request"]?["clientAuth"]?["encryptedSecret"] == "(redacted)")
        #expect(TraceAudit(secrets: [secret] + server.credentialTexts).problems(in: text) == [])

        // A second run appends to the same file.
        _ = try server.pfsh(["--trace", trace, "-c", "client list"])
        let again = try String(contentsOfFile: trace, encoding: .utf8)
        #expect(again.hasPrefix(text))
        #expect(again.split(separator: "\n").count > records.count)
    }

    @Test func aBodyOver64KiBIsCutAndTheCutIsCounted() throws {
        let server = try TestServer()
        defer { server.stop() }
        let description = String(repeating: "é", count: 5000)  // 10,000 bytes of two-byte characters
        for index in 0..<8 {
            let body: JSONValue = ["clientId": .string("big-\(index)"), "name": "Big", "grantTypes": ["IMPLICIT"], "description": .string(description)]
            #expect(try server.admin(.post, "/oauth/clients", body).status == 201)
        }
        let trace = server.directory.file("trace.jsonl")
        let result = try server.pfsh(["--trace", trace, "-c", "client list big"])
        #expect(result.status == 0)
        let records = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let listing = try #require(records.first { $0["url"]?.stringValue?.hasSuffix("filter=big") == true })
        let kept = try #require(listing["response"]?.stringValue)
        let cut = try #require(listing["responseBytesCut"]?.intValue)
        #expect(kept.utf8.count <= 64 * 1024 && kept.utf8.count > 64 * 1024 - 4)
        #expect(kept.hasPrefix("{\"items\":["))
        #expect(cut > 10_000)
        let small = try #require(records.first { $0["url"]?.stringValue?.hasSuffix("/version") == true })
        #expect(small["response"]?["version"] != nil)
        #expect(small["responseBytesCut"] == nil)
    }
}
