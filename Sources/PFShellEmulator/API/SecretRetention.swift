import PFShellJSON

/// What becomes of a client's secret when a request replaces it with another (PingFederate 12.1's
/// `clientSecretRetentionPeriod`): it stays usable as a secondary secret for the retention period,
/// expiring that many minutes after the change; with a period of 0 it is gone at once.
struct SecretRetention {
    /// Minutes a replaced secret is kept; 0 keeps none.
    let minutes: Int64

    /// The client's own period when its `clientSecretRetentionPeriodType` is
    /// `OVERRIDE_SERVER_DEFAULT`, else the server's (`authServerSettings.clientSecretRetentionPeriod`).
    init(client fields: JSONObject, serverDefault: Int) {
        let own = fields["clientSecretRetentionPeriod"]?.intValue
        if fields["clientSecretRetentionPeriodType"]?.stringValue == "OVERRIDE_SERVER_DEFAULT", let own {
            minutes = max(0, own)
        } else {
            minutes = Int64(max(0, serverDefault))
        }
    }

    /// The secondary secrets a client keeps when a request leaves it `kept` and changes its secret
    /// from `old` to `new`: those of `kept` not expired at `now`, then the old secret, expiring after
    /// the retention period, when it was replaced by a different one and is not among them already.
    /// A secondary secret that becomes the primary one again is a secondary no more.
    func secondarySecrets(
        keeping kept: [StoredClient.SecondarySecret], replacing old: String?, with new: String?, now: Int64
    ) -> [StoredClient.SecondarySecret] {
        let live = kept.filter { !$0.hasExpired(at: now) && $0.secret != new }
        guard minutes > 0, let old, let new, old != new, !live.contains(where: { $0.secret == old }) else {
            return live
        }
        let expiry = Timestamp.format(milliseconds: now + minutes * 60_000)
        return live + [StoredClient.SecondarySecret(secret: old, expiryTime: expiry)]
    }
}
