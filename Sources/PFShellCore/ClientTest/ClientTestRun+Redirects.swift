/// The authorization endpoint asked once per registered redirect URI and once with a made-up one.
extension ClientTestRun {
    /// A redirect URI no client can have registered: `.invalid` never resolves (RFC 6761).
    static let unregisteredURI = "https://unregistered.pfsh.invalid/callback"

    func checkRedirects(_ r: inout CommandResult) throws(ShellError) {
        let unregistered = try ask(Self.unregisteredURI)
        var failures = RedirectFailures()
        for uri in redirectURIs {
            guard !uri.contains("*") else {
                r.print("redirect \(uri): not tried (a wildcard pattern, not a URI)")
                continue
            }
            let (response, answer) = try ask(uri)
            let verdict = RedirectVerdict.registered(uri, response, answer, unregistered: unregistered.answer)
            if verdict.outcome == .accepted { r.print(verdict.line) } else { failures.add(verdict, registered: true) }
        }
        let verdict = RedirectVerdict.unregistered(Self.unregisteredURI, unregistered.response, unregistered.answer)
        if verdict.outcome == .refused { r.print(verdict.line) } else { failures.add(verdict, registered: false) }
        guard failures.lines.isEmpty else { throw failure(failures.summary, notes: failures.lines) }
    }

    private func ask(_ uri: String) throws(ShellError) -> (response: RuntimeResponse, answer: AuthorizeAnswer) {
        let query = [("response_type", "code"), ("client_id", id), ("redirect_uri", uri), ("state", "pfsh-test")]
        let response = try services.runtime(
            RuntimeRequest(.get, RuntimeRequest.url(endpoints.authorization, query: query), accept: RuntimeRequest.html))
        return (response, AuthorizeAnswer(response, redirectURI: uri, pageURL: endpoints.authorization))
    }
}

/// The redirect verdicts that did not pass, and one sentence saying what went wrong.
struct RedirectFailures {
    private(set) var lines: [String] = []
    private var refused = 0
    private var undecided = 0
    private var unregisteredAccepted = false

    mutating func add(_ verdict: RedirectVerdict, registered: Bool) {
        lines.append(verdict.line)
        switch verdict.outcome {
        case .refused: refused += 1
        case .couldNotTell: undecided += 1
        case .accepted: unregisteredAccepted = !registered
        }
    }

    var summary: String {
        var parts: [String] = []
        if refused > 0 { parts.append("the server refused \(refused) registered redirect URI(s)") }
        if unregisteredAccepted { parts.append("the server redirected to an unregistered redirect URI") }
        if undecided > 0 { parts.append("pfsh could not tell how the server treats \(undecided) redirect URI(s)") }
        return parts.joined(separator: "; ")
    }
}
