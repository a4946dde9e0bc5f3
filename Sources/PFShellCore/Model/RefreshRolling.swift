import PFShellJSON

/// `refresh-rolling roll | dont-roll | server-default`: the console's refresh token rolling
/// policy, as the field change it stages.
public enum RefreshRolling {
    public static let command = "refresh-rolling"

    static let path = "refreshRolling"

    private static let values: [(word: String, api: String)] = [
        ("roll", "ROLL"), ("dont-roll", "DONT_ROLL"), ("server-default", "SERVER_DEFAULT"),
    ]

    /// The single change to `refreshRolling`; words in any case, `_` for `-` accepted.
    public static func changes(_ words: [String]) throws(FieldError) -> [(path: String, value: JSONValue?)] {
        guard let first = words.first else {
            let expected = "one of " + values.map(\.word).joined(separator: ", ")
            throw FieldError(field: command, value: nil, kind: .invalidValue(expected: expected))
        }
        let key = ModelText.wordKey(first)
        guard let match = values.first(where: { $0.word == key }) else {
            throw FieldError.notOneOf(values.map(\.word), field: command, value: first)
        }
        if words.count > 1 { throw FieldError.unexpected(words[1], after: "\(command) \(match.word)") }
        return [(path, .string(match.api))]
    }
}
