/// How the authorization endpoint signs its one test user in before it issues a code.
///
/// By default it shows a login page shaped like PingFederate's HTML form adapter's (pf-real-server.md
/// §3) and issues the code only after the user's name and password are posted. With `automatic`
/// (`pfsh-emulator --auto-login`) it signs the user in at once and redirects with the code, so a
/// flow can run unattended: an emulator shortcut that a real server never takes.
public struct RuntimeLogin: Sendable, Equatable {
    /// `joe`, the user of PingFederate's quick-start sample data.
    public static let defaultUser = "joe"
    /// `2Federate`, that sample user's password. A test password, printed in the emulator's help.
    public static let defaultPassword = "2Federate"

    public var user: String
    public var password: String
    public var automatic: Bool

    public init(user: String = defaultUser, password: String = defaultPassword, automatic: Bool = false) {
        self.user = user
        self.password = password
        self.automatic = automatic
    }

    /// Whether the posted name and password are the test user's (the password compared in time that
    /// depends only on the lengths).
    func accepts(user name: String?, password given: String?) -> Bool {
        guard let name, let given else { return false }
        return name == user && ClientAuthentication.equal(given, password)
    }
}
