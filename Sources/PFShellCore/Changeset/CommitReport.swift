import PFShellJSON

/// What happened to each client of a commit: applied, failed (with the server's reason), stopped by
/// a conflict, or not attempted.
struct CommitReport {
    let clients: [StagedClient]
    private(set) var applied: [StagedClient] = []
    private(set) var failure: (id: String, reason: String, notes: [String])?
    private(set) var conflictDetails: (id: String, changes: [String])?
    var transportFailed = false

    init(clients: [StagedClient]) {
        self.clients = clients
    }

    var conflicted: Bool { conflictDetails != nil }
    var isComplete: Bool { applied.count == clients.count }

    mutating func succeed(_ client: StagedClient) {
        applied.append(client)
    }

    mutating func fail(_ id: String, _ reason: String, notes: [String] = []) {
        failure = (id, reason, notes)
    }

    mutating func conflict(_ id: String, _ changes: [String]) {
        conflictDetails = (id, changes)
    }

    var appliedLines: [String] {
        applied.map(Self.appliedLine)
    }

    /// `created web`, as a client's write succeeds.
    static func appliedLine(_ client: StagedClient) -> String {
        switch client.action {
        case .create: "created \(client.clientId)"
        case .update: "updated \(client.clientId)"
        case .delete: "deleted \(client.clientId)"
        }
    }

    static func appliedJSON(_ client: StagedClient) -> JSONValue {
        ["clientId": .string(client.clientId), "action": .string(client.action.rawValue), "result": "applied"]
    }

    /// `--json`: one line per client, `{"clientId", "action", "result"}` with `result` one of
    /// `applied`, `failed` (with `reason`), `conflict`, `not attempted`; then
    /// `{"committed": N, "complete": BOOL, "message"?}`.
    func jsonLines(message: String?, appliedAlreadyShown: Bool = false) -> [JSONValue] {
        let appliedIDs = Set(applied.map(\.clientId))
        let shown = appliedAlreadyShown ? clients.filter { !appliedIDs.contains($0.clientId) } : clients
        var lines: [JSONValue] = shown.map { client in
            var line: JSONObject = ["clientId": .string(client.clientId), "action": .string(client.action.rawValue)]
            if appliedIDs.contains(client.clientId) {
                line["result"] = "applied"
            } else if client.clientId == failure?.id {
                line["result"] = "failed"
                line["reason"] = failure.map { .string($0.reason) }
            } else if client.clientId == conflictDetails?.id {
                line["result"] = "conflict"
            } else {
                line["result"] = "not attempted"
            }
            return .object(line)
        }
        var summary: JSONObject = ["committed": .int(Int64(applied.count)), "complete": .bool(isComplete)]
        if let message { summary["message"] = .string(message) }
        lines.append(.object(summary))
        return lines
    }

    var headline: String {
        if let conflict = conflictDetails {
            return "client '\(conflict.id)' changed on the server since it was fetched; stopped before writing it"
        }
        if let failure { return "the server refused client '\(failure.id)': \(failure.reason)" }
        return "commit stopped"
    }

    /// Every client's outcome, then what to do next.
    var notes: [String] {
        var lines: [String] = []
        if let conflict = conflictDetails { lines += conflict.changes }
        if let failure { lines += failure.notes }
        let appliedIDs = Set(applied.map(\.clientId))
        for client in clients {
            let outcome: String
            if appliedIDs.contains(client.clientId) {
                outcome = "applied"
            } else if client.clientId == failure?.id {
                outcome = "failed, still staged"
            } else if client.clientId == conflictDetails?.id {
                outcome = "conflict, still staged"
            } else {
                outcome = "not attempted, still staged"
            }
            lines.append("\(client.clientId): \(outcome)")
        }
        if let conflict = conflictDetails {
            lines.append(
                "to keep both: 'client rebase \(conflict.id)', 'diff', then 'commit'; to write your fields over "
                    + "the server's: 'commit --force'; to start again: 'discard \(conflict.id)'")
        }
        return lines
    }
}
