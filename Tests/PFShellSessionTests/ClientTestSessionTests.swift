import PFShellCore
import PFShellEmulator
import PFShellJSON
import Testing

/// `client test` against the emulator's runtime in-process (login page by default, `--auto-login`),
/// and against servers that answer otherwise (a fake in front of it): redirect URIs accepted,
/// refused or undecided, the form-encoded HTTP Basic and its client_secret_post retry, the test
/// user's code flow and refresh-token rolling. Nothing secret is ever printed.
@Suite struct ClientTestSessionTests {
    static let callback = "https://twx.example.com:8443/Thingworx/oauth2_authorization_code_redirect"
    static let unregistered = "unregistered redirect https://unregistered.pfsh.invalid/callback: refused (the server answered 400 text/html)"

    /// A session with the ThingWorx client `twx` committed (ROLL, four grant types, one redirect URI).
    private func shell(login: RuntimeLogin = RuntimeLogin(), rolling: String? = nil) -> SessionHarness {
        let shell = SessionHarness(login: login)
        shell.services.environment["JOE_PASSWORD"] = RuntimeLogin.defaultPassword
        shell.ok("client new twx --preset thingworx")
        shell.ok("thingworx redirect twx.example.com:8443")
        if let rolling { shell.ok("refresh-rolling \(rolling)") }
        shell.ok("commit")
        return shell
    }

    private let withTestUser = "client test twx --test-user joe --test-password-env JOE_PASSWORD"

    // MARK: - Redirect URIs

    @Test func behindTheLoginPageTheRedirectURIIsAcceptedAndAMadeUpOneRefused() {
        let output = shell().ok("client test twx")
        #expect(
            output == [
                "token: Bearer, expires in 7200 s, scopes: none",
                "introspection: active",
                "redirect \(Self.callback): accepted (a sign-on form first; an unregistered redirect URI gets none)",
                Self.unregistered,
                "client 'twx' works",
            ])
    }

    @Test func withAutoLoginTheServerRedirectsAtOnce() {
        let output = shell(login: RuntimeLogin(automatic: true)).ok("client test twx")
        #expect(output.contains("redirect \(Self.callback): accepted (redirected to it with a code)"))
        #expect(output.contains(Self.unregistered))
    }

    @Test func theAuthorizationRequestsAreGETsThatAskForHTML() {
        let shell = shell()
        shell.ok("client test twx")
        let authorizations = shell.services.runtimeRequests.filter { $0.url.contains("/as/authorization.oauth2?") }
        #expect(authorizations.count == 2)
        #expect(authorizations.allSatisfy { $0.method == .get && $0.accept == RuntimeRequest.html && $0.basic == nil })
    }

    @Test func aDisabledClientsRedirectURIIsRefused() {
        let shell = SessionHarness()
        shell.ok("client new web")
        shell.ok("grants set authorization-code")
        shell.ok("redirect add https://web.example.com/cb")
        shell.ok("set enabled false")
        shell.ok("commit")
        let result = shell.run("client test web")
        #expect(result.output == ["token: no client-credentials grant; the secret is not checked (--test-user checks it)", Self.unregistered])
        #expect(result.error?.message == "the server refused 1 registered redirect URI(s)")
        #expect(result.error?.notes == ["redirect https://web.example.com/cb: refused (the server answered 400 text/html)"])
    }

    @Test func aWildcardThatMatchesTheMadeUpURIIsCaught() {
        let automatic = SessionHarness(login: RuntimeLogin(automatic: true))
        automatic.ok("client new wild --preset thingworx")
        automatic.ok("redirect add https://*.pfsh.invalid/* https://app.example.com/cb")
        automatic.ok("commit")
        let result = automatic.run("client test wild")
        #expect(result.output.contains("redirect https://*.pfsh.invalid/*: not tried (a wildcard pattern, not a URI)"))
        #expect(result.error?.message == "the server redirected to an unregistered redirect URI")
        #expect(result.error?.notes == ["unregistered redirect https://unregistered.pfsh.invalid/callback: accepted (the server redirected to it)"])
        // Behind the login page both get the form: pfsh cannot tell, and says so.
        let form = SessionHarness()
        form.ok("client new wild --preset thingworx")
        form.ok("redirect add https://*.pfsh.invalid/* https://app.example.com/cb")
        form.ok("commit")
        let undecided = form.run("client test wild")
        #expect(undecided.error?.message == "pfsh could not tell how the server treats 2 redirect URI(s)")
        #expect(undecided.error?.notes.first?.hasPrefix("redirect https://app.example.com/cb: could not tell (the server answered 200 text/html") == true)
    }

    @Test func oddAnswersAreUndecidedAndShowWhatCame() {
        let shell = shell()
        shell.services.runtimeOverride = { request in
            guard request.url.contains("/as/authorization.oauth2") else { return nil }
            return request.url.contains("unregistered")
                ? RuntimeResponse(status: 503, location: nil, contentType: "text/plain", body: "busy")
                : RuntimeResponse(status: 302, location: "https://idp.example.com/login?code=do-not-print", body: "")
        }
        let result = shell.run("client test twx")
        #expect(result.error?.message == "pfsh could not tell how the server treats 2 redirect URI(s)")
        #expect(
            result.error?.notes == [
                "redirect \(Self.callback): could not tell (the server answered 302, Location https://idp.example.com/login?…)",
                "unregistered redirect https://unregistered.pfsh.invalid/callback: could not tell (the server answered 503 text/plain)",
            ])
    }

    // MARK: - Client authentication

    @Test func httpBasicCarriesTheFormEncodedIDAndSecret() {
        let shell = shell()
        shell.services.environment["ODD"] = "Tw+x/Secret:1 é"
        shell.ok("client edit twx")
        shell.ok("secret set --env ODD")
        shell.ok("commit")
        #expect(shell.ok("client test twx").last == "client 'twx' works")
        let token = shell.services.runtimeRequests.first { $0.url.hasSuffix("/as/token.oauth2") }
        #expect(token?.basic == RuntimeRequest.BasicCredentials(user: "twx", password: "Tw%2Bx%2FSecret%3A1%20%C3%A9"))
        #expect(token?.form.map(\.name) == ["grant_type"])
    }

    /// A server that compares HTTP Basic credentials as sent, without form-decoding them.
    private func undecodingServer(_ shell: SessionHarness, secret: String) {
        shell.services.runtimeOverride = { request in
            guard let basic = request.basic, basic.password != secret else { return nil }
            return RuntimeResponse(
                status: 401, location: nil, contentType: "application/json",
                body: #"{"error_description":"Invalid client or client credentials","error":"invalid_client"}"#)
        }
    }

    @Test func whenTheServerDoesNotDecodeBasicTheClientSecretGoesInTheForm() {
        let shell = shell()
        shell.services.environment["ODD"] = "Tw+x/Secret:1"
        shell.ok("client edit twx")
        shell.ok("secret set --env ODD")
        shell.ok("commit")
        undecodingServer(shell, secret: "Tw+x/Secret:1")
        let output = shell.ok(withTestUser)
        #expect(output.first == "client authentication: HTTP Basic with the form-encoded ID and secret got invalid_client; trying client_secret_post")
        #expect(output.filter { $0.hasPrefix("client authentication:") }.count == 1)
        #expect(output.contains("token: Bearer, expires in 7200 s, scopes: none"))
        #expect(output.last == "client 'twx' works")
        let tokenRequests = shell.services.runtimeRequests.filter { $0.url.hasSuffix("/as/token.oauth2") }
        #expect(tokenRequests.count == 4)  // Basic once, then the form for the token, the code and the refresh
        #expect(tokenRequests.dropFirst().allSatisfy { $0.basic == nil && $0.form.contains(.init(name: "client_secret", value: "Tw+x/Secret:1")) })
    }

    @Test func noRetryWhenEncodingChangesNothing() {
        let shell = shell()
        shell.services.environment["WRONG"] = "not-the-secret"
        let error = shell.fails("client test twx --secret-env WRONG")
        #expect(error?.message == "the token endpoint refused 'twx': invalid_client (Invalid client or client credentials)")
        #expect(shell.services.runtimeRequests.count == 1)
    }

    @Test func aRetryThatFailsTooSaysBothWereTried() {
        let shell = shell()
        shell.services.environment["WRONG"] = "not+the+secret"
        let result = shell.run("client test twx --secret-env WRONG")
        #expect(result.output.first?.hasPrefix("client authentication: HTTP Basic") == true)
        #expect(
            result.error?.message
                == "the token endpoint refused 'twx': invalid_client (Invalid client or client credentials) (with client_secret_post, after HTTP Basic with the form-encoded ID and secret got invalid_client)")
        #expect(shell.services.runtimeRequests.count == 2)
    }

    @Test func aServerErrorIsNotCalledARefusal() {
        let shell = shell()
        shell.services.runtimeOverride = { request in
            guard request.url.hasSuffix("/as/token.oauth2") else { return nil }
            return RuntimeResponse(status: 500, location: nil, contentType: "text/html;charset=utf-8", body: "<p>oops</p>")
        }
        #expect(shell.fails("client test twx")?.message == "the token endpoint answered 'twx' with 500 text/html")
        shell.services.runtimeOverride = { request in
            guard request.url.hasSuffix("/as/introspect.oauth2") else { return nil }
            return RuntimeResponse(status: 200, location: nil, contentType: "application/json", body: #"{"active":false}"#)
        }
        #expect(shell.fails("client test twx")?.message == "introspection: the server says the new token is not active")
    }

    // MARK: - The test user's code flow

    @Test func theTestUserSignsOnThroughTheLoginForm() {
        let shell = shell()
        let output = shell.ok(withTestUser)
        #expect(
            Array(output.suffix(5)) == [
                "sign-on: the server shows a login form (pf.username, pf.pass); posting the test user 'joe'",
                "sign-on: signed on as joe; redirected to \(Self.callback) with a code and the same state",
                "code exchange: Bearer, expires in 7200 s, a refresh token",
                "refresh: a new refresh token (rolled), as refreshRolling ROLL asks",
                "client 'twx' works",
            ])
        let post = shell.services.runtimeRequests.first { $0.url.contains("/resume/as/authorization.ping") }
        #expect(post?.method == .post)
        #expect(post?.form.map(\.name) == ["pf.username", "pf.pass", "pf.ok", "pf.cancel", "pf.adapterId"])
        #expect(post?.form.first { $0.name == "pf.ok" }?.value == "clicked")
        let redeem = shell.services.runtimeRequests.first { $0.form.contains(.init(name: "grant_type", value: "authorization_code")) }
        #expect(redeem?.form.contains { $0.name == "code_verifier" } == true)
        let authorize = shell.services.runtimeRequests.last { $0.url.contains("code_challenge_method=S256") }
        #expect(authorize != nil)
    }

    @Test func withAutoLoginThereIsNoForm() {
        let output = shell(login: RuntimeLogin(automatic: true)).ok(withTestUser)
        #expect(output.contains("sign-on: no login form; the server redirected to \(Self.callback) at once with a code and the same state"))
        #expect(!output.contains { $0.contains("posting the test user") })
    }

    @Test func aWrongTestPasswordFailsAtTheSignOn() {
        let shell = shell()
        shell.services.environment["JOE_PASSWORD"] = "not-his-password"
        let error = shell.fails(withTestUser)
        #expect(
            error?.message
                == "sign-on: the server showed the login form again after pfsh posted the name and password of 'joe': it did not accept them")
    }

    @Test(arguments: [("dont-roll", "refresh: the same refresh token (not rolled), as refreshRolling DONT_ROLL asks"),
                      ("server-default", "refresh: the same refresh token (not rolled): the server's default, since refreshRolling is SERVER_DEFAULT")])
    func rollingFollowsTheClient(_ mode: String, _ line: String) {
        let output = shell(rolling: mode).ok(withTestUser)
        #expect(output.contains(line))
    }

    @Test func aRollClientWhoseTokenDoesNotRollFails() {
        let shell = shell()
        var issued: String?
        shell.services.runtimeOverride = { request in
            guard let old = request.form.first(where: { $0.name == "refresh_token" })?.value else { return nil }
            issued = old
            return RuntimeResponse(
                status: 200, location: nil, contentType: "application/json",
                body: #"{"access_token":"a","refresh_token":"\#(old)","token_type":"Bearer","expires_in":60}"#)
        }
        let result = shell.run(withTestUser)
        #expect(issued != nil)
        #expect(result.error?.message == "refresh: the server kept the same refresh token, but the client's refreshRolling is ROLL")
    }

    @Test func aLoginFormPostingElsewhereGetsNoPassword() {
        let shell = shell()
        shell.services.runtimeOverride = { request in
            guard request.url.contains("code_challenge") else { return nil }
            return RuntimeResponse(
                status: 200, location: nil, contentType: "text/html",
                body: #"<form method="post" action="https://collector.example.com/login"><input name="u"><input type="password" name="p"></form>"#)
        }
        let error = shell.fails(withTestUser)
        #expect(
            error?.message
                == "sign-on: the login form would send the password to https://collector.example.com/login; pfsh posts it only to the runtime's own server")
        #expect(!shell.services.runtimeRequests.contains { $0.url.contains("collector") })
    }

    @Test func theTestUserNeedsAPasswordVariable() {
        let shell = shell()
        #expect(shell.fails("client test twx --test-user joe")?.category == .usage)
        #expect(shell.fails("client test twx --test-password-env JOE_PASSWORD")?.category == .usage)
        let missing = shell.fails("client test twx --test-user joe --test-password-env NOPE")
        #expect(missing?.command == "client test")
    }

    @Test func aClientWithoutTheCodeGrantCannotRunTheFlow() {
        let shell = SessionHarness(seed: true)
        shell.services.environment["JOE_PASSWORD"] = "x"
        shell.services.environment["S"] = "batch-secret"
        shell.ok("client edit demo-batch")
        shell.ok("secret set --env S")
        shell.ok("commit")
        let error = shell.fails("client test demo-batch --test-user joe --test-password-env JOE_PASSWORD")
        #expect(error?.message == "--test-user runs the authorization-code flow, but 'demo-batch' does not have that grant type")
    }

    @Test func nothingSecretIsPrinted() {
        let shell = shell()
        let secret = shell.api.state.clients["twx"]?.secret ?? "?"
        let output = shell.ok(withTestUser)
        let tokens = shell.services.runtimeResponses.flatMap { response in
            let body = try? JSONParser.parse(response.body)
            let code = response.location?.components(separatedBy: "code=").dropFirst().first?.prefix { $0 != "&" }
            return ["access_token", "refresh_token"].compactMap { body?[$0]?.stringValue } + (code.map { [String($0)] } ?? [])
        }
        #expect(tokens.count >= 5)
        for line in output {
            #expect(!line.contains(secret))
            #expect(!line.contains(RuntimeLogin.defaultPassword))
            #expect(!tokens.contains { line.contains($0) })
        }
    }
}
