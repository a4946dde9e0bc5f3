import PFShellJSON

/// The data file's layout: the whole state as one JSON document, plaintext secrets included (the
/// file is written 0600). Loading checks every part, so a damaged file is reported, never half-read.
extension EmulatorState {
    public static let fileFormat = "pfsh-emulator-state"
    public static let fileVersion: Int64 = 1

    public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public func toJSON() -> JSONValue {
        var object = JSONObject()
        object["format"] = .string(Self.fileFormat)
        object["version"] = .int(Self.fileVersion)
        object["sealingKey"] = .string(Base64.encode(sealingKey))
        object["replicationRequired"] = .bool(replicationRequired)
        object["lastConfigUpdateTime"] = lastConfigUpdateTime.map(JSONValue.int) ?? .null
        object["lastReplicationTime"] = lastReplicationTime.map(JSONValue.int) ?? .null
        object["accessTokenManagers"] = .array(accessTokenManagers.map(JSONValue.object))
        object["oidcPolicies"] = .array(oidcPolicies.map(JSONValue.object))
        object["clientMetadata"] = .array(clientMetadata.map(JSONValue.object))
        object["scopes"] = .array(scopes.map(JSONValue.object))
        object["exclusiveScopes"] = .array(exclusiveScopes.map(JSONValue.object))
        let sorted = clients.values.sorted { $0.clientId < $1.clientId }
        object["clients"] = .array(sorted.map { .object($0.toJSON()) })
        return .object(object)
    }

    public init(json: JSONValue) throws(FileError) {
        guard json["format"]?.stringValue == Self.fileFormat else {
            throw FileError(message: "not a pfsh-emulator data file (no \"format\": \"\(Self.fileFormat)\")")
        }
        guard json["version"]?.intValue == Self.fileVersion else {
            throw FileError(message: "unsupported data file version \(json["version"].map { JSONPrinter.print($0) } ?? "none")")
        }
        guard let key = json["sealingKey"]?.stringValue.flatMap(Base64.decodeBytes), key.count == 32 else {
            throw FileError(message: "the data file has no valid \"sealingKey\"")
        }
        self.init(sealingKey: key)
        replicationRequired = json["replicationRequired"]?.boolValue ?? false
        lastConfigUpdateTime = json["lastConfigUpdateTime"]?.intValue
        lastReplicationTime = json["lastReplicationTime"]?.intValue
        accessTokenManagers = try Self.objects(json, "accessTokenManagers")
        oidcPolicies = try Self.objects(json, "oidcPolicies")
        clientMetadata = try Self.objects(json, "clientMetadata")
        // Files written before scopes were kept have neither list: the server then defines none.
        scopes = json["scopes"] == nil ? [] : try Self.objects(json, "scopes")
        exclusiveScopes = json["exclusiveScopes"] == nil ? [] : try Self.objects(json, "exclusiveScopes")
        for entry in try Self.objects(json, "clients") {
            let client = try StoredClient(json: entry)
            clients[client.clientId] = client
        }
    }

    private static func objects(_ json: JSONValue, _ key: String) throws(FileError) -> [JSONObject] {
        guard let items = json[key]?.arrayValue else { throw FileError(message: "the data file has no \"\(key)\" list") }
        var objects: [JSONObject] = []
        for item in items {
            guard let object = item.objectValue else { throw FileError(message: "an entry of \"\(key)\" is not an object") }
            objects.append(object)
        }
        return objects
    }
}

extension StoredClient {
    func toJSON() -> JSONObject {
        var object = JSONObject()
        object["fields"] = .object(fields)
        object["secret"] = secret.map(JSONValue.string) ?? .null
        object["secondarySecrets"] = .array(
            secondarySecrets.map { entry in
                ["secret": .string(entry.secret), "expiryTime": entry.expiryTime.map(JSONValue.string) ?? .null]
            })
        object["creationDate"] = .int(creationDate)
        object["modificationDate"] = .int(modificationDate)
        object["clientSecretChangedTime"] = clientSecretChangedTime.map(JSONValue.int) ?? .null
        return object
    }

    init(json: JSONObject) throws(EmulatorState.FileError) {
        guard let fields = json["fields"]?.objectValue, let id = fields["clientId"]?.stringValue, !id.isEmpty,
            let created = json["creationDate"]?.intValue, let modified = json["modificationDate"]?.intValue
        else { throw EmulatorState.FileError(message: "a stored client lacks its fields or dates") }
        self.init(
            fields: fields, secret: json["secret"]?.stringValue,
            secondarySecrets: try Self.secondarySecrets(json["secondarySecrets"]), creationDate: created,
            modificationDate: modified, clientSecretChangedTime: json["clientSecretChangedTime"]?.intValue)
    }

    /// Files written before secondary secrets were kept have none.
    private static func secondarySecrets(_ value: JSONValue?) throws(EmulatorState.FileError) -> [SecondarySecret] {
        var secrets: [SecondarySecret] = []
        for entry in value?.arrayValue ?? [] {
            guard let secret = entry["secret"]?.stringValue else {
                throw EmulatorState.FileError(message: "a stored secondary secret lacks its secret")
            }
            secrets.append(SecondarySecret(secret: secret, expiryTime: entry["expiryTime"]?.stringValue))
        }
        return secrets
    }
}
