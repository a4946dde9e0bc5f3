import PFShellJSON

/// The rules about a whole client that PingFederate enforces with a 422, written from the server's
/// side. Sources: required fields of the 12.1 model, the console's rule that client credentials need
/// client authentication, and the cross-field rules Ping's Terraform provider enforces on what its
/// users write. That the server shares those is a guess (marked inferred in the README); the one that
/// real exports contradict (a time only with OVERRIDE_SERVER_DEFAULT) is not enforced.
struct ClientRules {
    let client: JSONObject
    let context: RuleContext
    private(set) var issues: [ValidationIssue] = []

    static func check(_ client: JSONObject, context: RuleContext) -> [ValidationIssue] {
        var rules = ClientRules(client: client, context: context)
        rules.checkRequired()
        rules.checkURIs()
        rules.checkClientAuthentication()
        rules.checkKeys()
        rules.checkOverrides()
        rules.checkScopes()
        rules.checkCIBA()
        rules.checkReferences()
        rules.checkExtendedParameters()
        return rules.issues
    }

    private init(client: JSONObject, context: RuleContext) {
        self.client = client
        self.context = context
    }

    private var grantTypes: [String] {
        client["grantTypes"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    private func value(_ path: String) -> JSONValue? {
        var current: JSONValue? = .object(client)
        for part in path.split(separator: ".") { current = current?[String(part)] }
        return current
    }

    private func string(_ path: String) -> String? {
        value(path)?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    }

    private func isTrue(_ path: String) -> Bool {
        value(path)?.boolValue == true
    }

    private mutating func fail(_ path: String, _ message: String, id: String = "invalid_value") {
        issues.append(ValidationIssue(errorId: id, message: message, fieldPath: path))
    }

    // MARK: - Rules

    private mutating func checkRequired() {
        if string("clientId") == nil { issues.append(.required("clientId")) }
        if string("name") == nil { issues.append(.required("name")) }
        if grantTypes.isEmpty {
            fail("grantTypes", "At least one grant type is required.", id: "required_field_missing")
        }
    }

    private mutating func checkURIs() {
        for key in ["redirectUris", "oidcPolicy.logoutUris", "oidcPolicy.postLogoutRedirectUris"] {
            for (index, uri) in (value(key)?.arrayValue ?? []).enumerated() {
                let text = uri.stringValue ?? ""
                if !URIRules.isAbsoluteURI(text, wildcards: true) {
                    fail("\(key)[\(index)]", "'\(text)' is not a valid absolute URI.")
                }
            }
        }
        let single = [
            "logoUrl", "oidcPolicy.backChannelLogoutUri", "oidcPolicy.sectorIdentifierUri",
            "cibaNotificationEndpoint", "userAuthorizationUrlOverride", "jwksSettings.jwksUrl",
        ]
        for key in single {
            if let text = string(key), !URIRules.isWebURL(text) {
                fail(key, "'\(text)' is not a valid URL.")
            }
        }
    }

    private mutating func checkClientAuthentication() {
        let type = string("clientAuth.type") ?? "NONE"
        if grantTypes.contains("CLIENT_CREDENTIALS") && type == "NONE" {
            fail("clientAuth.type", "The Client Credentials grant type requires client authentication.")
        }
        switch type {
        case "SECRET", "CLIENT_SECRET_JWT":
            if !context.hasSecret {
                fail("clientAuth.secret", "A client secret is required for client authentication type \(type).")
            }
        case "CERTIFICATE":
            for key in ["clientCertIssuerDn", "clientCertSubjectDn"] where string("clientAuth.\(key)") == nil {
                fail("clientAuth.\(key)", "The field 'clientAuth.\(key)' is required for certificate authentication.")
            }
        case "PRIVATE_KEY_JWT":
            if value("jwksSettings") == nil {
                fail("jwksSettings", "A JWKS URL or JWKS is required for private key JWT authentication.")
            }
        default:
            break
        }
    }

    private mutating func checkKeys() {
        if value("jwksSettings") != nil {
            let hasURL = string("jwksSettings.jwksUrl") != nil
            let jwks = string("jwksSettings.jwks")
            if hasURL == (jwks != nil) {
                fail("jwksSettings", "Specify either a JWKS URL or a JWKS, not both and not neither.")
            }
            if let jwks, (try? JSONParser.parse(jwks))?["keys"]?.arrayValue == nil {
                fail("jwksSettings.jwks", "The JWKS must be a JSON object with a 'keys' array.")
            }
        }
        let needKeys = [
            ("requireSignedRequests", isTrue("requireSignedRequests")),
            ("tokenIntrospectionEncryptionAlgorithm", string("tokenIntrospectionEncryptionAlgorithm") != nil),
            ("oidcPolicy.idTokenEncryptionAlgorithm", string("oidcPolicy.idTokenEncryptionAlgorithm") != nil),
        ]
        for (path, needed) in needKeys where needed && value("jwksSettings") == nil {
            fail(path, "This setting requires the client's JWKS URL or JWKS (jwksSettings).")
        }
        let pairs = [
            ("oidcPolicy.idTokenEncryptionAlgorithm", "oidcPolicy.idTokenContentEncryptionAlgorithm"),
            ("tokenIntrospectionEncryptionAlgorithm", "tokenIntrospectionContentEncryptionAlgorithm"),
            (
                "jwtSecuredAuthorizationResponseModeEncryptionAlgorithm",
                "jwtSecuredAuthorizationResponseModeContentEncryptionAlgorithm"
            ),
        ]
        for (key, content) in pairs where (string(key) == nil) != (string(content) == nil) {
            let missing = string(key) == nil ? key : content
            fail(missing, "'\(key)' and '\(content)' must be set together.")
        }
    }

    /// A time or interval is required with OVERRIDE_SERVER_DEFAULT. With any other type it is accepted
    /// and kept: real servers return `persistentGrantExpirationTime: 0` (and the idle timeout) with
    /// SERVER_DEFAULT and take it back (pf-real-server §1). That they also accept a non-zero time with
    /// another type is a guess; Terraform refuses it, but only in what its users write.
    private mutating func checkOverrides() {
        let overrides = [
            ("refreshTokenRollingIntervalType", "refreshTokenRollingInterval"),
            ("persistentGrantExpirationType", "persistentGrantExpirationTime"),
            ("persistentGrantIdleTimeoutType", "persistentGrantIdleTimeout"),
            ("refreshTokenRollingGracePeriodType", "refreshTokenRollingGracePeriod"),
            ("clientSecretRetentionPeriodType", "clientSecretRetentionPeriod"),
        ]
        for (typeField, valueField) in overrides {
            let number = value(valueField)?.intValue
            if string(typeField) == "OVERRIDE_SERVER_DEFAULT" && number == nil {
                fail(valueField, "'\(valueField)' is required when '\(typeField)' is OVERRIDE_SERVER_DEFAULT.")
            } else if let number, number < 0, !(valueField == "persistentGrantExpirationTime" && number == -1) {
                fail(valueField, "'\(valueField)' must not be negative.")
            }
        }
    }

    private mutating func checkScopes() {
        let restricted = value("restrictedScopes")?.arrayValue ?? []
        if !restricted.isEmpty && !isTrue("restrictScopes") {
            fail("restrictedScopes", "Restricted scopes can only be set when 'restrictScopes' is true.")
        }
        if isTrue("restrictToDefaultAccessTokenManager") && value("defaultAccessTokenManagerRef") == nil {
            fail(
                "defaultAccessTokenManagerRef",
                "A default access token manager is required when restricting to it.")
        }
        if string("oidcPolicy.sectorIdentifierUri") != nil && !isTrue("oidcPolicy.pairwiseIdentifierUserType") {
            fail("oidcPolicy.sectorIdentifierUri", "A sector identifier URI requires pairwise identifiers.")
        }
    }

    private mutating func checkCIBA() {
        guard grantTypes.contains("CIBA") else { return }
        if string("cibaDeliveryMode") == "PING" && string("cibaNotificationEndpoint") == nil {
            fail("cibaNotificationEndpoint", "A notification endpoint is required for the PING delivery mode.")
        }
        if let interval = value("cibaPollingInterval")?.intValue, !(0...3600).contains(interval) {
            fail("cibaPollingInterval", "The polling interval must be between 0 and 3600 seconds.")
        }
    }

    private mutating func checkReferences() {
        let references: [(String, Set<String>, String)] = [
            ("defaultAccessTokenManagerRef", context.accessTokenManagerIDs, "access token manager"),
            ("oidcPolicy.policyGroup", context.oidcPolicyIDs, "OpenID Connect policy"),
            ("requestPolicyRef", [], "CIBA request policy"),
            ("tokenExchangeProcessorPolicyRef", [], "token exchange processor policy"),
        ]
        for (path, known, kind) in references where value(path) != nil {
            guard let id = string("\(path).id") else {
                issues.append(.required("\(path).id"))
                continue
            }
            if !known.contains(id) {
                fail("\(path).id", "The \(kind) with ID '\(id)' is not found.", id: "resource_not_found")
            }
        }
    }

    private mutating func checkExtendedParameters() {
        for (name, entry) in value("extendedParameters")?.objectValue?.pairs ?? [] {
            let path = "extendedParameters.\(name)"
            guard let multiValued = context.metadata[name] else {
                fail(path, "'\(name)' is not defined in the client metadata of the client settings.")
                continue
            }
            let count = entry["values"]?.arrayValue?.count ?? 0
            if count == 0 {
                fail("\(path).values", "At least one value is required.")
            } else if count > 1 && !multiValued {
                fail("\(path).values", "'\(name)' is not multi-valued.")
            }
        }
    }
}
