import PFShellJSON

/// `--seed demo`: what a new user finds in the sandbox: an access token manager, an OpenID Connect
/// policy, one client metadata parameter, the scopes `openid`, `profile` and `THINGWORX` (the one
/// ThingWorx as a resource server expects) and three clients of the common kinds. Demo secrets are
/// random; nobody needs to know them.
public enum DemoSeed {
    public static func state(now: Int64, random: @Sendable (Int) -> [UInt8]) -> EmulatorState {
        var state = EmulatorState(sealingKey: random(32))
        state.accessTokenManagers = [accessTokenManager]
        state.oidcPolicies = [oidcPolicy]
        state.clientMetadata = [["parameter": "department", "description": "Owning department", "multiValued": false]]
        state.scopes = scopes
        for (index, fields) in clients.enumerated() {
            let time = now - Int64(clients.count - index) * 60_000
            let hasSecret = fields["clientAuth"]?["type"]?.stringValue == "SECRET"
            let client = StoredClient(
                fields: ClientDefaults.apply(to: fields), secret: hasSecret ? secret(random) : nil,
                creationDate: time, modificationDate: time, clientSecretChangedTime: hasSecret ? time : nil)
            state.clients[client.clientId] = client
        }
        return state
    }

    private static func secret(_ random: @Sendable (Int) -> [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
        return String(random(32).map { alphabet[Int($0) % alphabet.count] })
    }

    static let scopes: [JSONObject] = [
        Fixtures.scope("openid", "Sign the user in (OpenID Connect)"),
        Fixtures.scope("profile", "The user's basic profile"),
        Fixtures.scope("THINGWORX", "Access to ThingWorx as a resource server"),
    ]

    static let accessTokenManager: JSONObject = [
        "id": "default-atm",
        "name": "Default JWT access tokens",
        "pluginDescriptorRef": ["id": "com.pingidentity.pf.access.token.management.plugins.JwtBearerAccessTokenManagementPlugin"],
        "configuration": ["tables": [], "fields": [["name": "Token Lifetime", "value": "120"]]],
        "attributeContract": ["coreAttributes": [], "extendedAttributes": [["name": "sub", "multiValued": false]]],
        "sequenceNumber": 1,
    ]

    static let oidcPolicy: JSONObject = [
        "id": "default-oidc",
        "name": "Default OpenID Connect policy",
        "accessTokenManagerRef": ["id": "default-atm"],
        "idTokenLifetime": 5,
        "includeSriInIdToken": false,
        "includeUserInfoInIdToken": false,
        "attributeContract": ["coreAttributes": [["name": "sub", "multiValued": false]], "extendedAttributes": []],
        "attributeMapping": [
            "attributeSources": [],
            "attributeContractFulfillment": ["sub": ["source": ["type": "TOKEN"], "value": "sub"]],
        ],
    ]

    static let clients: [JSONObject] = [
        [
            "clientId": "demo-portal", "name": "Demo portal", "description": "A web application signing users in",
            "redirectUris": ["https://portal.example.com/oauth/callback"],
            "grantTypes": ["AUTHORIZATION_CODE", "REFRESH_TOKEN"],
            "clientAuth": ["type": "SECRET"],
            "defaultAccessTokenManagerRef": ["id": "default-atm"],
            "oidcPolicy": ["policyGroup": ["id": "default-oidc"]],
        ],
        [
            "clientId": "demo-batch", "name": "Demo batch job", "description": "A service calling APIs as itself",
            "grantTypes": ["CLIENT_CREDENTIALS"],
            "clientAuth": ["type": "SECRET"],
        ],
        [
            "clientId": "demo-mobile", "name": "Demo mobile app", "description": "A public client using PKCE",
            "redirectUris": ["com.example.demo:/oauth2redirect"],
            "grantTypes": ["AUTHORIZATION_CODE", "REFRESH_TOKEN"],
            "requireProofKeyForCodeExchange": true,
        ],
    ]
}
