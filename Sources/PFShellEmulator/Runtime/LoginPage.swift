/// The login page, shaped like the default template of PingFederate's HTML form adapter as a real
/// server rendered it (pf-real-server.md §3): HTTP 200, `text/html`, title "Sign On", one POST form to
/// the request's resume path with `pf.username` (text), `pf.pass` (password), hidden `pf.ok` and
/// `pf.cancel` (the buttons set one to `clicked`) and hidden `pf.adapterId`. The wording, the
/// adapter id and the styling are the emulator's own.
enum LoginPage {
    /// The adapter instance id in `pf.adapterId` (a real server shows the id its administrator chose).
    static let adapterID = "HTMLFormAdapter"

    static func response(
        action: String, clientName: String, username: String = "", error: String? = nil,
        headers: [(name: String, value: String)] = []
    ) -> EmulatorResponse {
        let escape = OAuthResponse.escapeHTML
        let message = error.map { "\n<p class=\"error\" role=\"alert\">\(escape($0))</p>" } ?? ""
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Sign On</title></head>
            <body>
            <h1>Sign On</h1>
            <p>to continue to \(escape(clientName))</p>\(message)
            <form method="POST" action="\(escape(action))" autocomplete="off">
            <label for="username">Username</label>
            <input id="username" type="text" name="pf.username" value="\(escape(username))" autofocus>
            <label for="password">Password</label>
            <input id="password" type="password" name="pf.pass" value="">
            <input type="hidden" name="pf.ok" value="">
            <input type="hidden" name="pf.cancel" value="">
            <input type="hidden" name="pf.adapterId" value="\(escape(adapterID))">
            <button type="submit" onclick="this.form['pf.ok'].value='clicked'">Sign On</button>
            <button type="submit" onclick="this.form['pf.cancel'].value='clicked'">Cancel</button>
            </form>
            </body>
            </html>

            """
        return EmulatorResponse(
            status: 200,
            headers: [("Content-Type", "text/html;charset=utf-8"), ("Cache-Control", "no-store")] + headers,
            body: Array(html.utf8))
    }
}
