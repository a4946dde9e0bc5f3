import Foundation
import PFShellCore
import PFShellJSON

/// `--trace FILE`: one JSON line per HTTP exchange, appended, with every secret removed
/// (`secret`, `encryptedSecret`, anything under a key that names a password or token). The
/// Authorization header is never recorded at all. The file is created 0600.
final class TraceWriter {
    private let handle: FileHandle

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission)
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission) }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    func record(method: String, url: String, status: Int?, milliseconds: Double, request: JSONValue?, response: JSONValue?) {
        var line: JSONObject = ["method": .string(method), "url": .string(url)]
        line["status"] = status.map { .int(Int64($0)) } ?? .null
        line["milliseconds"] = .double((milliseconds * 10).rounded() / 10)
        line["request"] = request.map(Self.redacted) ?? .null
        line["response"] = response.map(Self.redacted) ?? .null
        handle.write(Data((JSONPrinter.print(.object(line)) + "\n").utf8))
    }

    static let secretKeys: Set<String> = ["secret", "encryptedsecret", "password", "token", "clientsecret"]

    static func redacted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var copy = JSONObject()
            for (key, member) in object.pairs {
                copy[key] = secretKeys.contains(key.lowercased()) ? "(redacted)" : redacted(member)
            }
            return .object(copy)
        case .array(let items):
            return .array(items.map(redacted))
        default:
            return value
        }
    }
}
