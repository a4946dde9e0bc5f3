/// The whole authorization-code flow with a test user (`--test-user`): the authorization request
/// with `state` and PKCE S256, the server's login form filled in with the test user's name and
/// password, the redirect with the code, the code redeemed, and the refresh token used once.
/// Cookies the server sets are kept from the first request to the last, as a browser keeps them.
extension ClientTestRun {
    struct TestUser {
        let name: String
        let password: String
    }

    /// Pages walked at most between the authorization request and the redirect back.
    static let maximumSteps = 8

    mutating func authorizationCodeFlow(_ user: TestUser, _ r: inout CommandResult) throws(ShellError) {
        guard grantTypes.contains("AUTHORIZATION_CODE") else {
            throw failure("--test-user runs the authorization-code flow, but '\(id)' does not have that grant type")
        }
        guard let redirectURI = redirectURIs.first(where: { !$0.contains("*") }) else {
            throw failure("--test-user needs a registered redirect URI without a wildcard; '\(id)' has none")
        }
        services.forgetRuntimeCookies()
        let state = services.randomSecret(length: 24)
        let verifier = services.randomSecret(length: 64)
        let query = [
            ("response_type", "code"), ("client_id", id), ("redirect_uri", redirectURI), ("state", state),
            ("code_challenge", PKCE.s256Challenge(verifier)), ("code_challenge_method", "S256"),
        ]
        let start = RuntimeRequest(.get, RuntimeRequest.url(endpoints.authorization, query: query), accept: RuntimeRequest.html)
        let code = try walk(from: start, as: user, to: redirectURI, state: state, &r)
        let tokens = try redeem(code, redirectURI: redirectURI, verifier: verifier, &r)
        if let refreshToken = tokens.refreshToken { try refresh(refreshToken, &r) }
    }

    /// Follows the server from the authorization request to the redirect URI: redirects within the
    /// server are followed, a login form is filled in once; returns the code.
    private func walk(
        from start: RuntimeRequest, as user: TestUser, to redirectURI: String, state: String, _ r: inout CommandResult
    ) throws(ShellError) -> String {
        var request = start
        var signedOn = false
        for _ in 0..<Self.maximumSteps {
            let response = try services.runtime(request)
            switch AuthorizeAnswer(response, redirectURI: redirectURI, pageURL: request.url) {
            case .redirect(let parameters):
                let code = try self.code(parameters, state: state)
                let what =
                    signedOn
                    ? "signed on as \(user.name); redirected to \(redirectURI)"
                    : "no login form; the server redirected to \(redirectURI) at once"
                r.print("sign-on: \(what) with a code and the same state")
                return code
            case .signOnStep(.serverRedirect):
                let next = PageURL.resolve(response.location ?? "", against: request.url)
                request = RuntimeRequest(.get, next, accept: RuntimeRequest.html)
            case .signOnStep(.form):
                request = try loginPost(response, pageURL: request.url, as: user, again: signedOn, &r)
                signedOn = true
            case .other:
                let asked = signedOn ? "the login form" : "the authorization request"
                throw failure("sign-on: the server answered \(asked) with \(response.summary)")
            }
        }
        throw failure("sign-on: the server had not redirected to \(redirectURI) after \(Self.maximumSteps) steps")
    }

    /// The login form filled in with the test user (``LoginForm``), refused when it would send the
    /// password in a URL or to another server than the runtime's.
    private func loginPost(
        _ page: RuntimeResponse, pageURL: String, as user: TestUser, again: Bool, _ r: inout CommandResult
    ) throws(ShellError) -> RuntimeRequest {
        guard let form = HTMLForm.first(in: page.body), let login = LoginForm(form) else {
            throw failure("sign-on: the server showed a form without a password field (a consent page?); pfsh fills in login forms only")
        }
        guard !again else {
            throw failure(
                "sign-on: the server showed the login form again after pfsh posted the name and password of '\(user.name)': "
                    + "it did not accept them")
        }
        guard let userField = login.userField else { throw failure("sign-on: the login form has no user name field") }
        guard form.method == "POST" else {
            throw failure("sign-on: the login form would send the password in a URL (method \(form.method)); pfsh does not")
        }
        let action = PageURL.resolve(form.action ?? pageURL, against: pageURL)
        guard PageURL.isOnServer(action, of: endpoints.authorization) else {
            throw failure(
                "sign-on: the login form would send the password to \(PageURL.withoutQuery(action)); "
                    + "pfsh posts it only to the runtime's own server")
        }
        r.print("sign-on: the server shows a login form (\(userField), \(login.passwordField)); posting the test user '\(user.name)'")
        return RuntimeRequest(
            .post, action, form: login.fields(user: user.name, password: user.password), accept: RuntimeRequest.html)
    }

    /// The code of the redirect back, checked: no error, the state pfsh sent.
    private func code(_ parameters: [String: String], state: String) throws(ShellError) -> String {
        if let error = parameters["error"] {
            let description = parameters["error_description"].map { " (\($0))" } ?? ""
            throw failure("sign-on: the server redirected to the redirect URI with error \(error)\(description)")
        }
        guard parameters["state"] == state else {
            throw failure(
                "sign-on: the redirect back carried \(parameters["state"] == nil ? "no state" : "another state than the one pfsh sent")")
        }
        guard let code = parameters["code"], !code.isEmpty else {
            throw failure("sign-on: the redirect back carried no code")
        }
        return code
    }
}
