import PFShellJSON

/// Rules that tie one field to another.
extension ClientChecks {
    /// Each time or interval field and the type field that needs it with OVERRIDE_SERVER_DEFAULT.
    static let overrideFields: [(type: String, value: String)] = [
        ("persistentGrantExpirationType", "persistentGrantExpirationTime"),
        ("persistentGrantIdleTimeoutType", "persistentGrantIdleTimeout"),
        ("refreshTokenRollingIntervalType", "refreshTokenRollingInterval"),
        ("refreshTokenRollingGracePeriodType", "refreshTokenRollingGracePeriod"),
        ("clientSecretRetentionPeriodType", "clientSecretRetentionPeriod"),
    ]

    /// OVERRIDE_SERVER_DEFAULT needs its time or interval. The converse is no rule: real servers
    /// return a time of 0 DAYS with SERVER_DEFAULT and take it back (Terraform's "only with an
    /// override" is a check of its own configuration, not the server's).
    static func overrideNeedsItsValue(_ view: ClientView) -> [FieldProblem] {
        overrideFields.compactMap { pair in
            guard view.string(pair.type) == "OVERRIDE_SERVER_DEFAULT", !view.isPresent(pair.value) else { return nil }
            return FieldProblem(
                field: pair.value,
                message: "'\(pair.value)' is required when '\(pair.type)' is OVERRIDE_SERVER_DEFAULT"
            )
        }
    }

    /// An empty list is what the server returns for an unrestricted client, so only a non-empty one counts.
    static func restrictedScopes(_ view: ClientView) -> [FieldProblem] {
        guard view.value("restrictedScopes")?.arrayValue?.isEmpty == false, !view.isTrue("restrictScopes") else {
            return []
        }
        return [FieldProblem(
            field: "restrictedScopes",
            message: "'restrictedScopes' needs 'restrictScopes' to be true; use 'set restrictScopes true'"
        )]
    }

    /// In PING mode the server calls the client back, so it needs somewhere to call.
    static func cibaPing(_ view: ClientView) -> [FieldProblem] {
        guard view.string("cibaDeliveryMode") == "PING", view.nonEmptyString("cibaNotificationEndpoint") == nil else {
            return []
        }
        return [FieldProblem(
            field: "cibaNotificationEndpoint", message: "ciba delivery mode PING needs 'cibaNotificationEndpoint'"
        )]
    }

    /// Checking a client's signed requests and encrypting to it both need its keys.
    static func jwksNeeds(_ view: ClientView) -> [FieldProblem] {
        guard !view.hasJwks else { return [] }
        var problems: [FieldProblem] = []
        if view.isTrue("requireSignedRequests") {
            problems.append(FieldProblem(
                field: "requireSignedRequests",
                message: "'requireSignedRequests' needs 'jwksSettings.jwksUrl' or 'jwksSettings.jwks'"
            ))
        }
        if view.isPresent("tokenIntrospectionEncryptionAlgorithm") {
            problems.append(FieldProblem(
                field: "tokenIntrospectionEncryptionAlgorithm",
                message: "'tokenIntrospectionEncryptionAlgorithm' needs 'jwksSettings.jwksUrl' or 'jwksSettings.jwks'"
            ))
        }
        return problems
    }

    /// The key and content encryption algorithms of ID tokens are set together or not at all.
    static func idTokenEncryption(_ view: ClientView) -> [FieldProblem] {
        let key = "oidcPolicy.idTokenEncryptionAlgorithm"
        let content = "oidcPolicy.idTokenContentEncryptionAlgorithm"
        switch (view.isPresent(key), view.isPresent(content)) {
        case (true, false): return [FieldProblem(field: content, message: "'\(key)' needs '\(content)'")]
        case (false, true): return [FieldProblem(field: key, message: "'\(content)' needs '\(key)'")]
        default: return []
        }
    }

    /// Every redirect-like URI (redirect, logout, post-logout) must pass `RedirectURI.check`.
    static func redirectURIs(_ view: ClientView) -> [FieldProblem] {
        FieldCatalog.all.filter { $0.kind == .uriList }.flatMap { field -> [FieldProblem] in
            let uris = view.value(field.path)?.arrayValue?.compactMap(\.stringValue) ?? []
            return uris.compactMap { uri -> FieldProblem? in
                guard case .failure(let error) = RedirectURI.check(uri, field: field.path) else { return nil }
                return FieldProblem(field: field.path, message: error.message)
            }
        }
    }
}
