import Testing

@testable import PFShellEmulator

/// Redirect URIs: exact, character for character, or with PingFederate's `*` wildcard, taken to match
/// any run of characters (an assumption: PingFederate does not document it).
@Suite struct RedirectURIMatchTests {
    @Test(arguments: [
        ("https://app.example.com/cb", "https://app.example.com/cb", true),
        ("https://app.example.com/cb", "https://app.example.com/cb/", false),
        ("https://app.example.com/cb", "https://APP.example.com/cb", false),
        ("https://app.example.com/cb", "https://app.example.com:443/cb", false),
        ("https://app.example.com/cb", "https://app.example.com/cb?x=1", false),
        ("https://*.example.com/*", "https://app.example.com/oauth/cb", true),
        ("https://*.example.com/*", "https://a.b.example.com/", true),
        ("https://*.example.com/*", "https://example.com/cb", false),
        ("https://*.example.com/*", "https://app.example.org/cb", false),
        ("https://*.example.com/*", "https://evil.com/.example.com/x", true),
        ("https://app.example.com/*/cb", "https://app.example.com/t1/cb", true),
        ("https://app.example.com/*/cb", "https://app.example.com/t1/cb/more", false),
        ("https://app.example.com:*/cb", "https://app.example.com:8443/cb", true),
        ("*", "anything:at-all", true),
        ("https://app.example.com/cb*", "https://app.example.com/cb", true),
    ])
    func matching(_ registered: String, _ requested: String, _ expected: Bool) {
        #expect(RedirectURIMatch.matches(requested, registered: registered) == expected)
    }

    @Test func resolution() {
        #expect(RedirectURIMatch.resolve(nil, registered: ["https://a/cb"]) == "https://a/cb")
        #expect(RedirectURIMatch.resolve(nil, registered: ["https://*.a/cb"]) == nil)
        #expect(RedirectURIMatch.resolve(nil, registered: ["https://a/cb", "https://b/cb"]) == nil)
        #expect(RedirectURIMatch.resolve(nil, registered: []) == nil)
        #expect(RedirectURIMatch.resolve("https://x.a/cb", registered: ["https://*.a/cb"]) == "https://x.a/cb")
        #expect(RedirectURIMatch.resolve("https://x.b/cb", registered: ["https://*.a/cb"]) == nil)
    }

    @Test func aWildcardClientRunsTheWholeFlow() {
        let harness = RuntimeHarness()
        harness.create(
            RuntimeSample.client(
                "wild", grants: ["AUTHORIZATION_CODE"], redirects: ["https://*.twx.example.com/Thingworx/*"], secret: "w"))
        let omitted = harness.authorize([("client_id", "wild"), ("response_type", "code")])
        #expect(omitted.status == 400)
        #expect(omitted.header("Location") == nil)
        let elsewhere = harness.authorize([
            ("client_id", "wild"), ("response_type", "code"), ("redirect_uri", "https://evil.example.com/Thingworx/cb"),
        ])
        #expect(elsewhere.status == 400)
        let uri = "https://node1.twx.example.com/Thingworx/oauth2_authorization_code_redirect"
        let code = harness.code("wild", redirect: uri)
        let reply = harness.token(
            [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", uri)], basic: ("wild", "w"))
        #expect(reply.status == 200)
    }
}
