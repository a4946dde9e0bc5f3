import PFShellJSON

/// What the session writes down so that a crash loses nothing: each staging command's change, in
/// the size of the change, and during a commit the intent before each request and the outcome
/// after it. It never holds a plaintext secret: a staged secret is journaled by where it came from,
/// and of the server's secret material only the sealed `encryptedSecret` values are kept.
public final class Journal {
    public let sink: any JournalSink

    public init(sink: any JournalSink) {
        self.sink = sink
    }

    /// A client's whole staged state; nil when it is no longer staged.
    func client(_ id: String, _ client: StagedClient?) {
        sink.append(["record": "client", "id": .string(id), "client": client.map(JournalCoding.encode) ?? .null])
    }

    /// Members of a client's staged copy a command replaced, with their new values (null: removed).
    func members(_ id: String, _ members: [(key: String, value: JSONValue?)]) {
        var object = JSONObject()
        for (key, value) in members { object[key] = JournalCoding.sealedOnly(value ?? .null) }
        sink.append(["record": "members", "id": .string(id), "members": .object(object)])
    }

    func commitBegan(_ ids: [String]) {
        sink.append(["record": "commit", "clients": .array(ids.map(JSONValue.string))])
    }

    func intent(_ id: String, method: HTTPMethod, attempt: Int) {
        sink.append(["record": "intent", "id": .string(id), "method": .string(method.rawValue), "attempt": .int(Int64(attempt))])
    }

    func outcome(_ id: String, _ result: JournalOutcome, stored: JSONObject? = nil) {
        var record: JSONObject = ["record": "outcome", "id": .string(id), "result": .string(result.rawValue)]
        if let stored { record["stored"] = JournalCoding.sealedOnly(.object(stored)) }
        sink.append(.object(record))
    }

    func commitEnded(complete: Bool) {
        sink.append(["record": "committed", "complete": .bool(complete)])
        sink.sync()
    }
}

/// How a journaled write ended.
public enum JournalOutcome: String, Sendable {
    case applied
    case refused
    case notApplied = "not applied"
}
