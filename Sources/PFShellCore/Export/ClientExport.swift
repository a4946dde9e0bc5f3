import PFShellJSON

/// `client export`: clients as a `.pfsh` script a person would write, `client ensure` and field
/// commands in the readable vocabulary, only what differs from what a server fills in by itself,
/// and the secret as `secret set --env ID_SECRET --if-new`, never its value. Replayed against the
/// server it came from it commits nothing; against an empty one it recreates equal clients.
public enum ClientExport {
    /// The whole script: a header, each client, and `commit`.
    public static func script(_ clients: [JSONObject], server: String) -> String {
        var lines = ["# \(clients.count) client(s) exported by pfsh from \(server)"]
        let secrets = clients.filter(hasSecret).map(secretVariable)
        if !secrets.isEmpty {
            lines.append("# Secrets come from the environment: \(secrets.joined(separator: " ")) (set only when a client is new)")
        }
        for client in clients {
            lines.append("")
            lines += commands(client)
        }
        lines += ["", "commit"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `THINGWORX_SECRET` for `thingworx`: upper case, any other character `_`.
    public static func secretVariable(_ client: JSONObject) -> String {
        let id = client["clientId"]?.stringValue ?? ""
        let letters = id.uppercased().unicodeScalars.map { scalar -> String in
            scalar.isASCII && (("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)) ? String(scalar) : "_"
        }
        return letters.joined() + "_SECRET"
    }

    /// The API objects for `--json`: without secret material and the times the server keeps.
    public static func json(_ clients: [JSONObject]) -> JSONValue {
        .array(clients.map { client in
            var copy = ClientJSON.withoutServerFields(client)
            for field in FieldCatalog.secretFields { copy = ClientJSON.setting(nil, at: field.path, in: copy) }
            return .object(copy)
        })
    }

    /// One client's commands.
    static func commands(_ client: JSONObject) -> [String] {
        let id = client["clientId"]?.stringValue ?? ""
        var lines = ["client ensure \(quoted(id))"]
        if let name = client["name"]?.stringValue, name != id { lines.append("set name \(quoted(name))") }
        var skipped: [String] = []
        for (key, value) in client.pairs {
            switch key {
            case "clientId", "name": continue
            case "grantTypes": lines += grants(value)
            case "redirectUris":
                let uris = (value.arrayValue ?? []).compactMap(\.stringValue)
                if !uris.isEmpty { lines.append((["redirect add"] + uris.map(quoted)).joined(separator: " ")) }
            case PersistentGrants.typePath: lines += persistentGrants(client)
            case PersistentGrants.timePath, PersistentGrants.unitPath: continue
            case "refreshRolling": lines += refreshRolling(value)
            case "clientAuth": lines += clientAuth(client, value.objectValue ?? [:])
            default:
                if FieldCatalog.groups.contains(key) {
                    for (member, memberValue) in value.objectValue?.pairs ?? [] {
                        lines += set("\(key).\(member)", memberValue, in: client, skipped: &skipped)
                    }
                } else {
                    lines += set(key, value, in: client, skipped: &skipped)
                }
            }
        }
        if !skipped.isEmpty { lines.append("# not exported (pfsh has no command for them): \(skipped.joined(separator: ", "))") }
        return lines
    }

    private static func hasSecret(_ client: JSONObject) -> Bool {
        client["clientAuth"]?["type"]?.stringValue == "SECRET"
    }

    private static func grants(_ value: JSONValue) -> [String] {
        let names = (value.arrayValue ?? []).compactMap(\.stringValue).map { api in
            GrantType.all.first { $0.apiName == api }?.readableName ?? api
        }
        return names.isEmpty ? [] : ["grants set " + names.map(quoted).joined(separator: " ")]
    }

    private static func persistentGrants(_ client: JSONObject) -> [String] {
        switch client[PersistentGrants.typePath]?.stringValue {
        case "INDEFINITE_EXPIRY": return ["persistent-grants never-expire"]
        case "OVERRIDE_SERVER_DEFAULT":
            let time = client[PersistentGrants.timePath]?.intValue ?? 0
            let unit = (client[PersistentGrants.unitPath]?.stringValue ?? "DAYS").lowercased()
            return ["persistent-grants expire \(time) \(unit)"]
        default: return []
        }
    }

    private static func refreshRolling(_ value: JSONValue) -> [String] {
        switch value.stringValue {
        case "ROLL": return ["refresh-rolling roll"]
        case "DONT_ROLL": return ["refresh-rolling dont-roll"]
        default: return []
        }
    }

    /// A secret is set from the environment when the client is new; other kinds of client
    /// authentication are fields like any other.
    private static func clientAuth(_ client: JSONObject, _ auth: JSONObject) -> [String] {
        var lines: [String] = []
        var skipped: [String] = []
        let type = auth["type"]?.stringValue
        if type == "SECRET" { lines.append("secret set --env \(secretVariable(client)) --if-new") }
        for (member, value) in auth.pairs where !(member == "type" && (type == "SECRET" || type == "NONE")) {
            lines += set("clientAuth.\(member)", value, in: client, skipped: &skipped)
        }
        return lines
    }

    /// `set PATH VALUE` when the value is not what a server has by itself.
    private static func set(_ path: String, _ value: JSONValue, in client: JSONObject, skipped: inout [String]) -> [String] {
        guard let info = FieldCatalog.field(path) else {
            if !isDefault(value) { skipped.append(path) }
            return []
        }
        guard !info.isSecret, !info.isReadOnly, !isDefault(value, path: path, in: client), let text = text(value, info.kind) else { return [] }
        return ["set \(path) \(quoted(text))"]
    }

    /// Absent, empty, false, zero or `SERVER_DEFAULT`; `enabled` true; logout mode `NONE`; the time
    /// and unit beside a type that is not an override (they mean nothing then).
    static func isDefault(_ value: JSONValue, path: String = "", in client: JSONObject = [:]) -> Bool {
        if path == "enabled" { return value.boolValue == true }
        if path == "oidcPolicy.logoutMode" && value.stringValue == "NONE" { return true }
        if let type = companionType(of: path), client[type]?.stringValue != "OVERRIDE_SERVER_DEFAULT" { return true }
        switch value {
        case .null: return true
        case .bool(let flag): return !flag
        case .int(let number): return number == 0
        case .string(let text): return text.isEmpty || text == "SERVER_DEFAULT"
        case .array(let items): return items.isEmpty
        case .object(let members): return members.pairs.allSatisfy { isDefault($0.value) }
        default: return false
        }
    }

    /// The `...Type` field that says whether a time or unit field is used.
    private static func companionType(of path: String) -> String? {
        switch path {
        case "persistentGrantIdleTimeout", "persistentGrantIdleTimeoutTimeUnit": "persistentGrantIdleTimeoutType"
        case "refreshTokenRollingInterval", "refreshTokenRollingIntervalTimeUnit": "refreshTokenRollingIntervalType"
        case "persistentGrantReuseGrantTypes": "persistentGrantReuseType"
        default: nil
        }
    }

    /// The value as `set` reads it back.
    private static func text(_ value: JSONValue, _ kind: FieldKind) -> String? {
        switch (kind, value) {
        case (.boolean, .bool(let flag)): return flag ? "true" : "false"
        case (.integer, .int(let number)): return String(number)
        case (.reference, _): return value["id"]?.stringValue
        case (.grantTypes, .array(let items)):
            return items.compactMap(\.stringValue).map { api in GrantType.all.first { $0.apiName == api }?.readableName ?? api }
                .joined(separator: ",")
        case (.stringList, .array(let items)), (.uriList, .array(let items)):
            let strings = items.compactMap(\.stringValue)
            let plain = strings.allSatisfy { !$0.contains(",") && !$0.hasPrefix("[") && $0 == ModelText.trimmed($0) }
            return plain ? strings.joined(separator: ",") : JSONPrinter.print(value)
        case (.extendedParameters, _), (.json, _): return JSONPrinter.print(value)
        case (_, .string(let text)): return text
        default: return JSONPrinter.print(value)
        }
    }
}
