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
            let moved = secretMoved(from: base, to: now)
            let changed = Set(ClientComparison.differences(base, client.current).map(\.path))
            let differFromStaged = Set(ClientComparison.differences(client.current, now).map(\.path))
            let secretApplied = client.newSecret == nil || moved == true
            if changed.isDisjoint(with: differFromStaged), secretApplied, oldSecretsEnded(client, base: base, now: now),
                !changed.isEmpty || moved == true || client.expiresOldSecrets
            {
                return .applied(now)
            }
            // A write that sent no secret is not applied while the fields are as they were, whatever
            // the secret did; one that sent a secret also needs the secret unmoved.
            let sentSecret = client.newSecret != nil || client.restoredSecret != nil
            if ClientComparison.differences(base, now).isEmpty, moved == false || (moved == nil && !sentSecret) {
                return .notApplied
            }
            return .changedElsewhere
        }
    }

    /// Whether the secret changed between two copies; nil when the copies cannot tell.
    /// `clientSecretChangedTime` says so when the server returns it; the sealed `encryptedSecret`
    /// that servers seal afresh on every read proves a change only when it appears or disappears.
    static func secretMoved(from base: JSONObject, to now: JSONObject) -> Bool? {
        if let before = base["clientSecretChangedTime"], let after = now["clientSecretChangedTime"] { return before != after }
        let before = ClientJSON.value(at: "clientAuth.encryptedSecret", in: base)
        let after = ClientJSON.value(at: "clientAuth.encryptedSecret", in: now)
        if before == after { return false }
        return before == nil || after == nil ? true : nil
    }

    /// `secret expire-old` landed when none of the secondary secrets the client had is left.
    private static func oldSecretsEnded(_ client: StagedClient, base: JSONObject, now: JSONObject) -> Bool {
        guard client.expiresOldSecrets else { return true }
        let before = Set(ClientJSON.secondaryExpiryTimes(of: base).compactMap { $0 })
        return before.isDisjoint(with: ClientJSON.secondaryExpiryTimes(of: now).compactMap { $0 })
    }
}
