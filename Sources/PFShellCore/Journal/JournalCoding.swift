import PFShellJSON

/// A staged client as a journal holds it, and back.
enum JournalCoding {
    static func encode(_ client: StagedClient) -> JSONValue {
        var object: JSONObject = [
            "action": .string(client.action.rawValue),
            "base": client.base.map { sealedOnly(.object($0)) } ?? .null,
            "current": sealedOnly(.object(client.current)),
            "order": .int(Int64(client.order)),
        ]
        if let at = client.stagedAt {
            object["at"] = ["file": .string(at.file), "line": .int(Int64(at.line)), "column": .int(Int64(at.column))]
        }
        if client.newSecret != nil { object["secret"] = origin(client.secretOrigin) }
        if let sealed = client.restoredSecret { object["restoredSecret"] = sealed }
        if client.rotatesSecret { object["rotates"] = true }
        if client.expiresOldSecrets { object["expireOld"] = true }
        return .object(object)
    }

    /// The secret's source, never its value: an environment variable or file is read again on
    /// resume; a secret typed, piped or generated must be given again.
    static func origin(_ source: SecretSource?) -> JSONValue {
        switch source {
        case .environment(let name)?: ["env": .string(name)]
        case .file(let path)?: ["file": .string(path)]
        default: "again"
        }
    }

    static func decode(_ id: String, _ value: JSONValue) -> StagedClient? {
        guard let object = value.objectValue, let action = object["action"]?.stringValue.flatMap(StagedClient.Action.init),
            let current = object["current"]?.objectValue
        else { return nil }
        var location: SourceLocation?
        if let at = object["at"], let file = at["file"]?.stringValue, let line = at["line"]?.intValue,
            let column = at["column"]?.intValue
        {
            location = SourceLocation(file: file, line: Int(line), column: Int(column))
        }
        var client = StagedClient(
            clientId: id, action: action, base: object["base"]?.objectValue, current: current, stagedAt: location,
            order: Int(object["order"]?.intValue ?? 0))
        client.secretOrigin = secretSource(object["secret"])
        client.restoredSecret = object["restoredSecret"]
        client.rotatesSecret = object["rotates"]?.boolValue == true
        client.expiresOldSecrets = object["expireOld"]?.boolValue == true
        return client
    }

    /// Whether the journaled client had a staged secret.
    static func hadSecret(_ value: JSONValue) -> Bool {
        value["secret"] != nil
    }

    private static func secretSource(_ value: JSONValue?) -> SecretSource? {
        if let name = value?["env"]?.stringValue { return .environment(name) }
        if let path = value?["file"]?.stringValue { return .file(path) }
        return nil
    }

    /// The value with every member that holds secret material removed, except the server's sealed
    /// `encryptedSecret` values (which a rollback needs and only that server can open).
    static func sealedOnly(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var kept = JSONObject()
            for (key, member) in object.pairs {
                if key.lowercased().hasSuffix("encryptedsecret") {
                    kept[key] = member
                } else if !FieldCatalog.holdsSecret(key: key) {
                    kept[key] = sealedOnly(member)
                } else if member.objectValue != nil || member.arrayValue != nil {
                    kept[key] = sealedOnly(member)  // `secondarySecrets`: their sealed forms stay
                }
            }
            return .object(kept)
        case .array(let items):
            return .array(items.map(sealedOnly))
        default:
            return value
        }
    }
}
