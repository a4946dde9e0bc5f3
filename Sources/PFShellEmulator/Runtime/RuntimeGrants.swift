/// What the runtime endpoints have issued: authorization codes, access tokens and refresh tokens,
/// each keyed by its opaque value, and the authorization requests waiting for the user to sign on. Kept in memory only (see ``EmulatorStore``): a restart forgets them.
/// Times are milliseconds since 1970, like the Admin API's.
struct RuntimeGrants: Sendable, Equatable {
    var codes: [String: AuthorizationCode] = [:]
    var accessTokens: [String: AccessToken] = [:]
    var refreshTokens: [String: RefreshToken] = [:]
    /// Authorization requests waiting at the login page, by the id in their resume path.
    var signOns: [String: PendingSignOn] = [:]
    /// The next grant number: every authorization code and every client-credentials token starts a
    /// grant, and the tokens that follow from it (refreshes) carry its number, so a reused code or a
    /// revoked refresh token can take all of them back at once.
    private(set) var nextGrant = 1

    mutating func newGrant() -> Int {
        defer { nextGrant += 1 }
        return nextGrant
    }

    /// Drops what can no longer be used. Redeemed codes stay until they expire, so a second use is
    /// recognised as reuse.
    mutating func removeExpired(now: Int64) {
        codes = codes.filter { $0.value.expires > now }
        accessTokens = accessTokens.filter { $0.value.expires > now }
        refreshTokens = refreshTokens.filter { $0.value.isUsable(now: now) }
        signOns = signOns.filter { $0.value.expires > now }
    }

    /// Takes back every token of one grant (RFC 6749 §4.1.2 for a reused code, RFC 7009 §2.1 for a
    /// revoked refresh token).
    mutating func revoke(grant: Int) {
        accessTokens = accessTokens.filter { $0.value.grant != grant }
        refreshTokens = refreshTokens.filter { $0.value.grant != grant }
    }

    /// Whether a freshly drawn value is already in use (as a code or a token).
    func contains(token: String) -> Bool {
        codes[token] != nil || accessTokens[token] != nil || refreshTokens[token] != nil
    }
}

/// An authorization request shown the login page: it goes on when the test user signs on from the
/// browser that holds `cookie`, or is dropped when it expires.
struct PendingSignOn: Sendable, Equatable {
    let request: AuthorizationRequest
    let clientName: String
    /// The value of the cookie set with the login page.
    let cookie: String
    let expires: Int64
}

/// A code handed out by the authorization endpoint, for one exchange at the token endpoint.
struct AuthorizationCode: Sendable, Equatable {
    let clientId: String
    /// Where the code was sent.
    let redirectURI: String
    /// Whether the authorization request named `redirect_uri` (then the token request must repeat it).
    let redirectURIWasGiven: Bool
    let scopes: [String]
    let user: String
    let challenge: CodeChallenge?
    let expires: Int64
    let grant: Int
    var redeemed = false
}

struct AccessToken: Sendable, Equatable {
    let clientId: String
    let scopes: [String]
    /// The signed-in user; nil for client credentials.
    let user: String?
    let issued: Int64
    let expires: Int64
    let grant: Int
}

struct RefreshToken: Sendable, Equatable {
    let clientId: String
    /// The scopes of the grant: a refresh may narrow them, never widen them.
    let scopes: [String]
    let user: String
    let issued: Int64
    /// When the persistent grant ends; nil when it never does.
    let grantExpires: Int64?
    let grant: Int
    /// Set when the token was rolled: it stays usable until then (the grace period).
    var retiredUntil: Int64?

    func isUsable(now: Int64) -> Bool {
        if let grantExpires, grantExpires <= now { return false }
        if let retiredUntil, retiredUntil <= now { return false }
        return true
    }
}

/// A PKCE `code_challenge` with its method (RFC 7636).
struct CodeChallenge: Sendable, Equatable {
    enum Method: String, Sendable {
        case plain
        case s256 = "S256"
    }

    let value: String
    let method: Method
}
