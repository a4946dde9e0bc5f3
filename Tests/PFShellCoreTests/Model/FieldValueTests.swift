@testable import PFShellCore
import PFShellJSON
import Testing

@Suite struct FieldValueTests {
    struct Parsed: CustomTestStringConvertible, Sendable {
        let path: String
        let text: String
        let expected: JSONValue
        var testDescription: String { "\(path) \(text.debugDescription)" }
    }

    static let parsed: [Parsed] = [
        // string
        Parsed(path: "name", text: "My App", expected: "My App"),
        Parsed(path: "description", text: "", expected: ""),
        Parsed(path: "jwksSettings.jwks", text: #"{"keys":[]}"#, expected: #"{"keys":[]}"#),
        // uri
        Parsed(path: "logoUrl", text: "https://cdn.example.com/logo.png", expected: "https://cdn.example.com/logo.png"),
        Parsed(path: "cibaNotificationEndpoint", text: "http://ciba.example.com:8080/notify",
               expected: "http://ciba.example.com:8080/notify"),
        // boolean
        Parsed(path: "enabled", text: "true", expected: true),
        Parsed(path: "enabled", text: "YES", expected: true),
        Parsed(path: "enabled", text: "on", expected: true),
        Parsed(path: "enabled", text: "False", expected: false),
        Parsed(path: "enabled", text: "no", expected: false),
        Parsed(path: "oidcPolicy.pairwiseIdentifierUserType", text: "OFF", expected: false),
        // integer
        Parsed(path: "cibaPollingInterval", text: "3", expected: 3),
        Parsed(path: "cibaPollingInterval", text: "2147483647", expected: 2_147_483_647),
        Parsed(path: "cibaPollingInterval", text: "-2147483648", expected: -2_147_483_648),
        Parsed(path: "persistentGrantExpirationTime", text: "-1", expected: -1),
        Parsed(path: "persistentGrantExpirationTime", text: "9223372036854775807", expected: .int(Int64.max)),
        // enumeration
        Parsed(path: "refreshRolling", text: "roll", expected: "ROLL"),
        Parsed(path: "refreshRolling", text: "Dont_Roll", expected: "DONT_ROLL"),
        Parsed(path: "refreshRolling", text: "server-default", expected: "SERVER_DEFAULT"),
        Parsed(path: "oidcPolicy.idTokenSigningAlgorithm", text: "rs256", expected: "RS256"),
        Parsed(path: "clientAuth.type", text: "Private-Key-JWT", expected: "PRIVATE_KEY_JWT"),
        Parsed(path: "tokenIntrospectionEncryptionAlgorithm", text: "ecdh_es_a128kw", expected: "ECDH_ES_A128KW"),
        // string list
        Parsed(path: "restrictedScopes", text: "openid, profile,email", expected: ["openid", "profile", "email"]),
        Parsed(path: "restrictedScopes", text: #"["a", "b", "a"]"#, expected: ["a", "b"]),
        Parsed(path: "restrictedResponseTypes", text: #"["code token","code"]"#, expected: ["code token", "code"]),
        Parsed(path: "exclusiveScopes", text: "", expected: []),
        Parsed(path: "exclusiveScopes", text: "[]", expected: []),
        // uri list
        Parsed(path: "redirectUris", text: "https://a.example.com/cb,https://*.example.com/*",
               expected: ["https://a.example.com/cb", "https://*.example.com/*"]),
        Parsed(path: "redirectUris", text: #"["com.example.app:/cb"]"#, expected: ["com.example.app:/cb"]),
        Parsed(path: "oidcPolicy.postLogoutRedirectUris", text: "http://app.example.com/bye",
               expected: ["http://app.example.com/bye"]),
        // grant types
        Parsed(path: "grantTypes", text: "authorization-code,refresh_token,CLIENT_CREDENTIALS,password",
               expected: ["AUTHORIZATION_CODE", "REFRESH_TOKEN", "CLIENT_CREDENTIALS", "RESOURCE_OWNER_CREDENTIALS"]),
        Parsed(path: "grantTypes", text: #"["ciba", "CIBA", "Token-Exchange"]"#, expected: ["CIBA", "TOKEN_EXCHANGE"]),
        Parsed(path: "persistentGrantReuseGrantTypes", text: "implicit", expected: ["IMPLICIT"]),
        // reference
        Parsed(path: "defaultAccessTokenManagerRef", text: "jwtATM", expected: ["id": "jwtATM"]),
        Parsed(path: "oidcPolicy.policyGroup", text: " default-policy ", expected: ["id": "default-policy"]),
        Parsed(path: "requestPolicyRef", text: #"{"id":"ciba1","location":"https://pf/x"}"#, expected: ["id": "ciba1"]),
        // extended parameters
        Parsed(path: "extendedParameters", text: #"{"team":["blue","red"],"tier":"gold","x":{"values":["1"]}}"#,
               expected: ["team": ["values": ["blue", "red"]], "tier": ["values": ["gold"]], "x": ["values": ["1"]]]),
        Parsed(path: "extendedParameters", text: "{}", expected: .object(JSONObject())),
    ]

    @Test(arguments: parsed) func parses(_ c: Parsed) throws {
        #expect(try FieldValue.parse(c.text, at: c.path) == c.expected)
    }

    @Test func jsonKindTakesAnyJSON() throws {
        let field = FieldInfo(path: "custom", kind: .json, summary: "test field")
        #expect(try FieldValue.parse(#"[1, {"a": null}]"#, for: field) == [1, ["a": nil]])
        #expect(throws: FieldError(
            field: "custom", value: "{a", kind: .invalidValue(expected: "JSON text"),
            message: "'{a' is not valid JSON (1:2: expected a string key, found 'a')"
        )) { try FieldValue.parse("{a", for: field) }
    }

    @Test func extendedParametersKeepOrder() throws {
        let value = try FieldValue.parse(#"{"zeta":"1","alpha":"2"}"#, at: "extendedParameters")
        #expect(JSONPrinter.print(value) == #"{"zeta":{"values":["1"]},"alpha":{"values":["2"]}}"#)
    }

    struct Refused: CustomTestStringConvertible, Sendable {
        let path: String
        let text: String
        let kind: FieldError.Kind
        let message: String
        /// The refused text when it is one item of a list rather than the whole text.
        var item: String?
        var testDescription: String { "\(path) \(text.debugDescription)" }
    }

    static let idTokenAlgorithms =
        "one of NONE, HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384, PS512"
    static let int32Range = "a whole number from -2147483648 to 2147483647"
    static let jarray = "a JSON array of strings"
    static let absoluteURL = "an absolute http or https URL"
    static let resourceID = "a resource id"
    static let parameters = #"a JSON object of parameter names to values, e.g. '{"team": ["blue"]}'"#
    static let grantNames = "one of authorization-code, implicit, resource-owner-credentials, client-credentials, "
        + "refresh-token, extension, device-code, access-token-validation, ciba, token-exchange"

    static let refused: [Refused] = [
        Refused(path: "enabled", text: "maybe", kind: .invalidValue(expected: "a boolean (true or false)"),
                message: "'maybe' is not a boolean (true or false)"),
        Refused(path: "enabled", text: "", kind: .invalidValue(expected: "a boolean (true or false)"),
                message: "'' is not a boolean (true or false)"),
        Refused(path: "cibaPollingInterval", text: "2147483648", kind: .invalidValue(expected: int32Range),
                message: "'2147483648' is not \(int32Range)"),
        Refused(path: "cibaPollingInterval", text: "3.5", kind: .invalidValue(expected: int32Range),
                message: "'3.5' is not \(int32Range)"),
        Refused(path: "persistentGrantExpirationTime", text: "9223372036854775808",
                kind: .invalidValue(expected: "a whole number that fits in 64 bits"),
                message: "'9223372036854775808' is not a whole number that fits in 64 bits"),
        Refused(path: "persistentGrantExpirationTime", text: "ten",
                kind: .invalidValue(expected: "a whole number that fits in 64 bits"),
                message: "'ten' is not a whole number that fits in 64 bits"),
        Refused(path: "oidcPolicy.idTokenSigningAlgorithm", text: "RS999", kind: .invalidValue(expected: idTokenAlgorithms),
                message: "'RS999' is not a valid value for 'oidcPolicy.idTokenSigningAlgorithm'; expected "
                    + "one of NONE, HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384, PS512"),
        Refused(path: "refreshRolling", text: "sometimes",
                kind: .invalidValue(expected: "one of SERVER_DEFAULT, DONT_ROLL, ROLL"),
                message: "'sometimes' is not a valid value for 'refreshRolling'; expected one of SERVER_DEFAULT, DONT_ROLL, ROLL"),
        Refused(path: "logoUrl", text: "/logo.png", kind: .invalidValue(expected: absoluteURL),
                message: "'/logo.png' is not an absolute http or https URL"),
        Refused(path: "logoUrl", text: "ftp://example.com/logo.png", kind: .invalidValue(expected: absoluteURL),
                message: "'ftp://example.com/logo.png' is not an absolute http or https URL"),
        Refused(path: "logoUrl", text: "https://*.example.com/logo.png", kind: .invalidValue(expected: absoluteURL),
                message: "'https://*.example.com/logo.png' is not an absolute http or https URL"),
        Refused(path: "logoUrl", text: "https:///logo.png", kind: .invalidValue(expected: absoluteURL),
                message: "'https:///logo.png' is not an absolute http or https URL"),
        Refused(path: "jwksSettings.jwksUrl", text: "https://keys.example.com/a b", kind: .invalidValue(expected: absoluteURL),
                message: "'https://keys.example.com/a b' is not an absolute http or https URL"),
        Refused(path: "restrictedScopes", text: "a,,b",
                kind: .invalidValue(expected: "a comma-separated list without empty items"),
                message: "'a,,b' is not a comma-separated list without empty items"),
        Refused(path: "restrictedScopes", text: #"["a",1]"#, kind: .invalidValue(expected: jarray),
                message: #"'["a",1]' is not a JSON array of strings"#),
        Refused(path: "restrictedScopes", text: "[unclosed", kind: .invalidValue(expected: jarray),
                message: "'[unclosed' is not a JSON array of strings"),
        Refused(path: "redirectUris", text: "https://ok.example.com/cb,/relative",
                kind: .invalidValue(expected: "an absolute URI"),
                message: "'/relative' is not a valid redirect URI: it must be absolute, e.g. 'https://app.example.com/callback'",
                item: "/relative"),
        Refused(path: "oidcPolicy.logoutUris", text: "https://a.example.com/out#x",
                kind: .invalidValue(expected: "an absolute URI"),
                message: "'https://a.example.com/out#x' is not a valid redirect URI: it must not contain a fragment ('#')"),
        Refused(path: "grantTypes", text: "authorization-code,bogus", kind: .invalidValue(expected: grantNames),
                message: "'bogus' is not a grant type; expected \(grantNames)", item: "bogus"),
        Refused(path: "persistentGrantReuseGrantTypes", text: "code", kind: .invalidValue(expected: grantNames),
                message: "'code' is not a grant type; expected \(grantNames)"),
        Refused(path: "defaultAccessTokenManagerRef", text: "", kind: .invalidValue(expected: resourceID),
                message: "'' is not a resource id"),
        Refused(path: "defaultAccessTokenManagerRef", text: "two words", kind: .invalidValue(expected: resourceID),
                message: "'two words' is not a resource id"),
        Refused(path: "oidcPolicy.policyGroup", text: #"{"name":"x"}"#, kind: .invalidValue(expected: resourceID),
                message: #"'{"name":"x"}' is not a resource id"#),
        Refused(path: "extendedParameters", text: #"{"team":[]}"#, kind: .invalidValue(expected: parameters),
                message: #"'{"team":[]}' is not \#(parameters)"#),
        Refused(path: "extendedParameters", text: #"["x"]"#, kind: .invalidValue(expected: parameters),
                message: #"'["x"]' is not \#(parameters)"#),
        Refused(path: "extendedParameters", text: #"{"team":[1]}"#, kind: .invalidValue(expected: parameters),
                message: #"'{"team":[1]}' is not \#(parameters)"#),
        Refused(path: "clientAuth.secret", text: "s3cret", kind: .secretField,
                message: "'clientAuth.secret' holds secret material; use 'secret set' instead"),
        Refused(path: "clientAuth.encryptedSecret", text: "OBF:x", kind: .secretField,
                message: "'clientAuth.encryptedSecret' holds secret material; use 'secret set' instead"),
        Refused(path: "creationDate", text: "2024-01-01T00:00:00Z", kind: .readOnly,
                message: "'creationDate' is read-only; the server sets it"),
        Refused(path: "replicationStatus", text: "REPLICATED", kind: .readOnly,
                message: "'replicationStatus' is read-only; the server sets it"),
    ]

    @Test(arguments: refused) func refuses(_ c: Refused) throws {
        let field = try #require(FieldCatalog.field(c.path))
        #expect(throws: FieldError(field: c.path, value: c.item ?? c.text, kind: c.kind, message: c.message)) {
            try FieldValue.parse(c.text, for: field)
        }
    }

    @Test func parseAtPathRefusesUnknownNames() {
        #expect(throws: FieldError(field: "grantType", value: nil, kind: .unknownField(suggestion: "grantTypes"))) {
            try FieldValue.parse("implicit", at: "grantType")
        }
    }

    @Test func secretFieldsAreRefusedWhateverTheirKind() throws {
        let field = try #require(FieldCatalog.field("clientAuth.secondarySecrets"))
        #expect(throws: FieldError(field: field.path, value: "[]", kind: .secretField)) {
            try FieldValue.parse("[]", for: field)
        }
    }

    /// A value every kind accepts: each settable field of the catalog takes it.
    static func sample(for kind: FieldKind) -> (text: String, value: JSONValue) {
        switch kind {
        case .string: ("text", "text")
        case .uri: ("https://example.com/x", "https://example.com/x")
        case .boolean: ("yes", true)
        case .integer: ("42", 42)
        case .enumeration(let values): (values.last?.lowercased() ?? "", .string(values.last ?? ""))
        case .stringList: ("a,b", ["a", "b"])
        case .uriList: ("https://example.com/cb", ["https://example.com/cb"])
        case .grantTypes: ("ciba", ["CIBA"])
        case .reference: ("ref1", ["id": "ref1"])
        case .extendedParameters: (#"{"p":"v"}"#, ["p": ["values": ["v"]]])
        case .json: ("null", nil)
        }
    }

    @Test func everySettableFieldTakesASampleOfItsKind() throws {
        for field in FieldCatalog.all where field.isSettable {
            let sample = Self.sample(for: field.kind)
            #expect(try FieldValue.parse(sample.text, for: field) == sample.value, "\(field.path)")
        }
    }

    @Test func warningsForPlainHTTPRedirects() throws {
        let field = try #require(FieldCatalog.field("redirectUris"))
        let value: JSONValue = ["http://app.example.com/cb", "https://app.example.com/cb", "http://localhost:8080/cb"]
        #expect(FieldValue.warnings(for: value, in: field) == [RedirectURI.Warning(
            uri: "http://app.example.com/cb",
            message: "plain http redirect 'http://app.example.com/cb' exposes the authorization code"
        )])
        let logo = try #require(FieldCatalog.field("logoUrl"))
        #expect(FieldValue.warnings(for: "http://app.example.com/logo", in: logo) == [])
    }
}
