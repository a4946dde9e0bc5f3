/// The pending copy `thingworx rotate` writes beside the settings file before it sends anything:
/// the new secret on the first line (so a journaled rotation reads it back as a secret file), then
/// whose secret it is and when the client's secret last changed before the rotation, which tells a
/// later run whether that rotation reached the server.
public struct PendingRotation: Equatable, Sendable {
    public let secret: String
    public let clientId: String?
    /// The client's `clientSecretChangedTime` before the rotation; nil when the server gave none.
    public let secretChangedBefore: String?

    public init(secret: String, clientId: String?, secretChangedBefore: String?) {
        self.secret = secret
        self.clientId = clientId
        self.secretChangedBefore = secretChangedBefore
    }

    /// `platform-settings.json` → `platform-settings.json.pending-secret`.
    public static func path(beside settingsPath: String) -> String {
        settingsPath + ".pending-secret"
    }

    public var text: String {
        var lines = [secret]
        if let clientId { lines.append("client \(clientId)") }
        if let secretChangedBefore { lines.append("secret-changed-before \(secretChangedBefore)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The file's text read back; the lines after the first that pfsh does not know are ignored.
    public init(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        func value(_ key: String) -> String? {
            lines.dropFirst().first { $0.hasPrefix(key + " ") }.map { String($0.dropFirst(key.count + 1)) }
        }
        self.init(secret: lines.first ?? "", clientId: value("client"), secretChangedBefore: value("secret-changed-before"))
    }
}
