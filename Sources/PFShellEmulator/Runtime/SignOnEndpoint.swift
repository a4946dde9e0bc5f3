/// The sign-on step of the authorization endpoint: the login page, and its form posted back to
/// `/as/<id>/resume/as/authorization.ping`, where `<id>` names the pending authorization request
/// kept in memory (pf-real-server.md §3).
///
/// - `pf.ok=clicked` with the test user's name and password: the request goes on, a 302 to the
///   redirect URI with the code and `state`.
/// - `pf.ok=clicked` with anything else: the login page again (200) with an error message.
/// - `pf.cancel=clicked`: a 302 to the redirect URI with `error=access_denied`.
/// - Neither: the login page again, as a reload would show it.
/// - An unknown or expired id, or a browser without the request's cookie: the 400 error page.
///
/// Emulator choices (PingFederate's own rules are not recorded): an unfinished sign-on lasts 5
/// minutes; the login page sets a cookie of the emulator's own (`pfsh-emulator-signon`, path limited
/// to the resume path) that the post must bring back, as a real server ties the request to the
/// browser's session.
struct SignOnEndpoint {
    let exchange: RuntimeExchange

    static let cookieName = "pfsh-emulator-signon"
    /// Seconds an unfinished sign-on waits.
    static let timeout: Int64 = 300
    /// Letters and digits in a resume id.
    static let idLength = 16

    static func resumePath(_ id: String) -> String { "/as/\(id)/resume/as/authorization.ping" }

    /// The id in a resume path, or nil for any other path.
    static func resumeID(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].isEmpty, parts[1] == "as", parts[3] == "resume", parts[4] == "as",
            parts[5] == "authorization.ping", !parts[2].isEmpty
        else { return nil }
        return String(parts[2])
    }

    /// Keeps `request` under a new id and answers with the login page, setting its cookie.
    func begin(_ request: AuthorizationRequest, clientName: String, _ grants: inout RuntimeGrants) -> EmulatorResponse {
        let id = exchange.api.newValue(length: Self.idLength, unlike: grants)
        let cookie = exchange.api.newValue(length: Self.idLength, unlike: grants)
        grants.signOns[id] = PendingSignOn(
            request: request, clientName: clientName, cookie: cookie, expires: exchange.now + Self.timeout * 1000)
        var attributes = "Path=/as/\(id)/; HttpOnly; SameSite=Lax"
        if exchange.api.configuration.scheme == "https" { attributes += "; Secure" }
        return LoginPage.response(
            action: Self.resumePath(id), clientName: clientName,
            headers: [("Set-Cookie", "\(Self.cookieName)=\(cookie); \(attributes)")])
    }

    /// Answers the login form posted (or a reload) at the resume path of `id`.
    func resume(_ id: String, _ grants: inout RuntimeGrants) -> EmulatorResponse {
        guard let pending = grants.signOns[id] else {
            return OAuthResponse.errorPage("The sign-on request is unknown or has expired; start again from the application.")
        }
        guard cookies.contains(pending.cookie) else {
            return OAuthResponse.errorPage("The sign-on request belongs to another browser: its cookie was not sent.")
        }
        let parameters: OAuthParameters
        do {
            parameters = try OAuthParameters.of(exchange.request, from: .bodyAndQuery)
        } catch {
            return OAuthResponse.errorPage("The login form must be posted as a form, not \(error.type).")
        }
        let action = Self.resumePath(id)
        if parameters["pf.cancel"] == "clicked" {
            grants.signOns[id] = nil
            return pending.request.deny(.init(400, "access_denied", "The user cancelled the sign-on."))
        }
        guard parameters["pf.ok"] == "clicked" else {
            return LoginPage.response(action: action, clientName: pending.clientName)
        }
        let login = exchange.api.login
        guard login.accepts(user: parameters["pf.username"], password: parameters["pf.pass"]) else {
            return LoginPage.response(
                action: action, clientName: pending.clientName, username: parameters["pf.username"] ?? "",
                error: "The username or password is not correct. Please try again.")
        }
        grants.signOns[id] = nil
        return pending.request.approve(for: login.user, exchange, &grants)
    }

    /// The values of this endpoint's cookie in the request's `Cookie` headers.
    private var cookies: [String] {
        exchange.request.headers.filter { $0.name.lowercased() == "cookie" }
            .flatMap { $0.value.split(separator: ";") }
            .compactMap { pair in
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0.drop { $0 == " " }) }
                return parts.count == 2 && parts[0] == Self.cookieName ? parts[1] : nil
            }
    }
}
