import PFShellJSON

/// `persistent-grants never-expire | server-default | expire N minutes|hours|days`: the console's
/// "Persistent Grants Max Lifetime" choice, as the field changes it stages.
public enum PersistentGrants {
    public static let command = "persistent-grants"

    static let typePath = "persistentGrantExpirationType"
    static let timePath = "persistentGrantExpirationTime"
    static let unitPath = "persistentGrantExpirationTimeUnit"

    private static let choices = "one of never-expire, server-default, expire N minutes|hours|days"
    private static let units: [String: String] = [
        "minute": "MINUTES", "minutes": "MINUTES", "hour": "HOURS", "hours": "HOURS", "day": "DAYS", "days": "DAYS",
    ]

    /// The changes in order; a nil value unsets the field. Time and unit are only kept with an
    /// override, as the API allows them only then.
    public static func changes(_ words: [String]) throws(FieldError) -> [(path: String, value: JSONValue?)] {
        guard let first = words.first else {
            throw FieldError(field: command, value: nil, kind: .invalidValue(expected: choices))
        }
        switch ModelText.wordKey(first) {
        case "never-expire":
            try expectEnd(words, after: 1)
            return withoutTime("INDEFINITE_EXPIRY")
        case "server-default":
            try expectEnd(words, after: 1)
            return withoutTime("SERVER_DEFAULT")
        case "expire":
            return try expire(Array(words.dropFirst()))
        default:
            let allowed = ["never-expire", "server-default", "expire N minutes|hours|days"]
            throw FieldError.notOneOf(allowed, field: command, value: first)
        }
    }

    private static func withoutTime(_ type: String) -> [(path: String, value: JSONValue?)] {
        [(typePath, .string(type)), (timePath, nil), (unitPath, nil)]
    }

    /// `N unit`: N a positive whole number, the unit singular or plural in any case.
    private static func expire(_ words: [String]) throws(FieldError) -> [(path: String, value: JSONValue?)] {
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
        return [(typePath, .string("OVERRIDE_SERVER_DEFAULT")), (timePath, .int(time)), (unitPath, .string(unit))]
    }

    private static func expectEnd(_ words: [String], after count: Int) throws(FieldError) {
        guard words.count > count else { return }
        let command = ([Self.command] + words.prefix(count)).joined(separator: " ")
        throw FieldError.unexpected(words[count], after: command)
    }
}
