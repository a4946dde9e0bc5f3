/// The shell's check of a redirect-like URI (redirect URIs, logout URIs) before anything is
/// sent: absolute, no whitespace, no fragment, a host for http and https. PingFederate's `*`
/// wildcards (`https://*.example.com/*`) and private-use schemes (`com.example.app:/cb`) are allowed.
public enum RedirectURI {
    /// Accepted, but worth telling the user about.
    public struct Warning: Sendable, Equatable {
        public let uri: String
        public let message: String
    }

    /// `.success(nil)` for a good URI, `.success(warning)` for one allowed with a warning,
    /// `.failure` with the reason otherwise. `field` names the field in the error.
    public static func check(_ text: String, field: String = "redirectUris") -> Result<Warning?, FieldError> {
        if let reason = problem(in: text) {
            return .failure(FieldError(
                field: field, value: text, kind: .invalidValue(expected: "an absolute URI"),
                message: "'\(text)' is not a valid redirect URI: \(reason)"
            ))
        }
        return .success(warning(for: text))
    }

    private static let loopbackHosts: Set<String> = ["localhost", "127.0.0.1", "[::1]"]

    private static func problem(in text: String) -> String? {
        if text.isEmpty { return "it is empty" }
        if ModelText.hasWhitespaceOrControl(text) { return "it contains whitespace" }
        guard let parts = URIParts(text), !parts.rest.isEmpty else {
            return "it must be absolute, e.g. 'https://app.example.com/callback'"
        }
        if text.contains("#") { return "it must not contain a fragment ('#')" }
        if parts.isWeb && !parts.hasValidAuthority(wildcards: true) {
            return "an http or https URI needs a host and a numeric port, if any"
        }
        return nil
    }

    /// Plain http sends the authorization code in clear, except to the user's own machine.
    private static func warning(for text: String) -> Warning? {
        guard let parts = URIParts(text), parts.scheme == "http" else { return nil }
        if let host = parts.host, loopbackHosts.contains(host.lowercased()) { return nil }
        return Warning(uri: text, message: "plain http redirect '\(text)' exposes the authorization code")
    }
}
