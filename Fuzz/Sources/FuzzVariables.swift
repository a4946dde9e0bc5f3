import PFShellCore

/// The variables and files the script target's lines see. Every value is non-empty, so that a
/// name the preflight counts as given is one the lexer can expand (an empty value would fail a
/// `${NAME:?message}` that the preflight accepts).
struct FuzzVariables: VariableLookup {
    static let values = [
        "A": "a", "B": "two  words", "CLIENT_ID": "web-app", "Q": "it's \"q\" ${A}", "env": "plain", "_x1": "u",
    ]
    static let environment = ["HOME": "/home/u", "A": "env-a"]

    func value(of name: String) -> String? { Self.values[name] }
    func environment(_ name: String) -> String? { Self.environment[name] }

    static var names: Set<String> { Set(values.keys) }
    static var environmentNames: Set<String> { Set(environment.keys) }

    /// What `source PATH` reads during the preflight: `self` is the script itself (a script that
    /// sources itself), `lib.pfsh` a small fixed one; nothing else exists.
    static func files(script: String) -> (String) -> String? {
        { path in
            switch path {
            case "self": script
            case "lib.pfsh": "let SITE prod\necho ${SITE} ${MISSING}\n"
            default: nil
            }
        }
    }
}
