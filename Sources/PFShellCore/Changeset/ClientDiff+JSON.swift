import PFShellJSON

/// `diff`, `pending` and `commit --dry-run` as JSON (`--json`), with the same masking as the text.
extension ClientDiff {
    /// `{"clientId", "action", "changes": [{"field", "before", "after"}], "secret": "set"|"changed"}`;
    /// a side that is absent has no key.
    public static func json(_ client: StagedClient) -> JSONValue {
        var object: JSONObject = ["clientId": .string(client.clientId), "action": .string(client.action.rawValue)]
        let before = client.action == .create ? [:] : ClientJSON.masked(client.base ?? [:])
        let after = client.action == .delete ? [:] : ClientJSON.masked(client.current)
        object["changes"] = .array(
            ClientComparison.differences(before, after).map { difference in
                var change: JSONObject = ["field": .string(difference.path)]
                change["before"] = difference.before
                change["after"] = difference.after
                return .object(change)
            })
        if client.newSecret != nil {
            object["secret"] = client.action == .create ? "set" : client.rotatesSecret ? "rotated" : "changed"
        }
        if client.expiresOldSecrets { object["secondarySecrets"] = "removed" }
        return .object(object)
    }

    /// `{"clientId", "action", "fields": [...]}`: the `pending` line as data.
    public static func summaryJSON(_ client: StagedClient) -> JSONValue {
        let fields = client.action == .update ? client.changedFields : []
        return ["clientId": .string(client.clientId), "action": .string(client.action.rawValue), "fields": .array(fields.map(JSONValue.string))]
    }
}

extension CommitRequests {
    /// `{"method", "path", "body"}` with secrets masked, as `describe` prints it.
    public static func describeJSON(_ client: StagedClient) -> JSONValue {
        let request = request(for: client, serverCopy: client.base)
        var object: JSONObject = ["method": .string(request.method.rawValue), "path": .string(request.path)]
        if let body = request.body?.objectValue {
            var masked = ClientJSON.masked(body)
            if ClientJSON.value(at: "clientAuth.encryptedSecret", in: body) != nil {
                masked = ClientJSON.setting("(echoed from the server)", at: "clientAuth.encryptedSecret", in: masked)
            }
            object["body"] = .object(masked)
        }
        return .object(object)
    }
}
