import PFShellJSON

/// The commit log of a server as `log`, `log show` and `rollback` read it: one entry per commit
/// made through pfsh from this machine, with each client before and after (server copies, sealed
/// secrets only).
public enum CommitLog {
    /// One client of a commit: its action and its copies before and after (nil: absent).
    static func entry(_ client: StagedClient, before: JSONObject?, after: JSONObject?) -> JSONValue {
        var entry: JSONObject = [
            "clientId": .string(client.clientId), "action": .string(client.action.rawValue),
            "before": before.map { JournalCoding.sealedOnly(.object($0)) } ?? .null,
            "after": after.map { JournalCoding.sealedOnly(.object($0)) } ?? .null,
        ]
        if client.newSecret != nil { entry["secret"] = client.rotatesSecret ? "rotated" : "changed" }
        if client.restoredSecret != nil { entry["secret"] = "restored" }
        if client.expiresOldSecrets { entry["secondarySecrets"] = "removed" }
        return .object(entry)
    }

    /// `3  2026-11-30 02:10:00 UTC  administrator  rotate redirect`
    static func header(_ commit: JSONValue) -> String {
        let number = commit["number"]?.intValue ?? 0
        let time = UTCTime.text(secondsSince1970: commit["time"]?.intValue ?? 0)
        var line = "\(number)  \(time)  \(commit["user"]?.stringValue ?? "")"
        if let message = commit["message"]?.stringValue { line += "  \(message)" }
        if commit["complete"]?.boolValue == false { line += "  (partial)" }
        return line
    }

    /// `created web; changed api (description, grantTypes); deleted old`
    static func summary(_ commit: JSONValue) -> String {
        if let api = commit["api"] {
            let request = "\(api["method"]?.stringValue ?? "") \(api["path"]?.stringValue ?? "")"
            return "api \(request): \(api["status"]?.intValue ?? 0) (not undoable)"
        }
        return clients(commit).map { client in
            switch client.action {
            case .create: return "created \(client.clientId)"
            case .delete: return "deleted \(client.clientId)"
            case .update:
                return "changed \(client.clientId) (\(client.changedFields.joined(separator: ", ")))"
            }
        }.joined(separator: "; ")
    }

    /// The field diff of a commit, as `diff` shows staged changes.
    static func diff(_ commit: JSONValue) -> [String] {
        clients(commit).flatMap { ClientDiff.lines($0) }
    }

    /// Each client of a commit as a staged change from its copy before to its copy after.
    static func clients(_ commit: JSONValue) -> [StagedClient] {
        (commit["clients"]?.arrayValue ?? []).enumerated().compactMap { index, entry in
            guard let id = entry["clientId"]?.stringValue,
                let action = entry["action"]?.stringValue.flatMap(StagedClient.Action.init)
            else { return nil }
            // Times the server keeps for itself are no change anyone made.
            let before = entry["before"]?.objectValue.map(ClientJSON.withoutServerFields)
            let after = entry["after"]?.objectValue.map(ClientJSON.withoutServerFields)
            var client = StagedClient(
                clientId: id, action: action, base: before, current: after ?? before ?? [:], stagedAt: nil, order: index)
            if entry["secret"] != nil { client.newSecret = "" }
            client.rotatesSecret = entry["secret"]?.stringValue == "rotated"
            client.expiresOldSecrets = entry["secondarySecrets"] != nil
            return client
        }
    }

    /// What `rollback N` returns each client to: its copy before the first commit from N on that
    /// touched it (nil: it did not exist), and its copy after the last (what pfsh last wrote, nil:
    /// deleted), in the order the clients were first touched.
    /// `secretChanged`: one of those commits gave the client a new secret.
    static func rollbackTargets(_ log: [JSONValue], from number: Int64)
        -> [(id: String, before: JSONObject?, last: JSONObject?, secretChanged: Bool)]
    {
        var order: [String] = []
        var before: [String: JSONObject?] = [:]
        var last: [String: JSONObject?] = [:]
        var secretChanged: Set<String> = []
        for commit in log where (commit["number"]?.intValue ?? 0) >= number {
            for entry in commit["clients"]?.arrayValue ?? [] {
                guard let id = entry["clientId"]?.stringValue else { continue }
                if before[id] == nil {
                    order.append(id)
                    before[id] = .some(entry["before"]?.objectValue)
                }
                last[id] = .some(entry["after"]?.objectValue)
                if entry["secret"] != nil { secretChanged.insert(id) }
            }
        }
        return order.map { ($0, before[$0] ?? nil, last[$0] ?? nil, secretChanged.contains($0)) }
    }
}

/// A time as `2026-11-30 02:10:00 UTC`, from seconds since 1970 (no clock is read).
public enum UTCTime {
    public static func text(secondsSince1970 seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (year, month, day) = civil(days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60)) UTC"
    }

    /// Howard Hinnant's days-to-civil algorithm.
    private static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
