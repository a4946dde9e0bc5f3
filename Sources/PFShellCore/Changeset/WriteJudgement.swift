import PFShellJSON

/// What a client's copy on the server says about a write whose answer never came: applied, not
/// applied (so it may be sent again), or changed by someone else meanwhile.
public enum WriteJudgement: Equatable, Sendable {
    case applied(JSONObject?)
    case notApplied
    case changedElsewhere

    /// Judges the write of `client` against the server's copy now (nil: the client is absent).
    /// An edit counts as applied when every field it changed holds the staged value (and a new
    /// secret shows as a new `encryptedSecret`), and as not applied when the copy is still the one
    /// the edit was made on.
    public static func judge(_ client: StagedClient, serverNow now: JSONObject?) -> WriteJudgement {
        switch client.action {
        case .create:
            return now.map { .applied($0) } ?? .notApplied
        case .delete:
            return now == nil ? .applied(nil) : .notApplied
        case .update:
            guard let now else { return .changedElsewhere }
            let base = client.base ?? [:]
            let secretMoved = secretMoved(from: base, to: now)
            let changed = Set(ClientComparison.differences(base, client.current).map(\.path))
            let differFromStaged = Set(ClientComparison.differences(client.current, now).map(\.path))
            let secretApplied = client.newSecret == nil || secretMoved
            if changed.isDisjoint(with: differFromStaged), secretApplied, !changed.isEmpty || secretMoved {
                return .applied(now)
            }
            if ClientComparison.differences(base, now).isEmpty, !secretMoved { return .notApplied }
            return .changedElsewhere
        }
    }

    /// Whether the secret changed between two copies. `clientSecretChangedTime` says so when the
    /// server returns it; the sealed `encryptedSecret` is no proof, since servers seal it afresh on
    /// every read.
    static func secretMoved(from base: JSONObject, to now: JSONObject) -> Bool {
        if let before = base["clientSecretChangedTime"], let after = now["clientSecretChangedTime"] { return before != after }
        return ClientJSON.value(at: "clientAuth.encryptedSecret", in: now) != ClientJSON.value(at: "clientAuth.encryptedSecret", in: base)
    }
}
