import PFShellJSON
import Testing

@testable import PFShellEmulator

/// `--reorder-sets`: set-like lists come back in the server's order, not the order sent.
@Suite struct ReorderSetsTests {
    static let body: JSONValue = [
        "clientId": "web", "name": "Web", "grantTypes": ["REFRESH_TOKEN", "CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"],
        "clientAuth": ["type": "SECRET", "secret": "s"], "restrictScopes": true,
        "restrictedScopes": ["profile", "email", "openid"], "exclusiveScopes": ["write", "admin"],
        "restrictedResponseTypes": ["token", "code"], "persistentGrantReuseType": "OVERRIDE_SERVER_DEFAULT",
        "persistentGrantReuseGrantTypes": ["RESOURCE_OWNER_CREDENTIALS", "IMPLICIT"],
        "redirectUris": ["https://b.example/cb", "https://a.example/cb"],
    ]

    @Test func theServerKeepsItsOwnOrder() {
        let reply = EmulatorHarness(configuration: .init(reorderSets: true)).create(Self.body)
        #expect(reply["grantTypes"] == ["AUTHORIZATION_CODE", "CLIENT_CREDENTIALS", "REFRESH_TOKEN"])
        #expect(reply["persistentGrantReuseGrantTypes"] == ["IMPLICIT", "RESOURCE_OWNER_CREDENTIALS"])
        #expect(reply["restrictedScopes"] == ["email", "openid", "profile"])
        #expect(reply["exclusiveScopes"] == ["admin", "write"])
        #expect(reply["restrictedResponseTypes"] == ["code", "token"])
        #expect(reply["redirectUris"] == Self.body["redirectUris"], "an ordered list keeps its order")
    }

    @Test func aPutIsReorderedToo() {
        let harness = EmulatorHarness(configuration: .init(reorderSets: true))
        harness.create(Self.body)
        let put = harness.send("PUT", "/oauth/clients/web", body: Sample.with(Self.body, "grantTypes", ["REFRESH_TOKEN", "IMPLICIT"]))
        #expect(put["grantTypes"] == ["IMPLICIT", "REFRESH_TOKEN"])
    }

    @Test func withoutTheOptionListsKeepTheOrderSent() {
        let reply = EmulatorHarness().create(Self.body)
        for key in ["grantTypes", "restrictedScopes", "exclusiveScopes", "restrictedResponseTypes", "persistentGrantReuseGrantTypes"] {
            #expect(reply[key] == Self.body[key], "\(key)")
        }
    }
}
