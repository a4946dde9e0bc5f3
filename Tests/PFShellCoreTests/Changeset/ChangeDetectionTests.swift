@testable import PFShellCore
import PFShellJSON
import Testing

/// Set-like lists compare without order; ordered ones with it.
@Suite struct SetLikeComparisonTests {
    static let base: JSONObject = [
        "clientId": "web", "name": "Web", "grantTypes": ["REFRESH_TOKEN", "AUTHORIZATION_CODE"],
        "restrictedScopes": ["openid", "profile"], "redirectUris": ["https://a.example/cb", "https://b.example/cb"],
    ]

    static func client(_ path: String, _ value: JSONValue) -> JSONObject {
        ClientJSON.setting(value, at: path, in: base)
    }

    static let reorderings: [(path: String, items: [String])] = [
        ("grantTypes", ["AUTHORIZATION_CODE", "REFRESH_TOKEN"]), ("restrictedScopes", ["profile", "openid"]),
    ]

    @Test func aReorderedSetIsNoDifference() {
        for (path, items) in Self.reorderings {
            let reordered = Self.client(path, .array(items.map(JSONValue.string)))
            #expect(reordered[path] != Self.base[path])
            #expect(ClientComparison.differences(Self.base, reordered).isEmpty, "\(path)")
        }
    }

    @Test func everySetLikeListIsACatalogField() {
        for path in FieldCatalog.unorderedLists { #expect(FieldCatalog.field(path) != nil, "\(path)") }
    }

    @Test func setsWithOtherItemsDiffer() {
        let changed = Self.client("grantTypes", ["AUTHORIZATION_CODE", "IMPLICIT"])
        #expect(ClientComparison.differences(Self.base, changed).map(\.path) == ["grantTypes"])
        let longer = Self.client("grantTypes", ["AUTHORIZATION_CODE", "REFRESH_TOKEN", "REFRESH_TOKEN"])
        #expect(ClientComparison.differences(Self.base, longer).map(\.path) == ["grantTypes"])
    }

    @Test func redirectURIsKeepTheirOrder() {
        let swapped = Self.client("redirectUris", ["https://b.example/cb", "https://a.example/cb"])
        #expect(ClientComparison.differences(Self.base, swapped).map(\.path) == ["redirectUris"])
    }

    @Test func aStagedReorderIsNothingToCommit() {
        var staged = StagedClient(
            clientId: "web", action: .update, base: Self.base, current: Self.base, stagedAt: nil, order: 0)
        staged.current = Self.client("grantTypes", ["AUTHORIZATION_CODE", "REFRESH_TOKEN"])
        #expect(!staged.hasChanges)
        #expect(ClientDiff.lines(staged) == ["~ client web"])
    }
}

/// A commit holds only problems the change brings: what the server already accepted is its business.
@Suite struct IntroducedProblemTests {
    /// A client the server holds although pfsh's own rules object to it (restricted scopes without
    /// `restrictScopes`).
    static let serverCopy: JSONObject = [
        "clientId": "legacy", "name": "Legacy", "grantTypes": ["IMPLICIT"], "restrictScopes": false,
        "restrictedScopes": ["openid"],
    ]

    static func staged(_ action: StagedClient.Action, _ current: JSONObject) -> StagedClient {
        StagedClient(
            clientId: "legacy", action: action, base: action == .create ? nil : serverCopy, current: current,
            stagedAt: nil, order: 0)
    }

    @Test func aProblemTheServerCopyHadIsNotReported() {
        let edited = ClientJSON.setting("edited", at: "description", in: Self.serverCopy)
        #expect(ClientChecks.check(edited, hasSecret: false).map(\.field) == ["restrictedScopes"])
        #expect(Self.staged(.update, edited).introducedProblems == [])
    }

    @Test func aProblemTheChangeBringsIsReported() {
        let edited = ClientJSON.setting(["https://app.example.com/cb#frag"], at: "redirectUris", in: Self.serverCopy)
        #expect(Self.staged(.update, edited).introducedProblems.map(\.field) == ["redirectUris"])
    }

    @Test func aNewClientIsCheckedWhole() {
        #expect(Self.staged(.create, Self.serverCopy).introducedProblems.map(\.field) == ["restrictedScopes"])
    }
}

/// What a `PUT` carries back: the server's secret material, from its latest copy.
@Suite struct EchoedSecretTests {
    static let serverCopy: JSONObject = [
        "clientId": "svc", "name": "Svc", "grantTypes": ["CLIENT_CREDENTIALS"],
        "clientAuth": [
            "type": "SECRET", "encryptedSecret": "OBF:JWE:current",
            "secondarySecrets": [["encryptedSecret": "OBF:JWE:older", "expiryTime": "2030-01-01T00:00:00.000Z"]],
        ],
    ]

    static func staged(newSecret: String? = nil) -> StagedClient {
        var client = StagedClient(
            clientId: "svc", action: .update, base: serverCopy,
            current: ClientJSON.setting("edited", at: "description", in: serverCopy), stagedAt: nil, order: 0)
        client.newSecret = newSecret
        return client
    }

    @Test func secondarySecretsAreSentBackAsTheServerReturnedThem() {
        let body = CommitRequests.body(Self.staged(), serverCopy: Self.serverCopy)
        #expect(body["clientAuth"]?["secondarySecrets"] == Self.serverCopy["clientAuth"]?["secondarySecrets"])
        #expect(body["clientAuth"]?["encryptedSecret"] == "OBF:JWE:current")
    }

    @Test func theyComeFromTheLatestServerCopyNotTheStagedOne() {
        let latest = ClientJSON.setting([], at: "clientAuth.secondarySecrets", in: Self.serverCopy)
        let body = CommitRequests.body(Self.staged(), serverCopy: latest)
        #expect(body["clientAuth"]?["secondarySecrets"] == [])
    }

    @Test func aNewSecretStillKeepsThem() {
        let body = CommitRequests.body(Self.staged(newSecret: "fresh"), serverCopy: Self.serverCopy)
        #expect(body["clientAuth"]?["secret"] == "fresh")
        #expect(body["clientAuth"]?["encryptedSecret"] == nil)
        #expect(body["clientAuth"]?["secondarySecrets"]?.arrayValue?.count == 1)
    }

    @Test func theyAreNeitherDiffedNorPrintedInClear() {
        var client = Self.staged()
        client.current = ClientJSON.setting([], at: "clientAuth.secondarySecrets", in: client.current)
        #expect(!ClientDiff.lines(client).joined().contains("secondarySecrets"))
        let dryRun = CommitRequests.describe(Self.staged()).joined(separator: "\n")
        #expect(dryRun.contains("secondarySecrets"))
        #expect(!dryRun.contains("OBF:JWE:"))
    }

    /// Every field the catalog calls secret comes from the server's copy, never the staged one.
    @Test func everySecretFieldIsEchoedFromTheServerCopy() {
        var staged = Self.staged()
        var server = Self.serverCopy
        for field in FieldCatalog.secretFields {
            staged.current = ClientJSON.setting("staged", at: field.path, in: staged.current)
            server = ClientJSON.setting("server", at: field.path, in: server)
        }
        let body = CommitRequests.body(staged, serverCopy: server)
        for field in FieldCatalog.secretFields {
            #expect(ClientJSON.value(at: field.path, in: body) == "server", "\(field.path)")
        }
        let bodyWithoutServerCopy = CommitRequests.body(staged, serverCopy: nil)
        #expect(FieldCatalog.secretFields.allSatisfy { ClientJSON.value(at: $0.path, in: bodyWithoutServerCopy) == nil })
    }
}
