import PFShellJSON

/// Dotted-path access to a client's JSON and the masking of its secret material.
public enum ClientJSON {
    /// What a shown client carries in place of a secret.
    public static let maskText = "(set)"

    /// `client` with every secret string replaced by `(set)`: each secret field of the catalog
    /// (`FieldCatalog.secretFields`), and in a list of secrets (`secondarySecrets`) the secret
    /// members of each item, so their expiry times still show. Absent and null values stay as they
    /// are, so "no secret" still shows.
    public static func masked(_ client: JSONObject) -> JSONObject {
        FieldCatalog.secretFields.reduce(client) { result, field in
            guard let value = value(at: field.path, in: result), !value.isNull else { return result }
            return setting(maskingSecret(value), at: field.path, in: result)
        }
    }

    private static func maskingSecret(_ value: JSONValue) -> JSONValue {
        guard let items = value.arrayValue else { return .string(maskText) }
        return .array(items.map { item in item.objectValue.map { .object(maskingSecretMembers(of: $0)) } ?? item })
    }

    private static func maskingSecretMembers(of object: JSONObject) -> JSONObject {
        var result = object
        for (key, member) in object.pairs where FieldCatalog.holdsSecret(key: key) && !member.isNull {
            result[key] = .string(maskText)
        }
        return result
    }

    /// `client` without its secret fields (`FieldCatalog.secretFields`), for a body or a copy that
    /// must carry none of the server's secret material.
    public static func withoutSecrets(_ client: JSONObject) -> JSONObject {
        FieldCatalog.secretFields.reduce(client) { setting(nil, at: $1.path, in: $0) }
    }

    /// The value at a dotted path (`clientAuth.type`); nil when any step is missing or not an object.
    /// Asked for every field of every client a commit checks, so it splits nothing it need not.
    public static func value(at path: String, in object: JSONObject) -> JSONValue? {
        guard let dot = path.firstIndex(of: ".") else { return object[path] }
        guard let inner = object[String(path[..<dot])]?.objectValue else { return nil }
        return value(at: String(path[path.index(after: dot)...]), in: inner)
    }

    /// `object` with `value` at the dotted path: intermediate objects are created (replacing a
    /// non-object in the way); a nil value removes the member, and an intermediate object left
    /// empty by that removal goes too.
    public static func setting(_ value: JSONValue?, at path: String, in object: JSONObject) -> JSONObject {
        let keys = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let value else { return removing(keys[...], from: object) }
        return setting(value, at: keys[...], in: object)
    }

    private static func setting(_ value: JSONValue, at keys: ArraySlice<String>, in object: JSONObject) -> JSONObject {
        guard let key = keys.first else { return object }
        var result = object
        let rest = keys.dropFirst()
        if rest.isEmpty {
            result[key] = value
        } else {
            result[key] = .object(setting(value, at: rest, in: object[key]?.objectValue ?? JSONObject()))
        }
        return result
    }

    /// Only a member that is really there goes, with the parents its removal leaves empty.
    private static func removing(_ keys: ArraySlice<String>, from object: JSONObject) -> JSONObject {
        guard let key = keys.first, value(at: keys.joined(separator: "."), in: object) != nil else { return object }
        var result = object
        let rest = keys.dropFirst()
        if rest.isEmpty {
            result[key] = nil
        } else if let child = object[key]?.objectValue {
            let updated = removing(rest, from: child)
            result[key] = updated.isEmpty ? nil : .object(updated)
        }
        return result
    }
}

extension ClientJSON {
    /// `clientAuth.type`, `NONE` when absent.
    public static func authenticationType(of client: JSONObject) -> String {
        value(at: "clientAuth.type", in: client)?.stringValue ?? "NONE"
    }

    /// Whether the client authenticates with a secret (`SECRET`, `CLIENT_SECRET_JWT`).
    public static func usesSecret(_ client: JSONObject) -> Bool {
        ["SECRET", "CLIENT_SECRET_JWT"].contains(authenticationType(of: client))
    }

    /// The `expiryTime` of each of the client's secondary secrets, as the server wrote it, in its
    /// order; nil for one without.
    public static func secondaryExpiryTimes(of client: JSONObject) -> [String?] {
        (client["clientAuth"]?["secondarySecrets"]?.arrayValue ?? []).map { $0["expiryTime"]?.stringValue }
    }
}
