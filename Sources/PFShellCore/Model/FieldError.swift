/// Why a field name or a value typed for a field was refused. Messages are lowercase, without a
/// trailing period, and quote names and values with single quotes.
public struct FieldError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// No such field; `suggestion` is the closest name, for "did you mean".
        case unknownField(suggestion: String?)
        /// The field holds secret material, which only `secret set` may stage.
        case secretField
        /// The server sets the field and ignores it on POST and PUT.
        case readOnly
        /// The value does not fit; `expected` says what would, e.g. `a boolean (true or false)`.
        case invalidValue(expected: String)
        /// The name is real but cannot take a value directly, like the object `clientAuth`.
        case notSettable
    }

    /// The field (or shell command, for command words) the error is about.
    public let field: String
    /// The text that was refused; nil when the error is about the name or a missing value.
    public let value: String?
    public let kind: Kind
    public var message: String

    /// An error with the standard message for its kind, unless `message` is given.
    public init(field: String, value: String?, kind: Kind, message: String? = nil) {
        self.field = field
        self.value = value
        self.kind = kind
        self.message = message ?? Self.standardMessage(field: field, value: value, kind: kind)
    }

    private static func standardMessage(field: String, value: String?, kind: Kind) -> String {
        switch kind {
        case .unknownField(let suggestion?):
            "unknown field '\(field)'; did you mean '\(suggestion)'?"
        case .unknownField(nil):
            "unknown field '\(field)'"
        case .secretField:
            "'\(field)' holds secret material; use 'secret set' instead"
        case .readOnly:
            "'\(field)' is read-only; the server sets it"
        case .invalidValue(let expected):
            if let value { "'\(value)' is not \(expected)" } else { "'\(field)' needs \(expected)" }
        case .notSettable:
            "'\(field)' cannot be set directly"
        }
    }
}

extension FieldError {
    /// A value outside an enumeration: `'X' is not a valid value for 'F'; expected one of A, B`.
    static func notOneOf(_ allowed: [String], field: String, value: String) -> FieldError {
        let expected = "one of " + allowed.joined(separator: ", ")
        return FieldError(
            field: field, value: value, kind: .invalidValue(expected: expected),
            message: "'\(value)' is not a valid value for '\(field)'; expected \(expected)"
        )
    }
}

extension FieldError {
    /// A word left over after a complete command: `unexpected 'now' after 'refresh-rolling roll'`.
    static func unexpected(_ word: String, after command: String) -> FieldError {
        FieldError(
            field: command, value: word, kind: .invalidValue(expected: "nothing more"),
            message: "unexpected '\(word)' after '\(command)'"
        )
    }
}

extension FieldError {
    /// A secret field named to `set` or `unset`; `unset` words it without "instead", as it always has.
    static func secretField(_ path: String, change: FieldCatalog.Change) -> FieldError {
        let message = change == .unset ? "'\(path)' holds secret material; use 'secret set'" : nil
        return FieldError(field: path, value: nil, kind: .secretField, message: message)
    }
}
