import PFShellJSON
import Testing

@testable import PFShellEmulator

/// `/as/authorization.oauth2` and the `authorization_code` grant: the fixed test user, trusted and
/// untrusted errors, one exchange per code, `redirect_uri` repeated, PKCE.
@Suite struct AuthorizationCodeTests {
    let harness = RuntimeHarness()
    let twx = ("twx", "twx-secret")

    init() {
        harness.create(RuntimeSample.thingworx)
        harness.createResourceServer()
    }

    private func exchange(_ code: String, redirect: String? = RuntimeSample.callback, extra: [(String, String)] = [])
        -> RuntimeReply
    {
        var form = [("grant_type", "authorization_code"), ("code", code)]
        if let redirect { form.append(("redirect_uri", redirect)) }
        return harness.token(form + extra, basic: twx)
    }

    @Test func theTestUserSignsOnAndTheCodeIsRedirectedWithState() {
        let page = harness.authorize([
            ("client_id", "twx"), ("response_type", "code"), ("redirect_uri", RuntimeSample.callback),
            ("scope", "openid THINGWORX"), ("state", "a b&c"),
        ])
        #expect(page.status == 200)
        let reply = harness.signedOn(page)
        #expect(reply.status == 302)
        #expect(reply.redirectBase == RuntimeSample.callback)
        #expect(reply.redirectParameters["state"] == "a b&c")
        #expect(reply.redirectParameters["code"]?.count == 30)
        #expect(reply.header("Location")?.contains("state=a%20b%26c") == true)
        let tokens = exchange(reply.redirectParameters["code"] ?? "")
        #expect(tokens.status == 200)
        #expect(tokens.json?.objectValue?.keys == ["access_token", "refresh_token", "token_type", "expires_in"])
        #expect(tokens["refresh_token"]?.stringValue?.count == 42)
        let introspected = harness.introspect(tokens["access_token"]?.stringValue ?? "")
        #expect(introspected["active"] == true)
        #expect(introspected["sub"] == .string(RuntimeLogin.defaultUser))
        #expect(introspected["scope"] == "openid THINGWORX")
        #expect(introspected["client_id"] == "twx")
    }

    @Test func aPOSTedFormWorksLikeAGET() {
        let reply = harness.signedOn(harness.post(
            RuntimeAPI.authorizationPath, [("client_id", "twx"), ("response_type", "code"), ("state", "s")]))
        #expect(reply.status == 302)
        #expect(reply.redirectParameters["code"] != nil)
    }

    @Test func aCodeIsExchangedOnceAndReuseRevokesItsTokens() {
        let code = harness.code("twx", redirect: RuntimeSample.callback)
        let first = exchange(code)
        #expect(first.status == 200)
        let again = exchange(code)
        #expect(again.status == 400)
        #expect(again.error == "invalid_grant")
        #expect(again.errorDescription == "Authorization code is invalid or expired.")
        #expect(harness.introspect(first["access_token"]?.stringValue ?? "")["active"] == false)
        let refresh = harness.token(
            [("grant_type", "refresh_token"), ("refresh_token", first["refresh_token"]?.stringValue ?? "")], basic: twx)
        #expect(refresh.error == "invalid_grant")
    }

    @Test func aCodeExpiresAfterSixtySeconds() {
        let code = harness.code("twx")
        harness.advance(seconds: 60)
        let reply = exchange(code, redirect: nil)
        #expect(reply.error == "invalid_grant")
        #expect(reply.errorDescription == "Authorization code is invalid or expired.")
    }

    @Test func anotherClientCannotUseTheCode() {
        harness.create(
            RuntimeSample.client("other", grants: ["AUTHORIZATION_CODE"], redirects: [RuntimeSample.callback], secret: "o"))
        let code = harness.code("twx")
        let reply = harness.token([("grant_type", "authorization_code"), ("code", code)], basic: ("other", "o"))
        #expect(reply.error == "invalid_grant")
        #expect(exchange(code, redirect: nil).status == 200)
    }

    @Test(arguments: ["", "not a code!", "abc$"])
    func aMalformedCodeIsSaidToBe(_ code: String) {
        let reply = exchange(code)
        #expect(reply.status == 400)
        #expect(reply.error == "invalid_grant")
        #expect(reply.errorDescription == "Authorization code is malformed.")
    }

    @Test func theRedirectURIMustBeRepeatedWhenItWasSent() {
        let code = harness.code("twx", redirect: RuntimeSample.callback)
        let missing = exchange(code, redirect: nil)
        #expect(missing.error == "invalid_grant")
        #expect(missing.errorDescription == "redirect_uri is required if it was included in the authorization request.")
        let other = exchange(code, redirect: RuntimeSample.callback + "/x")
        #expect(other.error == "invalid_grant")
        #expect(exchange(code).status == 200)
    }

    @Test func theOnlyRegisteredRedirectURIIsUsedWhenNoneIsSent() {
        let reply = harness.signedOn(harness.authorize([("client_id", "twx"), ("response_type", "code")]))
        #expect(reply.status == 302)
        #expect(reply.redirectBase == RuntimeSample.callback)
        #expect(reply.redirectParameters["state"] == nil)
        #expect(exchange(reply.redirectParameters["code"] ?? "", redirect: nil).status == 200)
    }

    @Test func aRedirectURIWithAQueryKeepsIt() {
        harness.create(
            RuntimeSample.client("q", grants: ["AUTHORIZATION_CODE"], redirects: ["https://app.example.com/cb?tenant=7"], secret: "q"))
        let reply = harness.signedOn(harness.authorize([("client_id", "q"), ("response_type", "code")]))
        #expect(reply.header("Location")?.hasPrefix("https://app.example.com/cb?tenant=7&code=") == true)
    }

    @Test func noRefreshTokenForAClientWithoutTheGrantType() {
        harness.create(
            RuntimeSample.client("web", grants: ["AUTHORIZATION_CODE"], redirects: ["https://web.example.com/cb"], secret: "w"))
        let code = harness.code("web")
        let reply = harness.token([("grant_type", "authorization_code"), ("code", code)], basic: ("web", "w"))
        #expect(reply.status == 200)
        #expect(reply["refresh_token"] == nil)
    }

    // MARK: - Errors before the client is trusted: a page, never a redirect

    @Test(arguments: [
        [("response_type", "code")],
        [("client_id", "nobody"), ("response_type", "code")],
        [("client_id", "twx"), ("response_type", "code"), ("redirect_uri", "https://evil.example.com/cb")],
        [("client_id", "twx"), ("response_type", "code"), ("redirect_uri", RuntimeSample.callback.uppercased())],
        [("client_id", "twx"), ("client_id", "twx"), ("response_type", "code")],
    ])
    func untrustedRequestsGetAnErrorPage(_ parameters: [(String, String)]) {
        let reply = harness.authorize(parameters)
        #expect(reply.status == 400)
        #expect(reply.header("Location") == nil)
        #expect(reply.header("Content-Type")?.hasPrefix("text/html") == true)
    }

    @Test func aDisabledClientGetsTheErrorPage() {
        harness.create(
            RuntimeSample.client(
                "off", grants: ["AUTHORIZATION_CODE"], redirects: ["https://off.example.com/cb"], secret: "o",
                extra: [("enabled", false)]))
        let reply = harness.authorize([("client_id", "off"), ("response_type", "code")])
        #expect(reply.status == 400)
        #expect(reply.text.contains("Unknown or invalid client_id"))
    }

    @Test func twoRegisteredURIsNeedTheRequestToNameOne() {
        harness.create(
            RuntimeSample.client(
                "two", grants: ["AUTHORIZATION_CODE"], redirects: ["https://a.example.com/cb", "https://b.example.com/cb"],
                secret: "t"))
        #expect(harness.authorize([("client_id", "two"), ("response_type", "code")]).status == 400)
        let named = harness.signedOn(harness.authorize([
            ("client_id", "two"), ("response_type", "code"), ("redirect_uri", "https://b.example.com/cb"),
        ]))
        #expect(named.redirectBase == "https://b.example.com/cb")
    }

    // MARK: - Errors after the client is trusted: back to the redirect URI

    @Test func aClientWithoutAuthorizationCodeIsRedirectedWithUnauthorizedClient() {
        harness.create(
            RuntimeSample.client("m2m", grants: ["CLIENT_CREDENTIALS"], redirects: ["https://m2m.example.com/cb"], secret: "m"))
        let reply = harness.authorize([("client_id", "m2m"), ("response_type", "code"), ("state", "xyz")])
        #expect(reply.status == 302)
        #expect(reply.redirectBase == "https://m2m.example.com/cb")
        #expect(reply.redirectParameters["error"] == "unauthorized_client")
        #expect(reply.redirectParameters["state"] == "xyz")
        #expect(reply.redirectParameters["code"] == nil)
    }

    @Test(arguments: [
        ([("state", "s")], "invalid_request"),
        ([("response_type", "token"), ("state", "s")], "unsupported_response_type"),
        ([("response_type", "code"), ("response_mode", "form_post"), ("state", "s")], "invalid_request"),
        ([("response_type", "code"), ("code_challenge", RuntimeSample.challenge), ("code_challenge_method", "S512"), ("state", "s")], "invalid_request"),
        ([("response_type", "code"), ("code_challenge", "short"), ("state", "s")], "invalid_request"),
        ([("response_type", "code"), ("scope", "a"), ("scope", "b"), ("state", "s")], "invalid_request"),
    ])
    func badRequestsOfATrustedClientAreRedirected(_ parameters: [(String, String)], _ error: String) {
        let reply = harness.authorize([("client_id", "twx")] + parameters)
        #expect(reply.status == 302)
        #expect(reply.redirectBase == RuntimeSample.callback)
        #expect(reply.redirectParameters["error"] == error)
        #expect(reply.redirectParameters["state"] == "s")
    }

    @Test func restrictedResponseTypesWithoutCodeAreUnauthorizedClient() {
        harness.create(
            RuntimeSample.client(
                "implicit-only", grants: ["AUTHORIZATION_CODE", "IMPLICIT"], redirects: ["https://i.example.com/cb"],
                secret: "i", extra: [("restrictedResponseTypes", ["token"])]))
        let reply = harness.authorize([("client_id", "implicit-only"), ("response_type", "code")])
        #expect(reply.redirectParameters["error"] == "unauthorized_client")
    }

    // MARK: - PKCE

    @Test func s256ChallengeIsCheckedAtTheTokenEndpoint() {
        let challenge = [("code_challenge", RuntimeSample.challenge), ("code_challenge_method", "S256")]
        let code = harness.code("twx", extra: challenge)
        let missing = exchange(code, redirect: nil)
        #expect(missing.error == "invalid_grant")
        #expect(
            missing.errorDescription
                == "The code_verifier sent does not match code_challenge included in the authorization request using the S256 code_challenge_method."
        )
        let wrong = exchange(code, redirect: nil, extra: [("code_verifier", String(RuntimeSample.verifier.reversed()))])
        #expect(wrong.error == "invalid_grant")
        let right = exchange(code, redirect: nil, extra: [("code_verifier", RuntimeSample.verifier)])
        #expect(right.status == 200)
    }

    @Test func plainIsTheDefaultMethod() {
        let code = harness.code("twx", extra: [("code_challenge", RuntimeSample.verifier)])
        #expect(exchange(code, redirect: nil, extra: [("code_verifier", RuntimeSample.challenge)]).error == "invalid_grant")
        let fresh = harness.code("twx", extra: [("code_challenge", RuntimeSample.verifier)])
        #expect(exchange(fresh, redirect: nil, extra: [("code_verifier", RuntimeSample.verifier)]).status == 200)
    }

    @Test func plainIsRefusedWhenTheServerDisallowsIt() {
        var settings = RuntimeSettings()
        settings.disallowPlainPKCE = true
        let harness = RuntimeHarness(settings: settings)
        harness.create(RuntimeSample.thingworx)
        let reply = harness.authorize([
            ("client_id", "twx"), ("response_type", "code"), ("code_challenge", RuntimeSample.verifier),
        ])
        #expect(reply.redirectParameters["error"] == "invalid_request")
    }

    @Test func aPublicClientThatRequiresPKCE() {
        harness.create(
            RuntimeSample.client(
                "mobile", grants: ["AUTHORIZATION_CODE", "REFRESH_TOKEN"], redirects: ["com.example.app:/cb"],
                extra: [("requireProofKeyForCodeExchange", true)]))
        let without = harness.authorize([("client_id", "mobile"), ("response_type", "code"), ("state", "s")])
        #expect(without.redirectBase == "com.example.app:/cb")
        #expect(without.redirectParameters["error"] == "invalid_request")
        let code = harness.code(
            "mobile", extra: [("code_challenge", RuntimeSample.challenge), ("code_challenge_method", "S256")])
        let reply = harness.token([
            ("grant_type", "authorization_code"), ("code", code), ("client_id", "mobile"),
            ("code_verifier", RuntimeSample.verifier),
        ])
        #expect(reply.status == 200)
        #expect(reply["refresh_token"] != nil)
        // A public client has no secret to send.
        let withSecret = harness.token([
            ("grant_type", "refresh_token"), ("refresh_token", reply["refresh_token"]?.stringValue ?? ""),
            ("client_id", "mobile"), ("client_secret", "guess"),
        ])
        #expect(withSecret.status == 401)
    }
}
