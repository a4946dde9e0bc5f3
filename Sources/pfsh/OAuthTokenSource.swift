import Glibc
import PFShellCore
import PFShellHTTP
import PFShellJSON

/// `--oauth-client`: the Admin API's bearer token, from the runtime's token endpoint with the
/// client-credentials grant (RFC 6749 §4.4, the client authenticated with HTTP Basic), fetched at
/// connect and again before it expires or when the server refuses it.
final class OAuthTokenSource {
    let client: String
    /// Kept in memory only, to fetch the next token (and for a watchdog, through its pipe).
    let secret: String
    let tokenURL: String
    private let transport: CurlTransport
    private var token: BearerToken?

    /// Fetches the first token now, so a wrong secret fails the connect.
    init(client: String, secret: String, tokenURL: String, options: TransportOptions) throws(ShellError) {
        self.client = client
        self.secret = secret
        self.tokenURL = tokenURL
        var tokenOptions = options
        tokenOptions.credentials = .basic(user: RuntimeRequest.escape(client), password: RuntimeRequest.escape(secret))
        do {
            transport = try CurlTransport(options: tokenOptions)
        } catch {
            throw ShellError(.connection, command: "connect", error.message)
        }
        _ = try current()
    }

    /// The token to send, fetched again when it is about to expire.
    func current() throws(ShellError) -> String {
        let now = Int64(time(nil))
        if let token, !token.needsRefresh(now: now) { return token.value }
        let fresh = try fetch(now: now)
        token = fresh
        return fresh.value
    }

    /// After the server refused the token: the next request fetches a new one.
    func forget() {
        token = nil
    }

    private func fetch(now: Int64) throws(ShellError) -> BearerToken {
        let response: HTTPResponse
        do {
            response = try transport.send(
                HTTPRequest(
                    method: .post, url: tokenURL, headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
                    body: Array("grant_type=client_credentials".utf8)))
        } catch {
            throw ShellError(.connection, command: "connect", "the OAuth token endpoint \(tokenURL) did not answer: \(error.message)")
        }
        let answer = try? JSONParser.parse(response.body)
        guard response.status == 200, let token = BearerToken(answer: answer, now: now) else {
            let reason = answer?["error_description"]?.stringValue ?? answer?["error"]?.stringValue ?? "status \(response.status)"
            throw ShellError(
                .connection, command: "connect", "the OAuth token endpoint \(tokenURL) refused client '\(client)': \(reason)")
        }
        return token
    }
}
