import Foundation
import PFShellJSON

/// Checks a `--trace` file: one JSON object per line with method, url, status and milliseconds;
/// no credential or secret anywhere; and no refusal by the strict emulator that the test did not
/// expect, which is how the suite shows that every request pfsh sends passes PingFederate 12.1's model.
struct TraceAudit {
    /// Texts that must never be written: the administrator password, client secrets.
    var secrets: [String] = []
    /// `errorId`s (or `resultId`s) the test expects the server to answer with.
    var expectedRefusals: Set<String> = []

    /// The problems found; empty when the trace is clean.
    func problems(in text: String) -> [String] {
        var problems: [String] = []
        for secret in secrets where text.contains(secret) { problems.append("the trace contains a secret or password") }
        for header in ["\"authorization\":", "authorization: "] where text.lowercased().contains(header) {
            problems.append("the trace holds credentials ('\(header)')")
        }
        let lines = text.split(separator: "\n").map(String.init)
        var refused: Set<String> = []
        for (number, line) in lines.enumerated() {
            let place = "trace line \(number + 1)"
            guard let record = try? JSONParser.parse(line), record.objectValue != nil else {
                problems.append("\(place) is not a JSON object")
                continue
            }
            for key in ["method", "url", "status", "milliseconds"] where record[key] == nil {
                problems.append("\(place) has no '\(key)'")
            }
            problems += Self.unredacted(record, at: place)
            problems += refusalProblems(record, at: place)
            refused.formUnion(Self.refusalIDs(record))
        }
        // A stale declaration would let a new refusal with that id pass unseen.
        for id in expectedRefusals.subtracting(refused).sorted() {
            problems.append("'#! refusal \(id)' is declared but no response refused with it")
        }
        return problems
    }

    /// Keys that hold secret material must only ever hold `(redacted)`.
    static func unredacted(_ value: JSONValue, at place: String) -> [String] {
        switch value {
        case .object(let object):
            return object.pairs.flatMap { key, member -> [String] in
                let lower = key.lowercased()
                if lower == "authorization" { return ["\(place): an Authorization header is recorded"] }
                if ["secret", "encryptedsecret", "password", "clientsecret"].contains(lower), member != "(redacted)" {
                    return ["\(place): '\(key)' is not redacted"]
                }
                return unredacted(member, at: place)
            }
        case .array(let items):
            return items.flatMap { unredacted($0, at: place) }
        default:
            return []
        }
    }

    /// A 4xx other than 401/403/404, or any 5xx, must be one the test declared with `#! refusal`.
    func refusalProblems(_ record: JSONValue, at place: String) -> [String] {
        let unexpected = Self.refusalIDs(record).filter { !expectedRefusals.contains($0) }
        guard !unexpected.isEmpty else { return [] }
        let status = record["status"]?.intValue ?? 0
        let response = record["response"]
        let request = "\(record["method"]?.stringValue ?? "?") \(record["url"]?.stringValue ?? "?")"
        let detail = response.map { JSONPrinter.print($0) } ?? "no body"
        return ["\(place): the emulator refused \(request) with \(status) \(unexpected) (declare with '#! refusal ID'): \(detail)"]
    }

    /// The `errorId`s of a refusal (else its `resultId`); none for a success, 401, 403 or 404.
    static func refusalIDs(_ record: JSONValue) -> [String] {
        guard let status = record["status"]?.intValue, status >= 400, ![401, 403, 404].contains(status) else { return [] }
        let response = record["response"]
        let ids = (response?["validationErrors"]?.arrayValue ?? []).compactMap { $0["errorId"]?.stringValue }
        return ids.isEmpty ? [response?["resultId"]?.stringValue ?? "status-\(status)"] : ids
    }
}
