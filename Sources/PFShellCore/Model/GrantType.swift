/// An OAuth grant type as the 12.1 API names it (`AUTHORIZATION_CODE`), with the readable
/// name the shell shows and reads (`authorization-code`).
public enum GrantType: String, Sendable, Equatable, CaseIterable {
    case authorizationCode = "AUTHORIZATION_CODE"
    case implicit = "IMPLICIT"
    case resourceOwnerCredentials = "RESOURCE_OWNER_CREDENTIALS"
    case clientCredentials = "CLIENT_CREDENTIALS"
    case refreshToken = "REFRESH_TOKEN"
    /// SAML and JWT assertion grants.
    case `extension` = "EXTENSION"
    case deviceCode = "DEVICE_CODE"
    case accessTokenValidation = "ACCESS_TOKEN_VALIDATION"
    case ciba = "CIBA"
    case tokenExchange = "TOKEN_EXCHANGE"

    /// Every grant type, most common first.
    public static let all: [GrantType] = allCases

    /// Extra readable spellings, beyond the API and readable names.
    private static let aliases: [String: GrantType] = ["password": .resourceOwnerCredentials]

    /// Readable names and aliases, looked up once per word of every `grants` line of a script.
    private static let byKey: [String: GrantType] = Dictionary(
        all.map { ($0.readableName, $0) } + aliases.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })

    /// The name the API uses.
    public var apiName: String { rawValue }

    /// The lowercase, dash-separated name: `refresh-token`.
    public var readableName: String {
        ModelText.wordKey(rawValue)
    }

    /// Reads either form in any case, with dashes or underscores: `AUTHORIZATION_CODE`,
    /// `authorization_code`, `Authorization-Code`, and `password` for resource-owner-credentials.
    public static func parse(_ text: String, field: String = "grantTypes") throws(FieldError) -> GrantType {
        if let match = byKey[ModelText.wordKey(text)] { return match }
        let expected = "one of " + all.map(\.readableName).joined(separator: ", ")
        throw FieldError(
            field: field, value: text, kind: .invalidValue(expected: expected),
            message: "'\(text)' is not a grant type; expected \(expected)"
        )
    }
}
