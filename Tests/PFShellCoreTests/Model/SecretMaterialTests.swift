@testable import PFShellCore
import PFShellJSON
import Testing

/// The one rule for secret material (`FieldCatalog.holdsSecret`, `isSecret(path:)`), and the
/// writers that ask it: each test of a writer would fail if it went back to a list of its own.
@Suite struct SecretMaterialTests {
    static let secretNames = [
        "secret", "encryptedSecret", "secondarySecrets", "SECRET", "clientsecret", "clientSecret", "CLIENT_SECRET",
        "password", "ADMIN_PASSWORD", "token", "access_token", "refresh_token", "PFSH_TOKEN", "API_KEY",
    ]
    static let plainNames = [
        "clientSecretRetentionPeriod", "clientSecretChangedTime", "tokenEndpointAuthSigningAlgorithm",
        "defaultAccessTokenManagerRef", "expiryTime", "name", "SECRET_FILE", "PASSWORD_ENV", "refreshTokens", "",
    ]

    @Test(arguments: secretNames) func namesHoldingSecretMaterial(_ name: String) {
        #expect(FieldCatalog.holdsSecret(key: name))
    }

    @Test(arguments: plainNames) func namesHoldingNone(_ name: String) {
        #expect(!FieldCatalog.holdsSecret(key: name))
    }

    /// The name rule and the catalog's flags agree on every field and object of the client.
    @Test func ofTheClientsFieldsOnlyTheSecretOnesHaveASecretName() {
        for field in FieldCatalog.all {
            #expect(FieldCatalog.holdsSecret(key: field.name) == field.isSecret, "\(field.path)")
            #expect(FieldCatalog.isSecret(path: field.path) == field.isSecret, "\(field.path)")
        }
        #expect(!FieldCatalog.groups.contains { FieldCatalog.holdsSecret(key: $0) })
    }

    @Test func secretPathsAsServersNameThem() {
        for path in ["secret", "encryptedSecret", "clientAuth.secret", "clientAuth.secondarySecrets[0].expiryTime",
                     "secondarySecrets[1].encryptedSecret"] {
            #expect(FieldCatalog.isSecret(path: path), "\(path)")
        }
        for path in ["clientAuth.type", "extendedParameters.secret", "extendedParameters.apiKey", "secretive", ""] {
            #expect(!FieldCatalog.isSecret(path: path), "\(path)")
        }
    }

    // MARK: - The writers

    @Test func serverMessagesPointEverySecretFieldAtSecretSet() {
        let errors: [JSONValue] = FieldCatalog.secretFields.map { ["fieldPath": .string($0.path), "message": "bad"] }
            + [["fieldPath": "clientAuth.secondarySecrets[0].expiryTime", "message": "bad"],
               ["fieldPath": "clientSecretRetentionPeriod", "message": "bad"]]
        let notes = ServerMessage.fieldNotes(APIResponse(status: 422, body: ["validationErrors": .array(errors)]))
        #expect(notes == Array(repeating: "secret (see 'secret set'): bad", count: 4) + ["clientSecretRetentionPeriod: bad"])
    }

    @Test func theTraceRedactsEveryValueUnderAKeyHoldingSecretMaterial() throws {
        let body = try JSONParser.parse(
            #"{"clientAuth":{"type":"SECRET","encryptedSecret":null,"#
                + #""secondarySecrets":[{"secret":"x","expiryTime":"2030-01-01T00:00:00Z"}]},"#
                + #""clientSecretRetentionPeriod":5,"items":[{"access_token":"t","name":"n"}]}"#)
        #expect(JSONPrinter.print(TraceRedaction.redacted(body))
            == #"{"clientAuth":{"type":"SECRET","encryptedSecret":"(redacted)","#
                + #""secondarySecrets":[{"secret":"(redacted)","expiryTime":"(redacted)"}]},"#
                + #""clientSecretRetentionPeriod":5,"items":[{"access_token":"(redacted)","name":"n"}]}"#)
    }

    @Test(arguments: secretNames.filter { !$0.isEmpty } + plainNames.filter { !$0.isEmpty })
    func theHistoryLeavesOutALetOfEverySecretName(_ name: String) {
        #expect(HistoryPolicy.shouldRecord("let \(name) value") == !FieldCatalog.holdsSecret(key: name))
    }

    @Test func theHistoryKeepsEveryOtherLine() {
        #expect(HistoryPolicy.shouldRecord("client show web"))
        #expect(HistoryPolicy.shouldRecord("let"))
        #expect(HistoryPolicy.shouldRecord("echo CLIENT_SECRET"))
        #expect(!HistoryPolicy.shouldRecord("let CLIENT_SECRET s3cret"))
    }
}
