import PFShellJSON

/// The authorization server settings the runtime endpoints follow. By default they are read from the
/// emulator's `/oauth/authServerSettings` fixture, so what the Admin API shows is what the runtime does.
public struct RuntimeSettings: Sendable, Equatable {
    /// Seconds an authorization code stays valid (`authorizationCodeTimeout`, 60).
    public var authorizationCodeTimeout: Int64
    /// Characters in an authorization code (`authorizationCodeEntropy`, 30).
    public var authorizationCodeEntropy: Int
    /// Characters in a refresh token (`refreshTokenLength`, 42).
    public var refreshTokenLength: Int
    /// Whether a client with `refreshRolling: SERVER_DEFAULT` rolls its refresh tokens
    /// (`rollRefreshTokenValues`; false in the fixture, as in Ping's baseline profile).
    public var rollRefreshTokenValues: Bool
    /// Seconds a rolled refresh token stays usable (`refreshTokenRollingGracePeriod`, 60).
    public var refreshTokenRollingGracePeriod: Int64
    /// Minimum age before a refresh token is rolled (`refreshRollingInterval` in
    /// `refreshRollingIntervalTimeUnit`), in seconds; 0 rolls on every use.
    public var refreshRollingInterval: Int64
    /// Refuse `code_challenge_method=plain` (`disallowPlainPKCE`, false).
    public var disallowPlainPKCE: Bool
    /// Seconds a persistent grant (hence its refresh tokens) lives; nil for indefinitely
    /// (`persistentGrantLifetime` -1).
    public var persistentGrantLifetime: Int64?
    /// Characters in an access token. PingFederate's reference tokens default to 28 (not in the fixture).
    public var accessTokenLength: Int
    /// Access token lifetime in minutes when no access token manager says otherwise: 120 minutes,
    /// PingFederate's default for reference tokens (pf-runtime-oauth.md §2.3).
    public var defaultAccessTokenLifetimeMinutes: Int64

    /// The settings of the `/oauth/authServerSettings` fixture.
    public init() {
        self.init(authServerSettings: Fixtures.authServerSettings)
    }

    /// Reads the settings from an `AuthorizationServerSettings` document; absent values take
    /// PingFederate's defaults.
    public init(authServerSettings json: JSONValue) {
        authorizationCodeTimeout = json["authorizationCodeTimeout"]?.intValue ?? 60
        authorizationCodeEntropy = Int(json["authorizationCodeEntropy"]?.intValue ?? 30)
        refreshTokenLength = Int(json["refreshTokenLength"]?.intValue ?? 42)
        rollRefreshTokenValues = json["rollRefreshTokenValues"]?.boolValue ?? true
        refreshTokenRollingGracePeriod = json["refreshTokenRollingGracePeriod"]?.intValue ?? 60
        refreshRollingInterval =
            (json["refreshRollingInterval"]?.intValue ?? 0)
            * Self.seconds(in: json["refreshRollingIntervalTimeUnit"]?.stringValue ?? "HOURS")
        disallowPlainPKCE = json["disallowPlainPKCE"]?.boolValue ?? false
        let lifetime = json["persistentGrantLifetime"]?.intValue ?? -1
        persistentGrantLifetime =
            lifetime < 0 ? nil : lifetime * Self.seconds(in: json["persistentGrantLifetimeUnit"]?.stringValue ?? "DAYS")
        accessTokenLength = 28
        defaultAccessTokenLifetimeMinutes = 120
    }

    /// Seconds in one `SECONDS`, `MINUTES`, `HOURS` or `DAYS`.
    static func seconds(in unit: String) -> Int64 {
        switch unit {
        case "SECONDS": 1
        case "MINUTES": 60
        case "HOURS": 3600
        default: 86_400
        }
    }
}
