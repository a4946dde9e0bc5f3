@testable import PFShellCore
import Testing

@Suite struct RedirectURITests {
    @Test(arguments: [
        "https://app.example.com/callback",
        "https://*.example.com/*",
        "https://app.example.com:8443/cb?x=1&y=2",
        "https://user@app.example.com/cb",
        "HTTPS://APP.EXAMPLE.COM/CB",
        "com.example.app:/cb",
        "com.example.app://callback",
        "myapp:callback",
        "http://localhost:8080/cb",
        "http://LOCALHOST/cb",
        "http://127.0.0.1/cb",
        "http://[::1]:3000/cb",
    ])
    func acceptsWithoutWarning(_ uri: String) {
        #expect(RedirectURI.check(uri) == .success(nil))
    }

    @Test(arguments: [
        "http://app.example.com/cb",
        "http://*.example.com/*",
        "http://localhost.example.com/cb",
        "http://127.0.0.2/cb",
    ])
    func plainHTTPIsAcceptedWithAWarning(_ uri: String) {
        let warning = RedirectURI.Warning(uri: uri, message: "plain http redirect '\(uri)' exposes the authorization code")
        #expect(RedirectURI.check(uri) == .success(warning))
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        let uri: String
        let reason: String
        var testDescription: String { uri.debugDescription }
    }

    static let absolute = "it must be absolute, e.g. 'https://app.example.com/callback'"
    static let host = "an http or https URI needs a host and a numeric port, if any"

    static let bad: [Bad] = [
        Bad(uri: "/callback", reason: absolute),
        Bad(uri: "callback", reason: absolute),
        Bad(uri: "app.example.com/cb", reason: absolute),
        Bad(uri: "1app:/cb", reason: absolute),
        Bad(uri: "*://example.com/cb", reason: absolute),
        Bad(uri: "https:", reason: absolute),
        Bad(uri: "", reason: "it is empty"),
        Bad(uri: "https://app.example.com/a b", reason: "it contains whitespace"),
        Bad(uri: " https://app.example.com/cb", reason: "it contains whitespace"),
        Bad(uri: "https://app.example.com/cb\n", reason: "it contains whitespace"),
        Bad(uri: "https://app.example.com/\u{7}", reason: "it contains whitespace"),
        Bad(uri: "https://app.example.com/cb#done", reason: "it must not contain a fragment ('#')"),
        Bad(uri: "https:///cb", reason: host),
        Bad(uri: "https://", reason: host),
        Bad(uri: "https:/app.example.com/cb", reason: host),
        Bad(uri: "https://app.example.com:abc/cb", reason: host),
        Bad(uri: "http://user@/cb", reason: host),
    ]

    @Test(arguments: bad) func refuses(_ c: Bad) {
        let error = FieldError(
            field: "redirectUris", value: c.uri, kind: .invalidValue(expected: "an absolute URI"),
            message: "'\(c.uri)' is not a valid redirect URI: \(c.reason)"
        )
        #expect(RedirectURI.check(c.uri) == .failure(error))
    }

    @Test func errorNamesTheFieldGiven() {
        guard case .failure(let error) = RedirectURI.check("/bye", field: "oidcPolicy.postLogoutRedirectUris") else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.field == "oidcPolicy.postLogoutRedirectUris")
    }
}
