/// How requests authenticate. Descriptions and mirrors never show the secret.
public enum Credentials: Sendable {
    case none
    case basic(user: String, password: String)
    case bearer(token: String)

    /// The strings that must never be printed.
    var secrets: [String] {
        switch self {
        case .none: []
        case .basic(_, let password): [password]
        case .bearer(let token): [token]
        }
    }
}

extension Credentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        switch self {
        case .none: "none"
        case .basic(let user, _): "basic(user: \(user), password: ***)"
        case .bearer: "bearer(token: ***)"
        }
    }

    public var debugDescription: String { description }

    /// Keeps `dump(_:)` and default struct descriptions from printing associated values.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .enum) }
}
