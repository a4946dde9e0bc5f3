import PFShellJSON

/// Read-only questions the client checks ask of a client's JSON. A JSON null counts as absent,
/// as the API treats it.
struct ClientView {
    let client: JSONObject
    /// The session's knowledge that a secret exists, see `ClientChecks.check`.
    let sessionHasSecret: Bool

    init(client: JSONObject, hasSecret: Bool) {
        self.client = client
        self.sessionHasSecret = hasSecret
    }

    /// The non-null value at a dotted path.
    func value(_ path: String) -> JSONValue? {
        guard let value = ClientJSON.value(at: path, in: client), !value.isNull else { return nil }
        return value
    }

    func isPresent(_ path: String) -> Bool { value(path) != nil }

    func string(_ path: String) -> String? { value(path)?.stringValue }

    /// A string with more than whitespace in it.
    func nonEmptyString(_ path: String) -> String? {
        guard let text = string(path), !ModelText.trimmed(text).isEmpty else { return nil }
        return text
    }

    func isTrue(_ path: String) -> Bool { value(path)?.boolValue == true }

    /// `clientAuth.type`; a client without one has no client authentication.
    var authType: String { string("clientAuth.type") ?? "NONE" }

    var grantTypes: [String] { value("grantTypes")?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// A JWKS URL or document to check the client's signatures and encrypt to it.
    var hasJwks: Bool { nonEmptyString("jwksSettings.jwksUrl") != nil || nonEmptyString("jwksSettings.jwks") != nil }

    var hasSecret: Bool {
        sessionHasSecret || nonEmptyString("clientAuth.secret") != nil
            || nonEmptyString("clientAuth.encryptedSecret") != nil
    }
}
