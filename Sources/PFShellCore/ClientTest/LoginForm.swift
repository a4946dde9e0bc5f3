/// A login page's form as `client test` fills it in: the user name and password fields found by the
/// HTML form adapter's names (`pf.username`, `pf.pass`) or else by type; `pf.ok` set to `clicked`, as
/// the page's Sign On button does with a script; hidden inputs sent as they are; nothing else.
struct LoginForm {
    let form: HTMLForm
    let userField: String?
    let passwordField: String

    /// nil when the form has no password field (not a login form).
    init?(_ form: HTMLForm) {
        guard let password = form.input(named: ["pf.pass"], orType: "password") else { return nil }
        self.form = form
        passwordField = password.name
        userField = form.input(named: ["pf.username"], orType: "text")?.name
    }

    func fields(user: String, password: String) -> [(String, String)] {
        form.inputs.compactMap { input in
            switch input.name {
            case userField: (input.name, user)
            case passwordField: (input.name, password)
            case "pf.ok": (input.name, "clicked")
            default: input.type == "hidden" ? (input.name, input.value) : nil
            }
        }
    }
}
