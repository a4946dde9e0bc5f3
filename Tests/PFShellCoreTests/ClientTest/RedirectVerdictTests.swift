@testable import PFShellCore
import Testing

/// How `client test` reads the authorization endpoint's answers: accepted, refused or could not tell,
/// for a registered URI compared with a made-up one, and for the made-up one itself.
@Suite struct RedirectVerdictTests {
    static let endpoint = "https://pf:9031/as/authorization.oauth2"
    static let uri = "https://app/cb"
    static let loginPage = RuntimeResponse(
        status: 200, location: nil, contentType: "text/html;charset=utf-8",
        body: "<form method=POST action=/as/x/resume/as/authorization.ping><input type=password name=pf.pass></form>")
    static let errorPage = RuntimeResponse(status: 400, location: nil, contentType: "text/html", body: "<p>bad</p>")

    private func answer(_ response: RuntimeResponse, _ uri: String = uri) -> AuthorizeAnswer {
        AuthorizeAnswer(response, redirectURI: uri, pageURL: Self.endpoint)
    }

    private func redirect(_ location: String) -> RuntimeResponse {
        RuntimeResponse(status: 302, location: location, body: "")
    }

    @Test func answersAreClassified() {
        #expect(answer(redirect("https://app/cb?code=c&state=s")) == .redirect(["code": "c", "state": "s"]))
        #expect(answer(Self.loginPage) == .signOnStep(.form))
        #expect(answer(redirect("/idp/startSSO.ping?x=1")) == .signOnStep(.serverRedirect))
        #expect(answer(redirect("https://elsewhere/cb")) == .other)
        #expect(answer(Self.errorPage) == .other)
        let json = RuntimeResponse(status: 200, location: nil, contentType: "application/json", body: "<form>")
        #expect(answer(json) == .other)
    }

    @Test func aRegisteredURIIsAcceptedWhenRedirectedTo() {
        let verdict = RedirectVerdict.registered(
            Self.uri, redirect("https://app/cb?code=c"), answer(redirect("https://app/cb?code=c")), unregistered: .other)
        #expect(verdict.outcome == .accepted)
        #expect(verdict.line == "redirect https://app/cb: accepted (redirected to it with a code)")
    }

    @Test func aSignOnStepAcceptsOnlyWhenTheMadeUpURIGetsAnotherAnswer() {
        let accepted = RedirectVerdict.registered(Self.uri, Self.loginPage, .signOnStep(.form), unregistered: .other)
        #expect(accepted.outcome == .accepted)
        #expect(accepted.line == "redirect https://app/cb: accepted (a sign-on form first; an unregistered redirect URI gets none)")
        let same = RedirectVerdict.registered(Self.uri, Self.loginPage, .signOnStep(.form), unregistered: .signOnStep(.form))
        #expect(same.outcome == .couldNotTell)
        #expect(same.line.contains("200 text/html"))
        let otherStep = RedirectVerdict.registered(
            Self.uri, Self.loginPage, .signOnStep(.form), unregistered: .signOnStep(.serverRedirect))
        #expect(otherStep.outcome == .accepted)
    }

    @Test func aClientErrorRefusesAndAServerErrorCannotTell() {
        let refused = RedirectVerdict.registered(Self.uri, Self.errorPage, .other, unregistered: .other)
        #expect(refused.outcome == .refused)
        #expect(refused.line == "redirect https://app/cb: refused (the server answered 400 text/html)")
        let broken = RuntimeResponse(status: 500, location: nil, body: "")
        #expect(RedirectVerdict.registered(Self.uri, broken, .other, unregistered: .other).outcome == .couldNotTell)
        let elsewhere = redirect("https://elsewhere/x?code=secret")
        let verdict = RedirectVerdict.registered(Self.uri, elsewhere, answer(elsewhere), unregistered: .other)
        #expect(verdict.outcome == .couldNotTell)
        #expect(verdict.line == "redirect https://app/cb: could not tell (the server answered 302, Location https://elsewhere/x?…)")
    }

    @Test func theMadeUpURIIsRefusedOnlyWithoutARedirectOrASignOnStep() {
        let madeUp = "https://unregistered.pfsh.invalid/callback"
        #expect(RedirectVerdict.unregistered(madeUp, Self.errorPage, .other).outcome == .refused)
        let followed = redirect(madeUp + "?code=c")
        #expect(RedirectVerdict.unregistered(madeUp, followed, answer(followed, madeUp)).outcome == .accepted)
        #expect(RedirectVerdict.unregistered(madeUp, Self.loginPage, .signOnStep(.form)).outcome == .couldNotTell)
        let broken = RuntimeResponse(status: 503, location: nil, contentType: "text/plain", body: "")
        #expect(RedirectVerdict.unregistered(madeUp, broken, .other).outcome == .couldNotTell)
    }
}
