import PFShellJSON

/// A client as the emulator keeps it: the writable fields as last accepted (secrets removed),
/// the plaintext secret, and the times the server sets. Times are milliseconds since 1970.
public struct StoredClient: Sendable, Equatable {
    /// The client's fields, normalised: defaults filled in, read-only fields and secrets removed.
    public var fields: JSONObject
    /// The plaintext secret; never returned by the API.
    public var secret: String?
    public var creationDate: Int64
    public var modificationDate: Int64
    public var clientSecretChangedTime: Int64?

    public init(
        fields: JSONObject, secret: String?, creationDate: Int64, modificationDate: Int64,
        clientSecretChangedTime: Int64?
    ) {
        self.fields = fields
        self.secret = secret
        self.creationDate = creationDate
        self.modificationDate = modificationDate
        self.clientSecretChangedTime = clientSecretChangedTime
    }

    public var clientId: String { fields["clientId"]?.stringValue ?? "" }
    public var name: String { fields["name"]?.stringValue ?? "" }
}
