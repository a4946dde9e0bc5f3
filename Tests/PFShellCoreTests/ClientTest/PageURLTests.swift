@testable import PFShellCore
import Testing

/// Resolving form actions and `Location` headers against the page, the server a URL is on, redirects
/// to a URI, and query values kept out of what is printed.
@Suite struct PageURLTests {
    static let page = "https://pf.example.com:9031/as/authorization.oauth2?client_id=x"

    @Test(arguments: [
        ("/as/Ab/resume/as/authorization.ping", "https://pf.example.com:9031/as/Ab/resume/as/authorization.ping"),
        ("resume.ping", "https://pf.example.com:9031/as/resume.ping"),
        ("?step=2", "https://pf.example.com:9031/as/authorization.oauth2?step=2"),
        ("//other.example.com/x", "https://other.example.com/x"),
        ("https://idp.example.com/login", "https://idp.example.com/login"),
        ("", "https://pf.example.com:9031/as/authorization.oauth2"),
    ])
    func references(_ reference: String, _ resolved: String) {
        #expect(PageURL.resolve(reference, against: Self.page) == resolved)
    }

    @Test func theServerOfAURL() {
        #expect(PageURL.isOnServer("/idp/startSSO.ping", of: Self.page))
        #expect(PageURL.isOnServer("HTTPS://PF.example.com:9031/x", of: Self.page))
        #expect(!PageURL.isOnServer("https://pf.example.com:9999/x", of: Self.page))
        #expect(!PageURL.isOnServer("https://app.example.com/cb", of: Self.page))
        #expect(!PageURL.isOnServer("com.example.app:/cb", of: Self.page))
    }

    @Test(arguments: [
        ("https://app/cb?code=1", "https://app/cb", true), ("https://app/cb", "https://app/cb", true),
        ("https://app/cb#code=1", "https://app/cb", true), ("https://app/cb2?code=1", "https://app/cb", false),
        ("https://app/cb/x?code=1", "https://app/cb", false), ("https://app/cb?t=7&code=1", "https://app/cb?t=7", true),
        ("https://app/cb?t=70&code=1", "https://app/cb?t=7", false),
    ])
    func redirectsToAURI(_ location: String, _ uri: String, _ expected: Bool) {
        #expect(PageURL.isRedirect(location, to: uri) == expected)
    }

    @Test func printedLocationsHideTheirQuery() {
        #expect(PageURL.withoutQuery("https://app/cb?code=secret") == "https://app/cb?…")
        #expect(PageURL.withoutQuery("https://app/cb") == "https://app/cb")
    }

    @Test func queriesAreFormDecoded() {
        let query = FormDecoding.query(of: "https://app/cb?code=a%2Bb&state=x+y%21&state=second&bad=%zz#frag")
        #expect(query == ["code": "a+b", "state": "x y!", "bad": "%zz"])
    }

    /// RFC 7636 appendix B.
    @Test func theS256ChallengeOfTheRFCsExample() {
        #expect(PKCE.s256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        #expect(PKCE.base64URL([0xFB, 0xFF]) == "-_8")
    }
}
