import PFShellJSON

/// ThingWorx's settings files for a PingFederate client: the authorization-server block of
/// `platform-settings.json` / `sso-settings.json` and the access-token-services block of
/// `resourceServerSettings.json`. Pure: the caller reads and writes the file.
///
/// - Authorization server (browser login): top-level `AuthorizationServersSettings.<ID>` with
///   `clientId`, `clientSecret`, `authorizeUri`, `tokenUri`. PTC's PingFederate page spells the key
///   `AuthorizationServerSettings` in its prose; either spelling is read and the file's own is written.
///   `mandatoryScopes`, `clientAuthScheme` and `scopes` are never added (only AD FS / Entra ID pages
///   document `mandatoryScopes`); any such key already in the block is kept.
/// - Resource server: top-level `ResourceServerSettings.accessTokenServicesSettings` with
///   `oauthTokenEndPoint`, `checkTokenEndpointUrl`, `clientId`, `clientSecret`. The other keys of PTC's
///   sample (`chainedGrantType`, `userAuthenticationConverterClassName`, `globalScopes`, `uriScopes`) are
///   kept when present and never added.
public struct ThingWorxSettings {
    /// The authorization server id used when none is given.
    public static let defaultAuthorizationServerID = "PingFederate"
    /// How a secret is shown in `diff` and `preview`.
    public static let secretMask = "********"

    /// The key spelling of ThingWorx's samples, written into files that have neither spelling yet.
    public static let authorizationServersKey = "AuthorizationServersSettings"
    /// The spelling of PTC's PingFederate page, kept when a file already uses it.
    public static let authorizationServerKey = "AuthorizationServerSettings"
    public static let resourceServerKey = "ResourceServerSettings"
    public static let accessTokenServicesKey = "accessTokenServicesSettings"

    public enum Kind: Equatable, Sendable {
        /// `AuthorizationServersSettings.<id>` of platform-settings.json or sso-settings.json.
        case authorizationServer(id: String = ThingWorxSettings.defaultAuthorizationServerID)
        /// `ResourceServerSettings.accessTokenServicesSettings` of resourceServerSettings.json.
        case resourceServer
    }

    public struct Plan: Equatable, Sendable {
        /// The new file text: pretty JSON, 2-space indent, trailing newline. When nothing changes, the
        /// existing text byte for byte.
        public let text: String
        /// `+ path: value` for an added key, `- path: old` then `+ path: new` for a changed one,
        /// `+ path.clientSecret: (set)` / `~ path.clientSecret: (changed)` for the secret, which is never shown.
        public let diff: [String]
        /// False when the file already holds exactly these values; the caller then need not write.
        public let changed: Bool
        /// The session had no secret and the file's secret for this client id was kept.
        public let keptExistingSecret: Bool

        public init(text: String, diff: [String], changed: Bool, keptExistingSecret: Bool) {
            self.text = text
            self.diff = diff
            self.changed = changed
            self.keptExistingSecret = keptExistingSecret
        }
    }

    /// Why a plan cannot be made. `line` and `column` (1-based) locate a problem in the existing text.
    public struct SettingsError: Error, Equatable, Sendable, CustomStringConvertible {
        /// Lowercase, no trailing period.
        public let message: String
        public let line: Int?
        public let column: Int?

        public init(message: String, line: Int? = nil, column: Int? = nil) {
            self.message = message
            self.line = line
            self.column = column
        }

        /// `3:14: message` when located, else the message.
        public var description: String {
            guard let line, let column else { return message }
            return "\(line):\(column): \(message)"
        }
    }

    /// The runtime base URL beside an admin URL (see ``RuntimeEndpoints/init(adminURL:)``).
    public static func runtimeURL(fromAdminURL apiURL: String) -> String {
        RuntimeEndpoints(adminURL: apiURL).base
    }

    /// The URLs the block points at, from a runtime base URL (a trailing `/` is dropped).
    public static func endpoints(runtimeURL: String) -> (authorize: String, token: String, introspect: String) {
        let urls = RuntimeEndpoints(base: runtimeURL)
        return (urls.authorization, urls.token, urls.introspection)
    }

    /// The block as shown without `--file`, wrapped in its top-level key, with the secret masked:
    /// pretty JSON, one element per line.
    public static func preview(kind: Kind, clientId: String, runtimeURL: String) -> [String] {
        let location = Location(kind: kind, blockKey: authorizationServersKey)
        var block = JSONObject()
        for (key, value) in wantedFields(kind: kind, clientId: clientId, runtimeURL: runtimeURL) {
            block[key] = .string(value ?? secretMask)
        }
        let wrapped = location.wrap(block)
        return JSONPrinter.print(.object(wrapped), style: .pretty).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
    }

    /// Merges the block into `existing` (nil: a new file). Every other key and value is kept in its
    /// order; other authorization servers are kept; keys of the block that are not ours are kept.
    /// `secret` nil: the file's `clientSecret` is kept when the block's `clientId` is `clientId`
    /// (`keptExistingSecret`), otherwise this throws; a placeholder is never written.
    public static func plan(
        existing: String?, kind: Kind, clientId: String, secret: String?, runtimeURL: String
    ) throws(SettingsError) -> Plan {
        try checkArguments(kind: kind, clientId: clientId, runtimeURL: runtimeURL)
        let document = try SettingsDocument(existing)
        var root = document.root
        let location = Location(kind: kind, blockKey: authorizationServersSpelling(in: root, kind: kind))
        let oldBlock = try location.block(in: root)
        var block = oldBlock ?? JSONObject()

        let oldClientId = oldBlock?["clientId"]?.stringValue
        let fileSecret = oldBlock?["clientSecret"]?.stringValue.flatMap { isPlaceholder($0) ? nil : $0 }
        let secretValue: String
        var kept = false
        if let secret, !secret.isEmpty {
            secretValue = secret
        } else if let fileSecret, oldClientId == clientId {
            secretValue = fileSecret
            kept = true
        } else {
            let message = missingSecretMessage(clientId: clientId, fileClientId: oldClientId, fileSecret: fileSecret)
            throw SettingsError(message: message)
        }

        var diff: [String] = []
        for (key, plain) in wantedFields(kind: kind, clientId: clientId, runtimeURL: runtimeURL) {
            let new = JSONValue.string(plain ?? secretValue)
            let old = block[key]
            guard old != new else { continue }
            let path = location.path(key)
            if plain == nil {
                diff.append(old == nil ? "+ \(path): (set)" : "~ \(path): (changed)")
            } else {
                if let old { diff.append("- \(path): \(JSONPrinter.print(old))") }
                diff.append("+ \(path): \(JSONPrinter.print(new))")
            }
            block[key] = new
        }
        root = location.store(block, in: root)

        if let existing, !document.isBlank, root == document.root {
            return Plan(text: existing, diff: [], changed: false, keptExistingSecret: kept)
        }
        return Plan(text: document.render(root), diff: diff, changed: true, keptExistingSecret: kept)
    }

    // MARK: - Pieces

    /// The block's keys in the order a new block is written; a nil value is the secret.
    static func wantedFields(kind: Kind, clientId: String, runtimeURL: String) -> [(String, String?)] {
        let urls = endpoints(runtimeURL: runtimeURL)
        switch kind {
        case .authorizationServer:
            return [("clientId", clientId), ("clientSecret", nil), ("authorizeUri", urls.authorize), ("tokenUri", urls.token)]
        case .resourceServer:
            return [
                ("oauthTokenEndPoint", urls.token), ("checkTokenEndpointUrl", urls.introspect),
                ("clientId", clientId), ("clientSecret", nil),
            ]
        }
    }

    /// The spelling to use: the file's own; the singular only when the file has it and the plural
    /// does not hold this server; the plural otherwise.
    static func authorizationServersSpelling(in root: JSONObject, kind: Kind) -> String {
        guard case .authorizationServer(let id) = kind, root.contains(authorizationServerKey) else {
            return authorizationServersKey
        }
        guard root.contains(authorizationServersKey) else { return authorizationServerKey }
        let pluralHasIt = root[authorizationServersKey]?[id] != nil
        let singularHasIt = root[authorizationServerKey]?[id] != nil
        return singularHasIt && !pluralHasIt ? authorizationServerKey : authorizationServersKey
    }

    /// A value left in a file by hand or by copying a preview, never a real secret.
    static func isPlaceholder(_ value: String) -> Bool {
        let trimmed = ModelText.trimmed(value)
        return trimmed.isEmpty || trimmed == secretMask || (trimmed.hasPrefix("<") && trimmed.hasSuffix(">"))
    }

    static func missingSecretMessage(clientId: String, fileClientId: String?, fileSecret: String?) -> String {
        let how = "use 'secret set --env VAR' or 'secret generate' in this session"
        if fileSecret != nil, let fileClientId, fileClientId != clientId {
            return "no secret for client '\(clientId)': the file's secret belongs to client '\(fileClientId)'; \(how)"
        }
        return "no secret for client '\(clientId)': this session holds none and the file has none to keep; \(how)"
    }

    static func checkArguments(kind: Kind, clientId: String, runtimeURL: String) throws(SettingsError) {
        guard !ModelText.trimmed(clientId).isEmpty else { throw SettingsError(message: "the client id is empty") }
        if case .authorizationServer(let id) = kind, ModelText.trimmed(id).isEmpty {
            throw SettingsError(message: "the authorization server id is empty")
        }
        let base = RuntimeEndpoints(base: runtimeURL).base
        guard let parts = URIParts(base), parts.isWeb, parts.hasValidAuthority(wildcards: false),
            !base.contains("?"), !base.contains("#")
        else {
            throw SettingsError(
                message: "runtime url '\(runtimeURL)' is not an http(s) url such as 'https://pf.example.com:9031'")
        }
    }
}
