import PFShellJSON

/// A stored client as the API returns it: server-set times added, secret material sealed (a fresh
/// `encryptedSecret` on every read, for the secret and each secondary secret), references carrying
/// their `location`. Secondary secrets that have expired by `now` are left out.
struct ClientRepresentation {
    let api: AdminAPI
    let state: EmulatorState
    let request: EmulatorRequest
    /// The request's time, milliseconds since 1970.
    let now: Int64

    func render(_ client: StoredClient) -> JSONObject {
        var object = client.fields
        object["creationDate"] = .string(Timestamp.format(milliseconds: client.creationDate))
        object["modificationDate"] = .string(Timestamp.format(milliseconds: client.modificationDate))
        if let changed = client.clientSecretChangedTime {
            object["clientSecretChangedTime"] = .string(Timestamp.format(milliseconds: changed))
        }
        let secondaries = client.liveSecondarySecrets(at: now)
        if var auth = object["clientAuth"]?.objectValue, client.secret != nil || !secondaries.isEmpty {
            auth["encryptedSecret"] = client.secret.map { .string(seal($0)) }
            auth["secondarySecrets"] = render(secondaries)
            object["clientAuth"] = .object(ClientModel.clientAuth.ordered(auth))
        }
        addLocation(to: &object, at: ["defaultAccessTokenManagerRef"], resource: "oauth/accessTokenManagers")
        addLocation(to: &object, at: ["oidcPolicy", "policyGroup"], resource: "oauth/openIdConnect/policies")
        return ClientModel.client.ordered(object)
    }

    func renderSecret(_ client: StoredClient) -> JSONObject {
        var object = JSONObject()
        if let secret = client.secret { object["encryptedSecret"] = .string(seal(secret)) }
        object["secondarySecrets"] = render(client.liveSecondarySecrets(at: now))
        return object
    }

    /// Each retained secret sealed afresh, with its expiry time; `[]` when there are none.
    private func render(_ secondaries: [StoredClient.SecondarySecret]) -> JSONValue {
        .array(
            secondaries.map { entry in
                var object: JSONObject = ["encryptedSecret": .string(seal(entry.secret))]
                if let expiry = entry.expiryTime { object["expiryTime"] = .string(expiry) }
                return .object(object)
            })
    }

    private func seal(_ secret: String) -> String {
        SecretSealer(key: state.sealingKey).seal(secret, nonce: api.random(12))
    }

    private func addLocation(to object: inout JSONObject, at path: [String], resource: String) {
        guard let base = baseURL else { return }
        if path.count == 1, var reference = object[path[0]]?.objectValue, let id = reference["id"]?.stringValue {
            reference["location"] = .string("\(base)/\(resource)/\(id)")
            object[path[0]] = .object(reference)
        } else if path.count == 2, var parent = object[path[0]]?.objectValue {
            addLocation(to: &parent, at: [path[1]], resource: resource)
            object[path[0]] = .object(parent)
        }
    }

    /// `https://host:port/pf-admin-api/v1`, from the request's Host header (like `pf.admin.baseurl`).
    var baseURL: String? {
        request.header("Host").map { "\(api.configuration.scheme)://\($0)\(AdminAPI.basePath)" }
    }
}
