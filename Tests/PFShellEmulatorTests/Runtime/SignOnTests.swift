import PFShellJSON
import Testing

@testable import PFShellEmulator

/// The login page before the code (pf-real-server.md §3): its shape, the test user's sign-on, wrong
/// credentials, cancel, the pending request's id, cookie and lifetime; `--auto-login`; untrusted
/// redirect URIs refused in both modes.
@Suite struct SignOnTests {
    let harness = RuntimeHarness()
    let request = [
        ("client_id", "twx"), ("response_type", "code"), ("redirect_uri", RuntimeSample.callback), ("state", "st-1"),
    ]

    init() {
        harness.create(RuntimeSample.thingworx)
        harness.createResourceServer()
    }

    private func ok(_ user: String, _ password: String) -> [(String, String)] {
        [("pf.username", user), ("pf.pass", password), ("pf.ok", "clicked"), ("pf.adapterId", LoginPage.adapterID)]
    }

    @Test func theAuthorizationEndpointShowsTheLoginPage() throws {
        let page = harness.authorize(request)
        #expect(page.status == 200)
        #expect(page.header("Content-Type") == "text/html;charset=utf-8")
        #expect(page.header("Location") == nil)
        #expect(page.text.contains("<title>Sign On</title>"))
        #expect(page.text.components(separatedBy: "<form ").count == 2)
        #expect(page.text.contains("<form method=\"POST\" action=\""))
        let action = try #require(page.formAction)
        let id = try #require(SignOnEndpoint.resumeID(action))
        #expect(action == "/as/\(id)/resume/as/authorization.ping")
        #expect(id.count == SignOnEndpoint.idLength)
        let inputs = page.inputs.map { [$0["name"] ?? "", $0["type"] ?? "", $0["value"] ?? ""] }
        #expect(
            inputs == [
                ["pf.username", "text", ""], ["pf.pass", "password", ""], ["pf.ok", "hidden", ""],
                ["pf.cancel", "hidden", ""], ["pf.adapterId", "hidden", LoginPage.adapterID],
            ])
        #expect(page.header("Set-Cookie")?.hasPrefix("\(SignOnEndpoint.cookieName)=") == true)
        #expect(page.header("Set-Cookie")?.contains("Path=/as/\(id)/") == true)
        #expect(page.header("Set-Cookie")?.contains("Secure") == true)
        #expect(harness.store.withGrants { _, grants in grants.codes.isEmpty && grants.signOns.count == 1 })
    }

    @Test func eachRequestGetsItsOwnResumePath() {
        let first = harness.authorize(request)
        let second = harness.authorize(request)
        #expect(first.formAction != nil && first.formAction != second.formAction)
        #expect(first.cookie != second.cookie)
    }

    @Test func theTestUserSignsOnAndGetsTheCode() {
        let page = harness.authorize(request)
        let reply = harness.signOn(page, ok("joe", "2Federate"))
        #expect(reply.status == 302)
        #expect(reply.redirectBase == RuntimeSample.callback)
        #expect(reply.redirectParameters["state"] == "st-1")
        let code = reply.redirectParameters["code"] ?? ""
        #expect(code.count == 30)
        let tokens = harness.token(
            [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", RuntimeSample.callback)],
            basic: ("twx", "twx-secret"))
        #expect(tokens.status == 200)
        #expect(harness.introspect(tokens["access_token"]?.stringValue ?? "")["sub"] == "joe")
        // The request is used up: posting again finds nothing.
        #expect(harness.signOn(page, ok("joe", "2Federate")).status == 400)
    }

    @Test(arguments: [("joe", "wrong"), ("Joe", "2Federate"), ("", ""), ("joe", "2federate")])
    func wrongCredentialsShowThePageAgainWithAMessage(_ user: String, _ password: String) {
        let page = harness.authorize(request)
        let again = harness.signOn(page, ok(user, password))
        #expect(again.status == 200)
        #expect(again.header("Location") == nil)
        #expect(again.text.contains("The username or password is not correct."))
        #expect(again.formAction == page.formAction)
        #expect(again.inputs.first?["value"] == user)
        #expect(harness.store.withGrants { _, grants in grants.codes.isEmpty })
        // The request still waits: the right password then works.
        #expect(harness.signOn(page, ok("joe", "2Federate")).redirectParameters["code"] != nil)
    }

    @Test func cancelRedirectsWithAccessDenied() {
        let page = harness.authorize(request)
        let reply = harness.signOn(page, [("pf.username", "joe"), ("pf.cancel", "clicked")])
        #expect(reply.status == 302)
        #expect(reply.redirectBase == RuntimeSample.callback)
        #expect(reply.redirectParameters["error"] == "access_denied")
        #expect(reply.redirectParameters["state"] == "st-1")
        #expect(reply.redirectParameters["code"] == nil)
        #expect(harness.signOn(page, ok("joe", "2Federate")).status == 400)
    }

    @Test func aPostWithoutAButtonShowsThePageAgain() {
        let page = harness.authorize(request)
        let again = harness.signOn(page, [("pf.username", "joe"), ("pf.pass", "2Federate")])
        #expect(again.status == 200)
        #expect(!again.text.contains("not correct"))
        let reload = harness.send(
            EmulatorRequest(
                method: "GET", path: page.formAction ?? "", headers: [("Host", "127.0.0.1:9031"), ("Cookie", page.cookie ?? "")]))
        #expect(reload.status == 200)
        #expect(reload.formAction == page.formAction)
    }

    @Test func theSignOnNeedsTheCookieOfItsPage() {
        let page = harness.authorize(request)
        let other = harness.authorize(request)
        let without = harness.signOn(page, ok("joe", "2Federate"), withCookie: false)
        #expect(without.status == 400)
        #expect(without.header("Location") == nil)
        let withAnother = harness.post(page.formAction ?? "", ok("joe", "2Federate"), headers: [("Cookie", other.cookie ?? "")])
        #expect(withAnother.status == 400)
        #expect(harness.signOn(page, ok("joe", "2Federate")).status == 302)
    }

    @Test func anUnknownOrExpiredSignOnGetsTheErrorPage() {
        let unknown = harness.post(SignOnEndpoint.resumePath("nope"), ok("joe", "2Federate"))
        #expect(unknown.status == 400)
        #expect(unknown.text.contains("unknown or has expired"))
        let page = harness.authorize(request)
        harness.advance(seconds: SignOnEndpoint.timeout)
        let late = harness.signOn(page, ok("joe", "2Federate"))
        #expect(late.status == 400)
        #expect(late.header("Location") == nil)
    }

    @Test func otherMethodsAndPathsNearTheResumePathAreRefused() {
        let page = harness.authorize(request)
        let put = harness.send(EmulatorRequest(method: "PUT", path: page.formAction ?? ""))
        #expect(put.status == 405)
        #expect(harness.send(EmulatorRequest(method: "GET", path: "/as/x/resume/as/other.ping")).status == 404)
        #expect(SignOnEndpoint.resumeID("/as//resume/as/authorization.ping") == nil)
    }

    @Test func aConfiguredTestUserReplacesJoe() {
        let custom = RuntimeHarness(login: RuntimeLogin(user: "ann", password: "Secret-9"))
        custom.create(RuntimeSample.thingworx)
        let page = custom.authorize(request)
        #expect(custom.signOn(page, ok("joe", "2Federate")).status == 200)
        let reply = custom.signOn(page, ok("ann", "Secret-9"))
        #expect(reply.redirectParameters["code"] != nil)
    }

    @Test func autoLoginRedirectsWithTheCodeAtOnce() {
        let automatic = RuntimeHarness(login: RuntimeLogin(automatic: true))
        automatic.create(RuntimeSample.thingworx)
        let reply = automatic.authorize(request)
        #expect(reply.status == 302)
        #expect(reply.redirectBase == RuntimeSample.callback)
        #expect(reply.redirectParameters["state"] == "st-1")
        #expect(reply.redirectParameters["code"]?.count == 30)
        #expect(automatic.store.withGrants { _, grants in grants.signOns.isEmpty })
    }

    @Test(arguments: [false, true])
    func anUnregisteredOrMalformedRedirectURIGetsTheErrorPageInBothModes(_ automatic: Bool) {
        let server = RuntimeHarness(login: RuntimeLogin(automatic: automatic))
        server.create(RuntimeSample.thingworx)
        for uri in ["https://unregistered.pfsh.invalid/callback", "not a uri", RuntimeSample.callback + "#x"] {
            let reply = server.authorize([("client_id", "twx"), ("response_type", "code"), ("redirect_uri", uri), ("state", "s")])
            #expect(reply.status == 400, "\(uri)")
            #expect(reply.header("Location") == nil, "\(uri)")
            #expect(reply.formAction == nil, "\(uri)")
            #expect(reply.header("Content-Type")?.hasPrefix("text/html") == true)
        }
        #expect(server.store.withGrants { _, grants in grants.signOns.isEmpty && grants.codes.isEmpty })
    }

    @Test func overPlainHTTPTheCookieIsNotSecure() {
        let plain = RuntimeHarness(configuration: EmulatorConfiguration(scheme: "http"))
        plain.create(RuntimeSample.thingworx)
        let page = plain.authorize(request)
        #expect(page.header("Set-Cookie")?.contains("Secure") == false)
        #expect(plain.signedOn(page).redirectParameters["code"] != nil)
    }
}
