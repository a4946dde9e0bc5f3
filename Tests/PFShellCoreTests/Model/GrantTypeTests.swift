@testable import PFShellCore
import Testing

@Suite struct GrantTypeTests {
    struct Spelling: CustomTestStringConvertible, Sendable {
        let text: String
        let expected: GrantType
        var testDescription: String { text }
    }

    static let spellings: [Spelling] = [
        Spelling(text: "AUTHORIZATION_CODE", expected: .authorizationCode),
        Spelling(text: "authorization_code", expected: .authorizationCode),
        Spelling(text: "Authorization-Code", expected: .authorizationCode),
        Spelling(text: "authorization-code", expected: .authorizationCode),
        Spelling(text: "implicit", expected: .implicit),
        Spelling(text: "IMPLICIT", expected: .implicit),
        Spelling(text: "resource-owner-credentials", expected: .resourceOwnerCredentials),
        Spelling(text: "RESOURCE_OWNER_CREDENTIALS", expected: .resourceOwnerCredentials),
        Spelling(text: "password", expected: .resourceOwnerCredentials),
        Spelling(text: "PASSWORD", expected: .resourceOwnerCredentials),
        Spelling(text: "client-credentials", expected: .clientCredentials),
        Spelling(text: "Client_Credentials", expected: .clientCredentials),
        Spelling(text: "refresh-token", expected: .refreshToken),
        Spelling(text: "REFRESH_TOKEN", expected: .refreshToken),
        Spelling(text: "extension", expected: .extension),
        Spelling(text: "EXTENSION", expected: .extension),
        Spelling(text: "device-code", expected: .deviceCode),
        Spelling(text: "DEVICE_CODE", expected: .deviceCode),
        Spelling(text: "access-token-validation", expected: .accessTokenValidation),
        Spelling(text: "Access_Token-Validation", expected: .accessTokenValidation),
        Spelling(text: "ciba", expected: .ciba),
        Spelling(text: "CIBA", expected: .ciba),
        Spelling(text: "token-exchange", expected: .tokenExchange),
        Spelling(text: "TOKEN_EXCHANGE", expected: .tokenExchange),
        Spelling(text: " ciba ", expected: .ciba),
    ]

    @Test(arguments: spellings) func parsesEverySpelling(_ c: Spelling) throws {
        #expect(try GrantType.parse(c.text) == c.expected)
    }

    @Test func tenGrantTypesWithAPIAndReadableNames() {
        #expect(GrantType.all.map(\.apiName) == [
            "AUTHORIZATION_CODE", "IMPLICIT", "RESOURCE_OWNER_CREDENTIALS", "CLIENT_CREDENTIALS", "REFRESH_TOKEN",
            "EXTENSION", "DEVICE_CODE", "ACCESS_TOKEN_VALIDATION", "CIBA", "TOKEN_EXCHANGE",
        ])
        #expect(GrantType.all.map(\.readableName) == [
            "authorization-code", "implicit", "resource-owner-credentials", "client-credentials", "refresh-token",
            "extension", "device-code", "access-token-validation", "ciba", "token-exchange",
        ])
    }

    @Test func apiNamesAreTheSpecsEnum() {
        let spec: Set = [
            "IMPLICIT", "AUTHORIZATION_CODE", "RESOURCE_OWNER_CREDENTIALS", "CLIENT_CREDENTIALS", "REFRESH_TOKEN",
            "EXTENSION", "DEVICE_CODE", "ACCESS_TOKEN_VALIDATION", "CIBA", "TOKEN_EXCHANGE",
        ]
        #expect(Set(GrantType.all.map(\.apiName)) == spec)
    }

    static let readableList = "authorization-code, implicit, resource-owner-credentials, client-credentials, "
        + "refresh-token, extension, device-code, access-token-validation, ciba, token-exchange"

    @Test(arguments: ["authorization code", "code", "", "client-credential", "refresh--token", "pass_word"])
    func refusesOtherWords(_ text: String) {
        let expected = "one of \(Self.readableList)"
        #expect(throws: FieldError(
            field: "grantTypes", value: text, kind: .invalidValue(expected: expected),
            message: "'\(text)' is not a grant type; expected \(expected)"
        )) { try GrantType.parse(text) }
    }

    @Test func errorNamesTheFieldGiven() {
        do {
            _ = try GrantType.parse("x", field: "persistentGrantReuseGrantTypes")
            Issue.record("'x' was read as a grant type")
        } catch {
            #expect(error.field == "persistentGrantReuseGrantTypes")
        }
    }
}
