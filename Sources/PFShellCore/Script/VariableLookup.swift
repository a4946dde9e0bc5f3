/// Where `${NAME}` and `${env.NAME}` get their values. The lexer reads through it and keeps nothing.
public protocol VariableLookup {
    /// A script or session variable, or nil when unset.
    func value(of name: String) -> String?
    /// An environment variable, or nil when unset.
    func environment(_ name: String) -> String?
}
