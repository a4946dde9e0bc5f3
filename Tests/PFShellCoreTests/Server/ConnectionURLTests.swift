import PFShellCore
import Testing

/// The admin URL and the prompt's host come from the one URL splitter (URIParts).
@Suite struct ConnectionURLTests {
    @Test(arguments: [
        ("https://pf.example.com:9999", "https://pf.example.com:9999/pf-admin-api/v1"),
        ("https://pf.example.com:9999/", "https://pf.example.com:9999/pf-admin-api/v1"),
        ("HTTPS://pf:9999/pf-admin-api/v1", "HTTPS://pf:9999/pf-admin-api/v1"),
        ("http://127.0.0.1:9999", "http://127.0.0.1:9999/pf-admin-api/v1"),
        ("https://[::1]:9999", "https://[::1]:9999/pf-admin-api/v1"),
    ])
    func anAdminHostGetsTheAPIPath(_ text: String, _ expected: String) {
        #expect(ConnectionSettings.apiURL(from: text) == expected)
    }

    @Test(arguments: ["pf.example.com:9999", "ftp://pf:9999", "https://", "https:///path", "https://pf example:9999", "mailto:a@b"])
    func whatIsNotAnAdminHostIsRefused(_ text: String) {
        #expect(ConnectionSettings.apiURL(from: text) == nil)
    }

    @Test func thePromptShowsHostAndPortWithoutUserOrPath() {
        #expect(ConnectionSettings.hostAndPort("https://pf.example.com:9999/pf-admin-api/v1") == "pf.example.com:9999")
        #expect(ConnectionSettings.hostAndPort("https://joe@pf.example.com/pf-admin-api/v1") == "pf.example.com")
        #expect(ConnectionSettings.hostAndPort("https://[::1]:9999/x") == "[::1]:9999")
    }
}
