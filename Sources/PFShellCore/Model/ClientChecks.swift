import PFShellJSON

/// The whole-client rules a commit checks before sending anything. Written from the shell's side
/// from the API reference (required fields, the console's and TF's cross-field rules), so the
/// server's own validation stays an independent second opinion. Terraform's rules are what it checks
/// in its users' configuration; that the server shares them is inferred, which is why a commit only
/// holds a change to them, never a client the server already has (see `StagedClient.introducedProblems`).
public enum ClientChecks {
    /// Every problem found, in rule order; empty when the client may be sent. `hasSecret` is true when
    /// the session holds a new secret or the server already has one (an `encryptedSecret`); a
    /// non-empty `clientAuth.secret` or `encryptedSecret` in `client` counts too.
    public static func check(_ client: JSONObject, hasSecret: Bool) -> [FieldProblem] {
        let view = ClientView(client: client, hasSecret: hasSecret)
        let rules: [(ClientView) -> [FieldProblem]] = [
            required, shapes, clientAuthentication, idTokenSigning, overrideNeedsItsValue,
            restrictedScopes, cibaPing, jwksNeeds, idTokenEncryption, redirectURIs,
        ]
        return rules.flatMap { $0(view) }
    }

    static let authenticationHint = "use 'secret set' or 'secret generate'"

    /// `clientId`, `name` and at least one grant type; a non-string is left to the shape rule.
    static func required(_ view: ClientView) -> [FieldProblem] {
        let missing = ["clientId", "name"].filter { path in
            guard let value = view.value(path) else { return true }
            return value.stringValue.map { ModelText.trimmed($0).isEmpty } ?? false
        }
        var problems = missing.map { FieldProblem(field: $0, message: "'\($0)' is required and must not be empty") }
        let grantTypes = view.value("grantTypes")
        if grantTypes == nil || grantTypes?.arrayValue?.isEmpty == true {
            problems.append(FieldProblem(
                field: "grantTypes",
                message: "at least one grant type is required, e.g. 'set grantTypes client-credentials'"
            ))
        }
        return problems
    }

    /// CLIENT_CREDENTIALS needs a method; each method needs its material.
    static func clientAuthentication(_ view: ClientView) -> [FieldProblem] {
        let type = view.authType
        var problems: [FieldProblem] = []
        if type == "NONE" && view.grantTypes.contains(GrantType.clientCredentials.apiName) {
            problems.append(FieldProblem(
                field: "clientAuth.type",
                message: "grant type CLIENT_CREDENTIALS needs client authentication; \(authenticationHint)"
            ))
        }
        return problems + methodMaterial(type, view)
    }

    private static func methodMaterial(_ type: String, _ view: ClientView) -> [FieldProblem] {
        switch type {
        case "SECRET", "CLIENT_SECRET_JWT":
            if view.hasSecret { return [] }
            return [FieldProblem(
                field: "clientAuth.secret",
                message: "client authentication \(type) needs a secret; \(authenticationHint)"
            )]
        case "CERTIFICATE":
            let paths = ["clientAuth.clientCertIssuerDn", "clientAuth.clientCertSubjectDn"]
            return paths.filter { view.nonEmptyString($0) == nil }.map {
                FieldProblem(field: $0, message: "client authentication CERTIFICATE needs '\($0)'")
            }
        case "PRIVATE_KEY_JWT":
            if view.hasJwks { return [] }
            return [FieldProblem(
                field: "jwksSettings",
                message: "client authentication PRIVATE_KEY_JWT needs 'jwksSettings.jwksUrl' or 'jwksSettings.jwks'"
            )]
        default:
            return []
        }
    }

    /// HMAC-signed ID tokens are keyed with the client's secret, so they need client authentication.
    static func idTokenSigning(_ view: ClientView) -> [FieldProblem] {
        let path = "oidcPolicy.idTokenSigningAlgorithm"
        guard let algorithm = view.string(path), algorithm.hasPrefix("HS"), view.authType == "NONE" else { return [] }
        return [FieldProblem(
            field: path,
            message: "id token signing algorithm \(algorithm) needs client authentication; \(authenticationHint)"
        )]
    }
}
