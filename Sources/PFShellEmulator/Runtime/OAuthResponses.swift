import PFShellJSON

/// An OAuth error answered in the response body (RFC 6749 §5.2, RFC 7009, RFC 7662).
/// PingFederate writes `error_description` before `error` and ends the body with CRLF
/// (pf-runtime-oauth.md §2.4); so does the emulator.
struct OAuthError: Error {
    let status: Int
    let error: String
    let description: String?

    init(_ status: Int, _ error: String, _ description: String? = nil) {
        self.status = status
        self.error = error
        self.description = description
    }

    static func invalidRequest(_ description: String) -> OAuthError { OAuthError(400, "invalid_request", description) }
    static func invalidGrant(_ description: String) -> OAuthError { OAuthError(400, "invalid_grant", description) }
    static func invalidScope(_ description: String) -> OAuthError { OAuthError(400, "invalid_scope", description) }
    static func unauthorizedClient(_ description: String) -> OAuthError {
        OAuthError(400, "unauthorized_client", description)
    }

    /// PingFederate's answer to an unknown client, a wrong secret, a disabled client: always 401.
    static let invalidClient = OAuthError(401, "invalid_client", "Invalid client or client credentials")

    static let scopeNotAllowed = invalidScope("The requested scope(s) must be blank or a subset of the provided scopes.")

    var response: EmulatorResponse {
        var body = JSONObject()
        if let description { body["error_description"] = .string(description) }
        body["error"] = .string(error)
        var headers = OAuthResponse.jsonHeaders
        if status == 401 {
            // RFC 6749 §5.2 asks for it when the client used the Authorization header, and HTTP for
            // every 401; the emulator always sends it.
            headers.append(("WWW-Authenticate", "Basic realm=\"PingFederate\""))
        }
        return EmulatorResponse(status: status, headers: headers, body: Array((JSONPrinter.print(.object(body)) + "\r\n").utf8))
    }
}

enum OAuthResponse {
    /// PingFederate's JSON type, and RFC 6749 §5.1's no-caching headers for anything holding a token.
    static let jsonHeaders: [(name: String, value: String)] = [
        ("Content-Type", "application/json;charset=UTF-8"),
        ("Cache-Control", "no-store"),
        ("Pragma", "no-cache"),
    ]

    static func json(_ object: JSONObject, status: Int = 200) -> EmulatorResponse {
        EmulatorResponse(status: status, headers: jsonHeaders, body: Array(JSONPrinter.print(.object(object)).utf8))
    }

    /// A successful token response (RFC 6749 §5.1): `access_token`, `refresh_token` when one is
    /// issued, `token_type` and `expires_in` in seconds.
    static func tokens(access: String, refresh: String?, expiresIn: Int64) -> EmulatorResponse {
        var body = JSONObject()
        body["access_token"] = .string(access)
        if let refresh { body["refresh_token"] = .string(refresh) }
        body["token_type"] = "Bearer"
        body["expires_in"] = .int(expiresIn)
        return json(body)
    }

    /// The error page of the authorization endpoint, for requests that cannot be sent back to a
    /// trusted redirect URI (RFC 6749 §4.1.2.1): a 400 and never a redirect.
    static func errorPage(_ message: String, status: Int = 400) -> EmulatorResponse {
        let html = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>PingFederate emulator: error</title></head>
            <body><h1>The request could not be completed</h1><p>\(escapeHTML(message))</p></body></html>

            """
        return EmulatorResponse(
            status: status,
            headers: [("Content-Type", "text/html;charset=utf-8"), ("Cache-Control", "no-store")],
            body: Array(html.utf8))
    }

    /// A 302 to `uri` with `parameters` added to its query.
    static func redirect(to uri: String, with parameters: [(String, String)]) -> EmulatorResponse {
        let fragmentStart = uri.firstIndex(of: "#") ?? uri.endIndex
        let base = String(uri[..<fragmentStart])
        let separator = base.contains("?") ? (base.hasSuffix("?") || base.hasSuffix("&") ? "" : "&") : "?"
        let location = base + separator + PercentEncoding.query(parameters)
        return EmulatorResponse(status: 302, headers: [("Location", location), ("Cache-Control", "no-store")])
    }

    static func methodNotAllowed(_ allowed: String) -> EmulatorResponse {
        var response = OAuthError.invalidRequest("This endpoint accepts \(allowed) only.").response
        response.status = 405
        response.headers.append(("Allow", allowed))
        return response
    }

    static func notFound(_ path: String) -> EmulatorResponse {
        errorPage("There is no runtime endpoint at \(path).", status: 404)
    }

    static func escapeHTML(_ text: String) -> String {
        TextEscaping.escape(text) { character in
            switch character {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }
}
