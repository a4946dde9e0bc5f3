/// One entry of an `ApiResult`'s `validationErrors`: what is wrong and at which field.
public struct ValidationIssue: Sendable, Equatable {
    public let errorId: String
    public let message: String
    /// A dotted, indexed path into the request body, e.g. `clientAuth.secret` or `redirectUris[1]`.
    public let fieldPath: String

    static func invalidValue(_ path: String, _ message: String) -> ValidationIssue {
        ValidationIssue(errorId: "invalid_value", message: message, fieldPath: path)
    }

    static func required(_ path: String) -> ValidationIssue {
        ValidationIssue(errorId: "required_field_missing", message: "The field '\(path)' is required.", fieldPath: path)
    }
}
