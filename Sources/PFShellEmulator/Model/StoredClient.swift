import PFShellJSON

/// A client as the emulator keeps it: the writable fields as last accepted (secrets removed),
/// the plaintext secrets, and the times the server sets. Times are milliseconds since 1970.
public struct StoredClient: Sendable, Equatable {
    /// A retained secret of `clientAuth.secondarySecrets`: its plaintext and its expiry time as given.
    public struct SecondarySecret: Sendable, Equatable {
        /// The plaintext; never returned by the API (it returns a sealed `encryptedSecret`).
        public var secret: String
        /// An RFC 3339 date-time, kept as the request wrote it; the model does not require one.
        public var expiryTime: String?

        public init(secret: String, expiryTime: String?) {
            self.secret = secret
            self.expiryTime = expiryTime
        }

        /// Whether the secret is no longer accepted at `now` (milliseconds since 1970). One whose
        /// `expiryTime` is missing or unreadable never expires: nothing says when it should.
        public func hasExpired(at now: Int64) -> Bool {
            guard let expiry = expiryTime.flatMap(Timestamp.milliseconds(from:)) else { return false }
            return expiry <= now
        }
    }

    /// The client's fields, normalised: defaults filled in, read-only fields and secrets removed.
    public var fields: JSONObject
    /// The plaintext secret; never returned by the API. Kept whatever `clientAuth.type` says: real
    /// servers export clients of type NONE that still carry an `encryptedSecret`.
    public var secret: String?
    /// Older secrets still accepted until they expire, in the order they were given.
    public var secondarySecrets: [SecondarySecret]
    public var creationDate: Int64
    public var modificationDate: Int64
    public var clientSecretChangedTime: Int64?

    public init(
        fields: JSONObject, secret: String?, secondarySecrets: [SecondarySecret] = [], creationDate: Int64,
        modificationDate: Int64, clientSecretChangedTime: Int64?
    ) {
        self.fields = fields
        self.secret = secret
        self.secondarySecrets = secondarySecrets
        self.creationDate = creationDate
        self.modificationDate = modificationDate
        self.clientSecretChangedTime = clientSecretChangedTime
    }

    /// The secondary secrets still accepted at `now`, the only ones the API shows.
    public func liveSecondarySecrets(at now: Int64) -> [SecondarySecret] {
        secondarySecrets.filter { !$0.hasExpired(at: now) }
    }

    /// Every secret a client may authenticate with at `now`: the primary one and the live secondaries.
    public func acceptedSecrets(at now: Int64) -> [String] {
        (secret.map { [$0] } ?? []) + liveSecondarySecrets(at: now).map(\.secret)
    }

    public var clientId: String { fields["clientId"]?.stringValue ?? "" }
    public var name: String { fields["name"]?.stringValue ?? "" }
}
