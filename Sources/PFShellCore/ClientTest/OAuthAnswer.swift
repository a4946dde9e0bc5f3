import PFShellJSON

/// A JSON answer of the token or introspection endpoint, read without ever printing a token.
struct OAuthAnswer {
    let response: RuntimeResponse
    let body: JSONValue?

    init(_ response: RuntimeResponse) {
        self.response = response
        body = try? JSONParser.parse(response.body)
    }

    var error: String? { body?["error"]?.stringValue }
    var accessToken: String? { nonEmpty("access_token") }
    var refreshToken: String? { nonEmpty("refresh_token") }

    /// `Bearer, expires in 7200 s`.
    var tokenSummary: String {
        let type = body?["token_type"]?.stringValue ?? "unknown type"
        let expiry = body?["expires_in"]?.intValue.map { "expires in \($0) s" } ?? "no expiry given"
        return "\(type), \(expiry)"
    }

    /// `invalid_client (Invalid client or client credentials)`, or the status when there is no OAuth error.
    var errorText: String {
        let error = error ?? "status \(response.status)"
        let description = body?["error_description"]?.stringValue.map { " (\($0))" } ?? ""
        return error + description
    }

    /// Why a call failed, for an error message: `refused SUBJECT: invalid_grant (...)` only when
    /// the server sent an OAuth error, else what it answered.
    func failure(_ subject: String) -> String {
        if error != nil { return "refused \(subject): \(errorText)" }
        let without = response.status == 200 ? ", without an access token" : ""
        return "answered \(subject) with \(response.summary)\(without)"
    }

    private func nonEmpty(_ key: String) -> String? {
        body?[key]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    }
}
