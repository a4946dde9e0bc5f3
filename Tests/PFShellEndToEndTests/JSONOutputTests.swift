import Foundation
import PFShellJSON
import Testing

/// `--json` is for programs: stdout must hold JSON and nothing else, whatever the command.
@Suite struct JSONOutputTests {
    @Test func everyCommandPrintsJSONOnly() throws {
        let server = try TestServer()
        defer { server.stop() }
        let commands = [
            "status", "client list", "client show demo-batch", "client edit demo-portal", "set description x", "diff",
            "pending", "commit --dry-run", "help", "echo hello", "client new json-1 --name One", "grants set implicit",
            "commit", "commit", "undo",
        ]
        let result = try server.pfsh(["--json"] + commands.flatMap { ["-c", $0] })
        let documents = try JSONStream.documents(result.stdout)
        #expect(!documents.isEmpty)
        let commitLines = documents.filter { $0["result"] != nil || $0["committed"] != nil }
        #expect(commitLines.map { $0["result"]?.stringValue ?? "summary" } == ["applied", "applied", "summary", "summary"])
        #expect(documents.contains { $0["command"] == "echo" && $0["messages"] == ["hello"] })
        #expect(documents.first?["connected"] == true)
    }

    @Test func aCommitPrintsOneJSONLinePerClient() throws {
        let server = try TestServer()
        defer { server.stop() }
        let result = try server.pfsh(
            ["--json", "-c", "client new a1 --name A", "-c", "grants set implicit", "-c", "client new a2 --name B", "-c", "grants set implicit", "-c", "commit"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result.stdout)")
        let parsed = try lines.map { try JSONParser.parse($0) }
        #expect(parsed.map { $0["clientId"]?.stringValue ?? "-" } == ["a1", "a2", "-"])
        #expect(parsed.last?["committed"] == 2)
    }
}

/// Splits a stream of JSON documents (pretty or not) written one after another.
enum JSONStream {
    static func documents(_ text: String) throws -> [JSONValue] {
        var documents: [JSONValue] = []
        var depth = 0
        var inString = false
        var escaped = false
        var start: String.Index?
        for index in text.indices {
            let character = text[index]
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true
            case "{", "[":
                if depth == 0 { start = index }
                depth += 1
            case "}", "]":
                depth -= 1
                if depth == 0, let begin = start {
                    documents.append(try JSONParser.parse(String(text[begin...index])))
                }
            default:
                if depth == 0 && !character.isWhitespace {
                    throw JSONStreamError(description: "text outside JSON: \(text[index...].prefix(40))")
                }
            }
        }
        return documents
    }

    struct JSONStreamError: Error, CustomStringConvertible {
        let description: String
    }
}
