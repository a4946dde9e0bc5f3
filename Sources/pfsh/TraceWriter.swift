import Foundation
import PFShellCore
import PFShellJSON

/// `--trace FILE`: one JSON line per HTTP exchange, appended, its bodies redacted by
/// `TraceRedaction`: the value of every key that holds secret material (`FieldCatalog.holdsSecret`:
/// the client's secret fields, and names ending like a secret, password, token or key) becomes
/// `(redacted)`. The Authorization header is never recorded at all. The file is created
/// 0600. A body over `bodyLimit` bytes is kept as the text of its first `bodyLimit` bytes, with
/// the number of bytes cut beside it (`responseBytesCut`), so a listing of thousands of clients
/// does not fill the disk.
final class TraceWriter {
    private let handle: FileHandle
    static let bodyLimit = 64 * 1024

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
        add(request, as: "request", to: &line)
        add(response, as: "response", to: &line)
        handle.write(Data((JSONPrinter.print(.object(line)) + "\n").utf8))
    }

    /// The body, redacted, whole when small, else its first `bodyLimit` bytes as text and the count cut.
    private func add(_ body: JSONValue?, as key: String, to line: inout JSONObject) {
        guard let body else {
            line[key] = .null
            return
        }
        let redacted = TraceRedaction.redacted(body)
        let text = Array(JSONPrinter.print(redacted).utf8)
        guard text.count > Self.bodyLimit else {
            line[key] = redacted
            return
        }
        var kept = text.prefix(Self.bodyLimit)
        while let last = kept.last, last & 0xC0 == 0x80 { kept.removeLast() }  // not inside a character
        if let last = kept.last, last >= 0xC0 { kept.removeLast() }
        line[key] = .string(String(decoding: kept, as: UTF8.self))
        line[key + "BytesCut"] = .int(Int64(text.count - kept.count))
    }
}
