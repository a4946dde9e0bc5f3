@testable import PFShellCore
import Testing

/// The login form read from HTML as servers write it: PingFederate's template shape, other quoting,
/// character references, forms hidden in comments or scripts.
@Suite struct HTMLFormTests {
    @Test func theHTMLFormAdaptersShape() throws {
        let html = """
            <!DOCTYPE html><html><head><title>Sign On</title>
            <script>var x = "<form action='/fake'>";</script></head><body>
            <!-- <form action="/commented"> -->
            <FORM Method="post" action="/as/aB3/resume/as/authorization.ping" autocomplete=off>
              <input id="username" type="text" name="pf.username" value="" autofocus>
              <input type=password name='pf.pass'>
              <input type="hidden" name="pf.ok" value="">
              <input type="hidden" name="pf.cancel" value=""/>
              <input type="hidden" name="pf.adapterId" value="Html&amp;Form&#39;s&#x21;">
              <input type="submit" value="Sign On">
              <a onclick="postOk();">Sign On</a>
            </FORM>
            <form action="/second"><input name="x"></form>
            """
        let form = try #require(HTMLForm.first(in: html))
        #expect(form.method == "POST")
        #expect(form.action == "/as/aB3/resume/as/authorization.ping")
        #expect(form.inputs.map(\.name) == ["pf.username", "pf.pass", "pf.ok", "pf.cancel", "pf.adapterId"])
        #expect(form.inputs.map(\.type) == ["text", "password", "hidden", "hidden", "hidden"])
        #expect(form.inputs.last?.value == "Html&Form's!")
        #expect(form.input(named: ["pf.pass"], orType: "password")?.name == "pf.pass")
    }

    @Test func fieldsAreFoundByTypeWhenNotNamedLikePingFederates() throws {
        let form = try #require(HTMLForm.first(in: "<form method=post><input name=login><input type=PASSWORD name=pw></form>"))
        #expect(form.action == nil)
        #expect(form.input(named: ["pf.username"], orType: "text")?.name == "login")
        #expect(form.input(named: ["pf.pass"], orType: "password")?.name == "pw")
    }

    @Test(arguments: ["", "<p>no form</p>", "<!-- <form action=x> -->", "<script><form></script>", "text < more"])
    func pagesWithoutAFormHaveNone(_ html: String) {
        #expect(HTMLForm.first(in: html) == nil)
    }

    @Test func theLoginFormIsFilledInAsTheSignOnButtonWould() throws {
        let html = """
            <form method=post action=/as/x/resume/as/authorization.ping>
            <input name=pf.username value=old><input type=password name=pf.pass><input type=hidden name=pf.ok>
            <input type=hidden name=pf.cancel><input type=hidden name=pf.adapterId value=A>
            <input type=checkbox name=remember value=1><input type=submit name=go value=Go></form>
            """
        let form = try #require(HTMLForm.first(in: html))
        let login = try #require(LoginForm(form))
        #expect(login.userField == "pf.username")
        #expect(
            login.fields(user: "joe", password: "p&w").map { "\($0.0)=\($0.1)" }
                == ["pf.username=joe", "pf.pass=p&w", "pf.ok=clicked", "pf.cancel=", "pf.adapterId=A"])
        let consent = try #require(HTMLForm.first(in: "<form method=post><input type=hidden name=scope value=openid></form>"))
        #expect(LoginForm(consent) == nil)
    }

    @Test func unknownReferencesStayAsWritten() {
        #expect(HTMLText.decode("a &unknown; b & c &#65;") == "a &unknown; b & c A")
    }
}
