import PFShellCore

/// `${NAME}` reads the session's variables (`-v`, `let`); `${env.NAME}` the process environment.
struct SessionVariables: VariableLookup {
    let session: Session
    let environmentValues: [String: String]

    func value(of name: String) -> String? {
        session.variables[name]
    }

    func environment(_ name: String) -> String? {
        environmentValues[name]
    }
}
