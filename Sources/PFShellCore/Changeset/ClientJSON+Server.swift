import PFShellJSON

extension ClientJSON {
    /// Properties only the server sets; a request body leaves them out.
    static let serverFields = ["creationDate", "modificationDate", "clientSecretChangedTime", "replicationStatus"]

    /// A client ready to send: server-set properties and `location` echoes of references removed.
    public static func withoutServerFields(_ client: JSONObject) -> JSONObject {
        var copy = client
        for key in serverFields { copy[key] = nil }
        for path in ["defaultAccessTokenManagerRef", "oidcPolicy.policyGroup", "requestPolicyRef", "tokenExchangeProcessorPolicyRef"]
        where value(at: path + ".location", in: copy) != nil {
            copy = setting(nil, at: path + ".location", in: copy)
        }
        return copy
    }

    /// What `client clone` stages: `client` under the ID `id`, without the server's fields and
    /// without any secret material, which belongs to the original alone.
    static func cloned(_ client: JSONObject, as id: String) -> JSONObject {
        var copy = withoutSecrets(withoutServerFields(client))
        copy["clientId"] = .string(id)
        return copy
    }
}
