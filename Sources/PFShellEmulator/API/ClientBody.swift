import PFShellJSON

/// A client request body after the 400-level checks: its storable fields and what it says about the
/// secret and the secondary secrets.
struct ClientBody {
    var fields: JSONObject
    var secret: SecretInput
    var secondarySecrets: SecondarySecretsInput
    let api: AdminAPI

    /// What a body says about the secret: a new plaintext, an echoed sealed value, or nothing.
    enum SecretInput {
        case none
        case plaintext(String)
        case sealed(opened: String?)

        var isNewPlaintext: Bool {
            if case .plaintext = self { return true }
            return false
        }

        /// The secret the client will have, whatever it had: a body without one leaves none, and
        /// an unreadable sealed value keeps nothing.
        var resolved: String? {
            switch self {
            case .none: nil
            case .plaintext(let value): value.isEmpty ? nil : value
            case .sealed(let opened): opened
            }
        }
    }

    /// The body checked against the Client model; a body that is not JSON or not shaped like a
    /// Client is refused with the 400 to send.
    static func parse(_ bytes: [UInt8], api: AdminAPI, state: EmulatorState) throws(APIFailure) -> ClientBody {
        let fields = try checked(bytes, ClientModel.client, strict: api.configuration.strict)
        return separateSecret(fields, api: api, state: state)
    }

    /// Takes `secret`, `encryptedSecret` and `secondarySecrets` out of `clientAuth`: they are never
    /// stored as fields. A secret is taken whatever the authentication type, as real servers keep
    /// one on clients of type NONE (pf-real-server §1).
    private static func separateSecret(_ fields: JSONObject, api: AdminAPI, state: EmulatorState) -> ClientBody {
        var fields = fields
        var secret = SecretInput.none
        var secondary = SecondarySecretsInput.absent
        if var auth = fields["clientAuth"]?.objectValue {
            let sealer = SecretSealer(key: state.sealingKey)
            if let plain = auth["secret"]?.stringValue {
                secret = .plaintext(plain)
            } else if let sealed = auth["encryptedSecret"]?.stringValue {
                secret = .sealed(opened: sealer.open(sealed))
            }
            secondary = SecondarySecretsInput.read(auth["secondarySecrets"], sealer: sealer)
            auth["secret"] = nil
            auth["encryptedSecret"] = nil
            auth["secondarySecrets"] = nil
            fields["clientAuth"] = .object(auth)
        }
        return ClientBody(fields: fields, secret: secret, secondarySecrets: secondary, api: api)
    }

    func rules(hasSecret: Bool, state: EmulatorState) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        /// A secret that was given but is unusable is reported as such, not also as missing.
        var secretGiven = hasSecret
        if case .sealed(opened: nil) = secret {
            secretGiven = true
            issues.append(
                .invalidValue("clientAuth.encryptedSecret", "The encrypted secret is not valid for this server."))
        }
        if case .plaintext("") = secret {
            secretGiven = true
            issues.append(.invalidValue("clientAuth.secret", "The client secret must not be empty."))
        }
        let context = RuleContext(
            accessTokenManagerIDs: Set(state.accessTokenManagers.compactMap { $0["id"]?.stringValue }),
            oidcPolicyIDs: Set(state.oidcPolicies.compactMap { $0["id"]?.stringValue }),
            metadata: Dictionary(
                state.clientMetadata.compactMap { entry in
                    entry["parameter"]?.stringValue.map { ($0, entry["multiValued"]?.boolValue ?? false) }
                }, uniquingKeysWith: { first, _ in first }),
            hasSecret: secretGiven)
        issues += secondarySecrets.issues(at: "clientAuth.secondarySecrets")
        return issues + ClientRules.check(fields, context: context)
    }

    static func parseSecretBody(_ bytes: [UInt8], strict: Bool) throws(APIFailure) -> JSONObject {
        try checked(bytes, ClientModel.clientSecret, strict: strict)
    }

    /// The body as JSON, reduced to what `schema` stores; refused with a 400 naming the schema when
    /// it does not fit.
    private static func checked(_ bytes: [UInt8], _ schema: ObjectSchema, strict: Bool) throws(APIFailure)
        -> JSONObject
    {
        let value = try parseJSON(bytes)
        var checker = ShapeChecker(strict: strict)
        guard let object = checker.object(value, schema, path: ""), checker.issues.isEmpty else {
            throw APIFailure(APIResult.badRequest("The request body is not a valid \(schema.name).", checker.issues))
        }
        return object
    }

    static func parseJSON(_ bytes: [UInt8]) throws(APIFailure) -> JSONValue {
        guard !bytes.isEmpty else { throw APIFailure(APIResult.badRequest("The request body is empty.")) }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw APIFailure(
                APIResult.badRequest(
                    "The request body is not valid JSON: line \(error.line), column \(error.column): \(error.message)."))
        }
    }
}
