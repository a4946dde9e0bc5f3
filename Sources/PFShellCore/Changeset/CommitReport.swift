import PFShellJSON

/// What happened to each client of a commit: applied, failed (with the server's reason), stopped by
/// a conflict, or not attempted.
struct CommitReport {
    /// How a client's write failed: the server refused it, it never left, it was not applied (and
    /// pfsh gave up retrying), or nobody can tell yet whether it was applied.
    enum Failure: Equatable {
        case refused, notSent, notApplied, unknown
    }

    let clients: [StagedClient]
    private(set) var applied: [StagedClient] = []
    /// What was said of an applied client beside "applied" (found applied after a lost answer).
    private(set) var appliedNotes: [String: String] = [:]
    private(set) var failure: (id: String, reason: String, kind: Failure, notes: [String])?
    /// Clients that changed on the server since they were fetched: one stops a commit, but a
    /// revert goes on past them.
    private(set) var conflicts: [(id: String, changes: [String])] = []
    /// Ctrl-C stopped the commit after a client whose write was settled.
    private(set) var cancelled = false

    init(clients: [StagedClient]) {
        self.clients = clients
    }

    var conflicted: Bool { !conflicts.isEmpty }
    var conflictIDs: Set<String> { Set(conflicts.map(\.id)) }
    var isComplete: Bool { applied.count == clients.count }

    /// No answer reached pfsh for the failed client (or Ctrl-C stopped it): a connection problem,
    /// not the server's refusal.
    var transportFailed: Bool { failure.map { $0.kind != .refused } ?? cancelled }

    mutating func succeed(_ client: StagedClient, note: String? = nil) {
        applied.append(client)
        if let note { appliedNotes[client.clientId] = [appliedNotes[client.clientId], note].compactMap { $0 }.joined(separator: "; ") }
    }

    /// Something to say of a client beside its outcome.
    mutating func note(_ id: String, _ text: String) {
        appliedNotes[id] = text
    }

    mutating func fail(_ id: String, _ reason: String, _ kind: Failure, notes: [String] = []) {
        failure = (id, reason, kind, notes)
    }

    mutating func cancel() {
        cancelled = true
    }

    mutating func conflict(_ id: String, _ changes: [String]) {
        conflicts.append((id, changes))
    }

    var appliedLines: [String] {
        applied.map { client in Self.appliedLine(client) + (appliedNotes[client.clientId].map { " (\($0))" } ?? "") }
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
            } else if let failure, client.clientId == failure.id {
                line["result"] = failure.kind == .unknown ? "unknown" : "failed"
                line["reason"] = .string(failure.reason)
            } else if conflictIDs.contains(client.clientId) {
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
        if conflicts.count == 1, let conflict = conflicts.first {
            return "client '\(conflict.id)' changed on the server since it was fetched; stopped before writing it"
        }
        if conflicts.count > 1 {
            let ids = conflicts.map { "'\($0.id)'" }.joined(separator: ", ")
            return "clients \(ids) changed on the server since they were fetched; they were not written"
        }
        if cancelled { return "cancelled; \(applied.count) of \(clients.count) client(s) applied" }
        guard let failure else { return "commit stopped" }
        switch failure.kind {
        case .refused: return "the server refused client '\(failure.id)': \(failure.reason)"
        case .notSent: return "client '\(failure.id)' was not sent: \(failure.reason)"
        case .notApplied: return "client '\(failure.id)' was not applied: \(failure.reason)"
        case .unknown:
            return "no answer for client '\(failure.id)' and no way yet to tell whether it was applied: \(failure.reason)"
        }
    }

    /// Every client's outcome, then what to do next.
    var notes: [String] {
        var lines: [String] = []
        for conflict in conflicts { lines += conflicts.count > 1 ? conflict.changes.map { "\(conflict.id): \($0)" } : conflict.changes }
        if let failure { lines += failure.notes }
        let appliedIDs = Set(applied.map(\.clientId))
        for client in clients {
            let outcome: String
            if appliedIDs.contains(client.clientId) {
                outcome = "applied"
            } else if let failure, client.clientId == failure.id {
                outcome =
                    failure.kind == .unknown
                    ? "outcome unknown, still staged (the next commit reads it back before sending anything)"
                    : "failed, still staged"
            } else if conflictIDs.contains(client.clientId) {
                outcome = "conflict, still staged"
            } else {
                outcome = "not attempted, still staged"
            }
            lines.append("\(client.clientId): \(outcome)")
        }
        for conflict in conflicts {
            lines.append(
                "to keep both: 'client rebase \(conflict.id)', 'diff', then 'commit'; to write your fields over "
                    + "the server's: 'commit --force'; to start again: 'discard \(conflict.id)'")
        }
        return lines
    }
}
