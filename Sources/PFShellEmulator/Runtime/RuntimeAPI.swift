import PFShellJSON

/// PingFederate's runtime OAuth endpoints (the engine's port 9031), answered from the clients the
/// Admin API stores. Pure like ``AdminAPI``: no sockets, the clock and randomness injected.
///
/// | Path | What |
/// | --- | --- |
/// | `POST /as/token.oauth2` | `client_credentials`, `authorization_code` (PKCE), `refresh_token` (rolling) |
/// | `GET/POST /as/authorization.oauth2` | `response_type=code`; the login page, or signs in at once with `--auto-login` |
/// | `GET/POST /as/<id>/resume/as/authorization.ping` | the login form posted back (``SignOnEndpoint``) |
/// | `POST /as/introspect.oauth2` | RFC 7662, for clients with `ACCESS_TOKEN_VALIDATION` |
/// | `POST /as/revoke_token.oauth2` | RFC 7009 |
/// | `GET/POST /idp/userinfo.openid` | `{"sub": …}` for a user's access token |
/// | `GET /.well-known/openid-configuration`, `/.well-known/oauth-authorization-server` | discovery |
///
/// Recorded behaviour it follows (pf-real-server.md §3): the user signs on at a login page shaped like
/// the HTML form adapter's before a code is issued; an unregistered or malformed redirect URI gets an
/// error page and never a redirect; a scope the server does not define is `invalid_scope`.
///
/// Emulator shortcuts (PingFederate does more; see pf-runtime-oauth.md):
/// - One test user, ``RuntimeLogin`` (`joe` / `2Federate` unless configured), and no consent page.
///   `--auto-login` skips the login page altogether.
/// - Codes and tokens are opaque random strings kept in memory only: never written to the `--data`
///   file, so a restart forgets them. No `id_token` is issued and there is no JWKS.
/// - Clients authenticate with a secret, or a secondary secret before its `expiryTime` (HTTP Basic
///   or `client_id`/`client_secret` parameters) or, with `clientAuth.type` `NONE`, by `client_id`
///   alone; certificate and JWT client authentication are refused as `invalid_client`.
/// - Scope groups and dynamic scopes are not emulated: only scopes named exactly are granted.
///
/// Guesses, where no source settles PingFederate's behaviour (each may differ on a real server):
/// - The error page for an untrusted request is a 400 with the emulator's own wording.
/// - The login page's wording, its adapter id, its 5-minute limit and its cookie
///   (`pfsh-emulator-signon`) are the emulator's; wrong credentials show the page again with a
///   message; `pf.cancel` redirects with `error=access_denied`.
/// - HTTP Basic credentials are form-decoded, and a secret is also tried as sent (undecoded).
/// - A `*` in a registered redirect URI matches any run of characters, `/` included.
/// - An undefined scope's `error_description` is the one recorded for a scope outside the client's set.
/// - `unauthorized_client` is a 400; `WWW-Authenticate: Basic realm="PingFederate"` comes with every
///   401; token responses do not echo `scope`; a refresh that does not roll returns the same
///   `refresh_token`; an introspection caller without `ACCESS_TOKEN_VALIDATION` gets 400
///   `unauthorized_client`; an inactive token is 200 `{"active": false}`; a reused code also revokes
///   the tokens it gave (RFC 6749 §4.1.2).
public final class RuntimeAPI: Sendable {
    public typealias Clock = AdminAPI.Clock
    public typealias RandomBytes = AdminAPI.RandomBytes

    public static let tokenPath = "/as/token.oauth2"
    public static let authorizationPath = "/as/authorization.oauth2"
    public static let introspectionPath = "/as/introspect.oauth2"
    public static let revocationPath = "/as/revoke_token.oauth2"
    public static let userInfoPath = "/idp/userinfo.openid"
    public static let openIDConfigurationPath = "/.well-known/openid-configuration"
    public static let authorizationServerMetadataPath = "/.well-known/oauth-authorization-server"

    let configuration: EmulatorConfiguration
    let store: EmulatorStore
    let clock: Clock
    let random: RandomBytes
    let settings: RuntimeSettings
    let login: RuntimeLogin

    /// - Parameters:
    ///   - configuration: only its `scheme` is used, for the issuer in the discovery documents.
    ///   - store: the store the Admin API uses, so its clients are the ones served here.
    ///   - clock: milliseconds since 1970.
    ///   - random: cryptographically random bytes, for codes and tokens.
    ///   - login: the test user, and whether the authorization endpoint signs it in without a login page.
    public init(
        configuration: EmulatorConfiguration = EmulatorConfiguration(), store: EmulatorStore,
        clock: @escaping Clock, random: @escaping RandomBytes, settings: RuntimeSettings = RuntimeSettings(),
        login: RuntimeLogin = RuntimeLogin()
    ) {
        self.configuration = configuration
        self.store = store
        self.clock = clock
        self.random = random
        self.settings = settings
        self.login = login
    }

    /// Answers one request, under the store's lock.
    public func handle(_ request: EmulatorRequest) -> EmulatorResponse {
        store.withGrants { state, grants in
            let now = clock()
            grants.removeExpired(now: now)
            let exchange = RuntimeExchange(api: self, request: request, state: state, now: now)
            return route(exchange, grants: &grants)
        }
    }

    private func route(_ exchange: RuntimeExchange, grants: inout RuntimeGrants) -> EmulatorResponse {
        let method = exchange.request.method
        switch exchange.request.path {
        case Self.tokenPath:
            guard method == "POST" else { return OAuthResponse.methodNotAllowed("POST") }
            return TokenEndpoint(exchange: exchange).respond(&grants)
        case Self.authorizationPath:
            guard method == "GET" || method == "POST" else { return OAuthResponse.methodNotAllowed("GET, POST") }
            return AuthorizationEndpoint(exchange: exchange).respond(&grants)
        case Self.introspectionPath:
            guard method == "POST" else { return OAuthResponse.methodNotAllowed("POST") }
            return TokenInspection(exchange: exchange).introspect(grants)
        case Self.revocationPath:
            guard method == "POST" else { return OAuthResponse.methodNotAllowed("POST") }
            return TokenInspection(exchange: exchange).revoke(&grants)
        case Self.userInfoPath:
            guard method == "GET" || method == "POST" else { return OAuthResponse.methodNotAllowed("GET, POST") }
            return TokenInspection(exchange: exchange).userInfo(grants)
        case Self.openIDConfigurationPath, Self.authorizationServerMetadataPath:
            guard method == "GET" || method == "HEAD" else { return OAuthResponse.methodNotAllowed("GET") }
            return discovery(exchange)
        default:
            guard let id = SignOnEndpoint.resumeID(exchange.request.path) else {
                return OAuthResponse.notFound(exchange.request.path)
            }
            guard method == "GET" || method == "POST" else { return OAuthResponse.methodNotAllowed("GET, POST") }
            return SignOnEndpoint(exchange: exchange).resume(id, &grants)
        }
    }

    /// The discovery document (OpenID Connect Discovery, RFC 8414), listing what the emulator
    /// actually does; the issuer is the base URL the request came to.
    private func discovery(_ exchange: RuntimeExchange) -> EmulatorResponse {
        let base = exchange.baseURL
        var document = JSONObject()
        document["issuer"] = .string(base)
        document["authorization_endpoint"] = .string(base + Self.authorizationPath)
        document["token_endpoint"] = .string(base + Self.tokenPath)
        document["revocation_endpoint"] = .string(base + Self.revocationPath)
        document["introspection_endpoint"] = .string(base + Self.introspectionPath)
        document["userinfo_endpoint"] = .string(base + Self.userInfoPath)
        document["response_types_supported"] = ["code"]
        document["response_modes_supported"] = ["query"]
        document["grant_types_supported"] = ["authorization_code", "refresh_token", "client_credentials"]
        document["subject_types_supported"] = ["public"]
        document["token_endpoint_auth_methods_supported"] = ["client_secret_basic", "client_secret_post", "none"]
        document["introspection_endpoint_auth_methods_supported"] = ["client_secret_basic", "client_secret_post", "none"]
        document["revocation_endpoint_auth_methods_supported"] = ["client_secret_basic", "client_secret_post", "none"]
        document["code_challenge_methods_supported"] = settings.disallowPlainPKCE ? ["S256"] : ["plain", "S256"]
        document["claims_supported"] = ["sub"]
        return OAuthResponse.json(document)
    }

    /// A fresh opaque value of `length` letters and digits that no code or token has yet. (With real
    /// randomness a repeat never happens; a poor test source gets a numbered suffix after 8 tries.)
    func newValue(length: Int, unlike grants: RuntimeGrants) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var attempt = 0
        while true {
            var value = String(random(length).map { alphabet[Int($0) % alphabet.count] })
            if attempt >= 8 { value += String(attempt) }
            if !grants.contains(token: value) { return value }
            attempt += 1
        }
    }
}

/// What every endpoint gets: the request, the state to read (clients, token managers) and the time.
struct RuntimeExchange {
    let api: RuntimeAPI
    let request: EmulatorRequest
    let state: EmulatorState
    let now: Int64

    var settings: RuntimeSettings { api.settings }

    /// `https://host:port`, from the Host header (PingFederate uses its configured base URL).
    var baseURL: String {
        "\(api.configuration.scheme)://\(request.header("Host") ?? "localhost:9031")"
    }

    /// An enabled client by its id.
    func client(_ id: String) -> RuntimeClient? {
        guard let stored = state.clients[id] else { return nil }
        let client = RuntimeClient(stored: stored)
        return client.isEnabled ? client : nil
    }
}
