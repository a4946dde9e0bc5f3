import PFShellJSON

extension AdminAPI {
    /// The read-only resources a shell needs besides clients: version, token managers, OpenID Connect
    /// policies and server settings.
    func fixture(_ context: RequestContext, state: EmulatorState) -> EmulatorResponse {
        let s = context.segments
        let path = s.joined(separator: "/")
        let collections: [String: [JSONObject]] = [
            "oauth/accessTokenManagers": state.accessTokenManagers,
            "oauth/openIdConnect/policies": state.oidcPolicies,
        ]
        let singletons: [String: JSONValue] = [
            "version": ["version": .string(Fixtures.version)],
            "oauth/authServerSettings": Fixtures.authServerSettings(
                state, clientSecretRetentionPeriod: configuration.clientSecretRetentionPeriod),
            "oauth/clientSettings": Fixtures.clientSettings(metadata: state.clientMetadata),
            "serverSettings": Fixtures.serverSettings,
        ]
        if let value = singletons[path] {
            return readOnly(context) ?? .json(200, value)
        }
        if let items = collections[path] {
            return readOnly(context) ?? .json(200, ["items": .array(items.map(JSONValue.object))])
        }
        let parent = s.dropLast().joined(separator: "/")
        if let items = collections[parent], let id = s.last {
            if let denied = readOnly(context) { return denied }
            guard let item = items.first(where: { $0["id"]?.stringValue == id }) else { return APIResult.notFound(id) }
            return .json(200, .object(item))
        }
        return APIResult.response(404, "resource_not_found", "No resource at '/\(path)'.")
    }

    /// The emulator serves these resources for reading only.
    private func readOnly(_ context: RequestContext) -> EmulatorResponse? {
        context.request.method == "GET" ? nil : APIResult.methodNotAllowed(context.request.method)
    }

    /// `/cluster/status` and `/cluster/replicate`: 403 on a standalone server, as PingFederate answers.
    func cluster(_ context: RequestContext, action: String, state: inout WorkingState) -> EmulatorResponse {
        let method = context.request.method
        switch (action, method) {
        case ("status", "GET"), ("replicate", "POST"):
            break
        case ("status", _), ("replicate", _):
            return APIResult.methodNotAllowed(method)
        default:
            return APIResult.response(404, "resource_not_found", "No resource at '/cluster/\(action)'.")
        }
        guard configuration.cluster else {
            return APIResult.forbidden("This operation is only available when PingFederate runs in a cluster.")
        }
        if action == "replicate" {
            state.update { state in
                state.replicationRequired = false
                state.lastReplicationTime = context.now
            }
            return .json(200, ["resultId": "success", "message": "Operation succeeded."])
        }
        return .json(200, Fixtures.clusterStatus(state.current))
    }
}
