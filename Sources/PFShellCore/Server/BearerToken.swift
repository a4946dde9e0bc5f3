import PFShellJSON

/// A token from an OAuth token endpoint and when it stops being good: it is fetched again a
/// little before it expires, so no request goes out with a token about to die.
public struct BearerToken: Sendable, Equatable {
    public let value: String
    /// Seconds since 1970.
    public let expiresAt: Int64

    /// Fetched this long before `expires_in` runs out.
    public static let margin: Int64 = 30

    /// From a token endpoint's JSON answer at `now`; nil without an `access_token`. Without
    /// `expires_in`, it is used until the server refuses it.
    public init?(answer: JSONValue?, now: Int64) {
        guard let value = answer?["access_token"]?.stringValue, !value.isEmpty else { return nil }
        self.value = value
        expiresAt = answer?["expires_in"]?.intValue.map { now + $0 } ?? Int64.max
    }

    public func needsRefresh(now: Int64) -> Bool {
        expiresAt != Int64.max && now >= expiresAt - Self.margin
    }
}
