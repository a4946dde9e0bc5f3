import PFShellJSON

/// Whether an answer is what PingFederate's Admin API sends, and, when it is not, what it was: a
/// web page, a proxy's error, a login redirect. The API answers every request with a JSON object,
/// except `204 No Content`, so anything else is named rather than read as an empty result.
public enum AnswerCheck {
    /// What is wrong with `response` as an answer to `request`, phrased to follow "the server
    /// answered …"; nil when it is the API's kind of answer.
    public static func problem(_ response: APIResponse, to request: APIRequest) -> String? {
        if (300..<400).contains(response.status) {
            return "a redirect (\(response.status)) to \(response.location ?? "no location")"
        }
        if let unreadable = response.unreadable {
            return describe(unreadable, status: response.status)
        }
        guard response.isSuccess else { return nil }
        guard let body = response.body else {
            let bodiless = response.status == 204 || request.method == .delete
            return bodiless ? nil : "an empty body (status \(response.status))"
        }
        return body.objectValue == nil ? "a JSON \(body.typeName), not an object (status \(response.status))" : nil
    }

    /// `text/html, not JSON (1234 bytes, status 200)`, or `invalid JSON (…: line 1, column 2: …)` when it claimed to be JSON.
    static func describe(_ body: UnreadableBody, status: Int) -> String {
        let type = body.contentType.map { $0.split(separator: ";").first.map(String.init) ?? $0 }
        let size = "\(body.byteCount) bytes, status \(status)"
        if let type, type.lowercased().contains("json") {
            return "invalid JSON (\(type), \(size): \(body.parseError))"
        }
        return "\(type ?? "a body without a content type"), not JSON (\(size))"
    }

    /// What is wrong with the answer to `GET /version`, which proves the server is PingFederate's
    /// Admin API: a JSON object with a `version` string.
    public static func versionProblem(_ response: APIResponse, to request: APIRequest) -> String? {
        if let problem = problem(response, to: request) { return problem }
        guard response.isSuccess else {
            let message = ServerMessage.summary(response).map { ": \($0)" } ?? ""
            return "status \(response.status)\(message)"
        }
        guard response.body?["version"]?.stringValue != nil else { return "JSON without a 'version' string" }
        return nil
    }
}
