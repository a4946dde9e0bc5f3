@testable import PFShellCore
import PFShellJSON
import Testing

@Suite struct ClientJSONTests {
    static func object(_ text: String) throws -> JSONObject {
        try #require(try JSONParser.parse(text).objectValue)
    }

    static func printed(_ object: JSONObject) -> String {
        JSONPrinter.print(.object(object))
    }

    struct MaskCase: CustomTestStringConvertible, Sendable {
        let name: String
        let client: String
        let masked: String
        var testDescription: String { name }
    }

    static let maskCases: [MaskCase] = [
        MaskCase(
            name: "every kind of secret",
            client: #"{"clientId":"a","clientAuth":{"type":"SECRET","secret":"s3cret","encryptedSecret":"OBF:JWE:x","#
                + #""secondarySecrets":[{"secret":"old","expiryTime":"2025-01-01T00:00:00Z"},"#
                + #"{"encryptedSecret":"OBF:JWE:y","expiryTime":"2025-02-01T00:00:00Z"}]},"name":"A"}"#,
            masked: #"{"clientId":"a","clientAuth":{"type":"SECRET","secret":"(set)","encryptedSecret":"(set)","#
                + #""secondarySecrets":[{"secret":"(set)","expiryTime":"2025-01-01T00:00:00Z"},"#
                + #"{"encryptedSecret":"(set)","expiryTime":"2025-02-01T00:00:00Z"}]},"name":"A"}"#
        ),
        MaskCase(
            name: "encrypted secret only",
            client: #"{"clientAuth":{"encryptedSecret":"OBF:JWE:x","type":"SECRET"}}"#,
            masked: #"{"clientAuth":{"encryptedSecret":"(set)","type":"SECRET"}}"#
        ),
        MaskCase(
            name: "empty secret string is still masked",
            client: #"{"clientAuth":{"secret":""}}"#,
            masked: #"{"clientAuth":{"secret":"(set)"}}"#
        ),
        MaskCase(
            name: "null secret stays null",
            client: #"{"clientAuth":{"type":"NONE","encryptedSecret":null,"secondarySecrets":[]}}"#,
            masked: #"{"clientAuth":{"type":"NONE","encryptedSecret":null,"secondarySecrets":[]}}"#
        ),
        MaskCase(name: "no client auth", client: #"{"clientId":"a","secret":"top-level is not secret material"}"#,
                 masked: #"{"clientId":"a","secret":"top-level is not secret material"}"#),
        MaskCase(name: "client auth not an object", client: #"{"clientAuth":"SECRET"}"#,
                 masked: #"{"clientAuth":"SECRET"}"#),
        MaskCase(name: "odd secondary entries are kept", client: #"{"clientAuth":{"secondarySecrets":["x",{"secret":1}]}}"#,
                 masked: #"{"clientAuth":{"secondarySecrets":["x",{"secret":"(set)"}]}}"#),
    ]

    @Test(arguments: maskCases) func masksSecretMaterial(_ c: MaskCase) throws {
        #expect(Self.printed(ClientJSON.masked(try Self.object(c.client))) == c.masked)
    }

    @Test func maskedText() {
        #expect(ClientJSON.maskText == "(set)")
    }

    /// Masking follows the catalog: a field it calls secret is masked whatever its value, and in a
    /// list of secrets so is every member whose name holds secret material.
    @Test(arguments: FieldCatalog.secretFields) func masksEverySecretFieldOfTheCatalog(_ field: FieldInfo) {
        let client = ClientJSON.setting("opaque", at: field.path, in: ["clientId": "a"])
        #expect(ClientJSON.value(at: field.path, in: ClientJSON.masked(client)) == "(set)")
    }

    @Test func masksTheSecretMembersOfEachSecondarySecretByTheirName() throws {
        let client = try Self.object(
            #"{"clientAuth":{"secondarySecrets":[{"clientSecret":"old","expiryTime":"2030-01-01T00:00:00Z"}]}}"#)
        #expect(Self.printed(ClientJSON.masked(client))
            == #"{"clientAuth":{"secondarySecrets":[{"clientSecret":"(set)","expiryTime":"2030-01-01T00:00:00Z"}]}}"#)
    }

    @Test func withoutSecretsDropsEverySecretFieldOfTheCatalog() {
        var client: JSONObject = ["clientId": "a", "clientAuth": ["type": "SECRET"]]
        for field in FieldCatalog.secretFields { client = ClientJSON.setting("x", at: field.path, in: client) }
        #expect(ClientJSON.withoutSecrets(client) == ["clientId": "a", "clientAuth": ["type": "SECRET"]])
    }

    @Test func aCloneCarriesNoSecretMaterialAndTheNewID() {
        var original: JSONObject = ["clientId": "a", "name": "A", "creationDate": "2024-01-01T00:00:00Z"]
        for field in FieldCatalog.secretFields { original = ClientJSON.setting("x", at: field.path, in: original) }
        #expect(ClientJSON.cloned(original, as: "b") == ["clientId": "b", "name": "A"])
    }

    struct GetCase: CustomTestStringConvertible, Sendable {
        let path: String
        let expected: JSONValue?
        var testDescription: String { path.isEmpty ? "(empty)" : path }
    }

    static let sample = #"{"name":"A","clientAuth":{"type":"SECRET"},"oidcPolicy":{"policyGroup":{"id":"p1"}},"x":null}"#

    static let getCases: [GetCase] = [
        GetCase(path: "name", expected: "A"),
        GetCase(path: "clientAuth.type", expected: "SECRET"),
        GetCase(path: "clientAuth", expected: ["type": "SECRET"]),
        GetCase(path: "oidcPolicy.policyGroup.id", expected: "p1"),
        GetCase(path: "x", expected: .null),
        GetCase(path: "clientAuth.secret", expected: nil),
        GetCase(path: "name.first", expected: nil),
        GetCase(path: "missing.type", expected: nil),
        GetCase(path: "", expected: nil),
    ]

    @Test(arguments: getCases) func valueAtDottedPath(_ c: GetCase) throws {
        #expect(ClientJSON.value(at: c.path, in: try Self.object(Self.sample)) == c.expected)
    }

    struct SetCase: CustomTestStringConvertible, Sendable {
        let name: String
        let start: String
        let path: String
        let value: JSONValue?
        let result: String
        var testDescription: String { name }
    }

    static let setCases: [SetCase] = [
        SetCase(name: "top-level member", start: "{}", path: "name", value: "x", result: #"{"name":"x"}"#),
        SetCase(name: "creates the intermediate object", start: #"{"a":1}"#, path: "clientAuth.type", value: "SECRET",
                result: #"{"a":1,"clientAuth":{"type":"SECRET"}}"#),
        SetCase(name: "creates two levels", start: "{}", path: "oidcPolicy.policyGroup.id", value: "p1",
                result: #"{"oidcPolicy":{"policyGroup":{"id":"p1"}}}"#),
        SetCase(name: "replaces in place", start: #"{"clientAuth":{"type":"NONE","x":1},"b":2}"#, path: "clientAuth.type",
                value: "SECRET", result: #"{"clientAuth":{"type":"SECRET","x":1},"b":2}"#),
        SetCase(name: "keeps key order", start: #"{"b":1,"a":2}"#, path: "b", value: 3, result: #"{"b":3,"a":2}"#),
        SetCase(name: "sets an explicit null", start: "{}", path: "x", value: .null, result: #"{"x":null}"#),
        SetCase(name: "replaces a non-object in the way", start: #"{"name":"s"}"#, path: "name.first", value: "x",
                result: #"{"name":{"first":"x"}}"#),
        SetCase(name: "unsets a nested member", start: #"{"a":1,"clientAuth":{"type":"SECRET","secret":"x"}}"#,
                path: "clientAuth.secret", value: nil, result: #"{"a":1,"clientAuth":{"type":"SECRET"}}"#),
        SetCase(name: "unsetting the last member removes the object", start: #"{"a":1,"clientAuth":{"type":"NONE"}}"#,
                path: "clientAuth.type", value: nil, result: #"{"a":1}"#),
        SetCase(name: "removes every emptied level", start: #"{"x":{"y":{"z":1}},"k":0}"#, path: "x.y.z", value: nil,
                result: #"{"k":0}"#),
        SetCase(name: "keeps a level that still has members", start: #"{"x":{"y":{"z":1},"w":2}}"#, path: "x.y.z",
                value: nil, result: #"{"x":{"w":2}}"#),
        SetCase(name: "unsetting a missing member changes nothing", start: #"{"x":{}}"#, path: "x.y", value: nil,
                result: #"{"x":{}}"#),
        SetCase(name: "unsetting under a missing object changes nothing", start: #"{"a":1}"#, path: "b.c", value: nil,
                result: #"{"a":1}"#),
        SetCase(name: "unsetting under a non-object changes nothing", start: #"{"a":1}"#, path: "a.b", value: nil,
                result: #"{"a":1}"#),
        SetCase(name: "unsets a top-level member", start: #"{"a":1,"b":2}"#, path: "a", value: nil, result: #"{"b":2}"#),
    ]

    @Test(arguments: setCases) func settingAtDottedPath(_ c: SetCase) throws {
        let result = ClientJSON.setting(c.value, at: c.path, in: try Self.object(c.start))
        #expect(Self.printed(result) == c.result)
    }
}
