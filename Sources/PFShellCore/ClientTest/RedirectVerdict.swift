/// What `client test` concludes about one redirect URI from the authorization endpoint's answers.
///
/// A registered URI is accepted when the server redirects to it, or answers with a sign-on step that
/// it does not give a made-up URI; it is refused when the server answers with a client error and no
/// redirect. The made-up (unregistered) URI is refused when the server does not redirect to it and
/// shows no sign-on step. Anything else is "could not tell": the answer is printed, and it fails.
struct RedirectVerdict: Equatable {
    enum Outcome: Equatable {
        case accepted
        case refused
        case couldNotTell
    }

    let outcome: Outcome
    /// One line for the user: the URI, the outcome and why.
    let line: String

    /// A registered URI's verdict, given the made-up URI's answer for comparison.
    static func registered(_ uri: String, _ response: RuntimeResponse, _ answer: AuthorizeAnswer, unregistered: AuthorizeAnswer)
        -> RedirectVerdict
    {
        let prefix = "redirect \(uri): "
        let answered = response.summary
        switch answer {
        case .redirect(let parameters):
            let carrying = parameters["code"] != nil ? " with a code" : parameters["error"].map { " with error \($0)" } ?? ""
            return RedirectVerdict(outcome: .accepted, line: prefix + "accepted (redirected to it\(carrying))")
        case .signOnStep(let step) where unregistered == answer:
            return RedirectVerdict(
                outcome: .couldNotTell,
                line: prefix + "could not tell (the server answered \(answered), \(step.text), "
                    + "and the same to an unregistered redirect URI)")
        case .signOnStep(let step):
            return RedirectVerdict(
                outcome: .accepted, line: prefix + "accepted (\(step.text) first; an unregistered redirect URI gets none)")
        case .other where (400..<500).contains(response.status):
            return RedirectVerdict(outcome: .refused, line: prefix + "refused (the server answered \(answered))")
        case .other:
            return RedirectVerdict(outcome: .couldNotTell, line: prefix + "could not tell (the server answered \(answered))")
        }
    }

    /// The made-up URI's verdict: it passes when refused.
    static func unregistered(_ uri: String, _ response: RuntimeResponse, _ answer: AuthorizeAnswer) -> RedirectVerdict {
        let prefix = "unregistered redirect \(uri): "
        let answered = response.summary
        switch answer {
        case .redirect:
            return RedirectVerdict(outcome: .accepted, line: prefix + "accepted (the server redirected to it)")
        case .signOnStep(let step):
            return RedirectVerdict(
                outcome: .couldNotTell,
                line: prefix + "could not tell (the server answered \(answered), \(step.text); "
                    + "only after a sign-on would a redirect show)")
        case .other where response.status >= 500:
            return RedirectVerdict(outcome: .couldNotTell, line: prefix + "could not tell (the server answered \(answered))")
        case .other:
            return RedirectVerdict(outcome: .refused, line: prefix + "refused (the server answered \(answered))")
        }
    }
}
