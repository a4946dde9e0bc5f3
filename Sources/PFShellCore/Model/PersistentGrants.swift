import PFShellJSON

/// `persistent-grants never-expire | server-default | expire N minutes|hours|days`: the console's
/// "Persistent Grants Max Lifetime" choice, as the field changes it stages.
public enum PersistentGrants {
    public static let command = "persistent-grants"

    static let typePath = "persistentGrantExpirationType"
    static let timePath = "persistentGrantExpirationTime"
    static let unitPath = "persistentGrantExpirationTimeUnit"

    /// What the words ask for, before it is applied to a client.
    public enum Choice: Sendable, Equatable {
        /// A type without a lifetime of its own: `INDEFINITE_EXPIRY` or `SERVER_DEFAULT`.
        case type(String)
        /// `OVERRIDE_SERVER_DEFAULT` with a positive time and its unit.
        case expire(time: Int64, unit: String)
    }

    private static let choices = "one of never-expire, server-default, expire N minutes|hours|days"
    private static let units: [String: String] = [
        "minute": "MINUTES", "minutes": "MINUTES", "hour": "HOURS", "hours": "HOURS", "day": "DAYS", "days": "DAYS",
    ]

    /// Reads the command's words; any case, `_` for `-` accepted.
    public static func parse(_ words: [String]) throws(FieldError) -> Choice {
        guard let first = words.first else {
            throw FieldError(field: command, value: nil, kind: .invalidValue(expected: choices))
        }
        switch ModelText.wordKey(first) {
        case "never-expire":
            try expectEnd(words, after: 1)
            return .type("INDEFINITE_EXPIRY")
        case "server-default":
            try expectEnd(words, after: 1)
            return .type("SERVER_DEFAULT")
        case "expire":
            return try expire(Array(words.dropFirst()))
        default:
            let allowed = ["never-expire", "server-default", "expire N minutes|hours|days"]
            throw FieldError.notOneOf(allowed, field: command, value: first)
        }
    }

    /// The field changes in order for `client`, the staged copy they apply to.
    ///
    /// A type without a lifetime sets the time and unit the client already has to `0` `DAYS`: what
    /// real servers return beside SERVER_DEFAULT, so a body they accept, and the same body on every
    /// run. Absent ones stay absent, for a server that leaves them out. (Without an override the
    /// time has no meaning.)
    public static func changes(_ choice: Choice, in client: JSONObject) -> [(path: String, value: JSONValue?)] {
        switch choice {
        case .type(let type):
            let neutral: [(path: String, value: JSONValue?)] = [(timePath, .int(0)), (unitPath, .string("DAYS"))]
            return [(typePath, .string(type))] + neutral.filter { client[$0.path] != nil }
        case .expire(let time, let unit):
            return [(typePath, .string("OVERRIDE_SERVER_DEFAULT")), (timePath, .int(time)), (unitPath, .string(unit))]
        }
    }

    /// `N unit`: N a positive whole number, the unit singular or plural in any case.
    private static func expire(_ words: [String]) throws(FieldError) -> Choice {
        guard words.count >= 2 else {
            throw FieldError(
                field: "\(command) expire", value: nil,
                kind: .invalidValue(expected: "a number and a unit, e.g. 'expire 30 days'")
            )
        }
        guard let time = Int64(words[0]), time > 0 else {
            throw FieldError(field: timePath, value: words[0], kind: .invalidValue(expected: "a positive whole number"))
        }
        guard let unit = units[words[1].lowercased()] else {
            let expected = "one of minutes, hours, days"
            throw FieldError(
                field: unitPath, value: words[1], kind: .invalidValue(expected: expected),
                message: "'\(words[1])' is not a time unit; expected \(expected)"
            )
        }
        if words.count > 2 { throw FieldError.unexpected(words[2], after: "\(command) expire") }
        return .expire(time: time, unit: unit)
    }

    private static func expectEnd(_ words: [String], after count: Int) throws(FieldError) {
        guard words.count > count else { return }
        let command = ([Self.command] + words.prefix(count)).joined(separator: " ")
        throw FieldError.unexpected(words[count], after: command)
    }
}
