import FoundationEssentials
import Glibc
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
    private let descriptor: Int32
    static let bodyLimit = 64 * 1024

    struct OpenError: Error {}

    /// Appends to `path`, creating it 0600 (an existing file keeps its mode).
    init(path: String) throws(OpenError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw OpenError() }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// One exchange; `attempt` above 1 marks a retry, `failure` says why no answer came.
    func record(
        method: String, url: String, attempt: Int = 1, status: Int?, failure: String? = nil, milliseconds: Double,
        request: JSONValue?, response: JSONValue?
    ) {
        var line: JSONObject = ["method": .string(method), "url": .string(url)]
        if attempt > 1 { line["attempt"] = .int(Int64(attempt)) }
        line["status"] = status.map { .int(Int64($0)) } ?? .null
        if let failure { line["failure"] = .string(failure) }
        line["milliseconds"] = .double((milliseconds * 10).rounded() / 10)
        add(request, as: "request", to: &line)
        add(response, as: "response", to: &line)
        Posix.write(JSONPrinter.print(.object(line)) + "\n", to: descriptor)
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
