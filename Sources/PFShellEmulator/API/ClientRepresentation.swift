import PFShellJSON

/// A stored client as the API returns it: server-set times added, secret material sealed (a fresh
/// `encryptedSecret` on every read), references carrying their `location`.
struct ClientRepresentation {
    let api: AdminAPI
    let state: EmulatorState
    let request: APIRequest

    func render(_ client: StoredClient) -> JSONObject {
        var object = client.fields
        object["creationDate"] = .string(Timestamp.format(milliseconds: client.creationDate))
        object["modificationDate"] = .string(Timestamp.format(milliseconds: client.modificationDate))
        if let changed = client.clientSecretChangedTime {
            object["clientSecretChangedTime"] = .string(Timestamp.format(milliseconds: changed))
        }
        if var auth = object["clientAuth"]?.objectValue, let secret = client.secret {
            auth["encryptedSecret"] = .string(seal(secret))
            auth["secondarySecrets"] = []
            object["clientAuth"] = .object(ClientDefaults.ordered(auth, ClientModel.clientAuth))
        }
        addLocation(to: &object, at: ["defaultAccessTokenManagerRef"], resource: "oauth/accessTokenManagers")
        addLocation(to: &object, at: ["oidcPolicy", "policyGroup"], resource: "oauth/openIdConnect/policies")
        return ClientDefaults.ordered(object, ClientModel.client)
    }

    func renderSecret(_ client: StoredClient) -> JSONObject {
        var object = JSONObject()
        if let secret = client.secret { object["encryptedSecret"] = .string(seal(secret)) }
        object["secondarySecrets"] = []
        return object
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
