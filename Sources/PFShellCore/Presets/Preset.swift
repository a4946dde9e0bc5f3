import PFShellJSON

/// A named set of client settings, each with the reason it is there. Presets are data: adding one
/// is a new entry in `Presets.all`, not a new code path.
public struct Preset: Sendable {
    public struct Setting: Sendable {
        public let path: String
        /// nil removes the field.
        public let value: JSONValue?
        public let reason: String
    }

    public let name: String
    public let summary: String
    /// The client's name when `--name` is not given.
    public let clientName: String
    public let settings: [Setting]
    /// A new client without a staged secret gets a generated one.
    public let generatesSecret: Bool

    /// The field changes for `client`, in order. A persistent-grant type stages what
    /// `persistent-grants` stages for it, so its time and unit stay in the shape the server returns.
    public func changes(in client: JSONObject) -> [(path: String, value: JSONValue?)] {
        settings.flatMap { setting -> [(path: String, value: JSONValue?)] in
            guard setting.path == PersistentGrants.typePath, let type = setting.value?.stringValue else {
                return [(setting.path, setting.value)]
            }
            return PersistentGrants.changes(.type(type), in: client)
        }
    }
}

public enum Presets {
    public static let all: [Preset] = [thingworx]

    public static func named(_ name: String) -> Preset? {
        all.first { $0.name == name.lowercased() }
    }

    /// PingFederate as ThingWorx's OAuth authorization server (PTC's procedure for PingFederate).
    static let thingworx = Preset(
        name: "thingworx", summary: "ThingWorx single sign-on through PingFederate", clientName: "ThingWorx",
        settings: [
            .init(
                path: "grantTypes", value: ["REFRESH_TOKEN", "AUTHORIZATION_CODE", "CLIENT_CREDENTIALS", "ACCESS_TOKEN_VALIDATION"],
                reason: "users sign in (authorization code) and stay signed in (refresh token); ThingWorx calls as itself "
                    + "(client credentials) and checks the tokens it receives (access token validation)"),
            .init(path: "persistentGrantExpirationType", value: "INDEFINITE_EXPIRY", reason: "grants do not expire"),
            .init(path: "refreshRolling", value: "ROLL", reason: "refresh token rolling policy: Roll"),
            .init(path: "clientAuth.type", value: "SECRET", reason: "ThingWorx authenticates with a client secret"),
        ],
        generatesSecret: true)
}
