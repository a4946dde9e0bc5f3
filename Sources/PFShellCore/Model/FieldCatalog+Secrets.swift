/// The one rule for what is secret material. Every writer that hides, drops or refuses secrets
/// (display masking, the commit body, `client clone`, server messages, the trace, the history)
/// asks here; what each does with the material stays its own rule.
extension FieldCatalog {
    /// The fields holding secret material, in API order.
    public static let secretFields: [FieldInfo] = all.filter(\.isSecret)

    /// Credentials the shell handles that are no client field: the administrator's password and
    /// bearer token (`connect`), and keys.
    private static let credentialNames = ["password", "token", "key"]

    /// What a secret name ends with: the secret fields' names and the credentials, see `holdsSecret`.
    private static let secretEndings: [String] = (secretFields.map(\.name) + credentialNames).map { $0.lowercased() }

    /// Whether the field at a dotted path (a server's `fieldPath`, indexes allowed) is secret:
    /// a secret field, given whole (`clientAuth.secret`) or by its name alone (`secret`), as
    /// servers name them, or anything inside one (`clientAuth.secondarySecrets[0].expiryTime`).
    public static func isSecret(path: String) -> Bool {
        secretFields.contains { field in
            [field.path, field.name].contains { path == $0 || path.hasPrefix($0 + ".") || path.hasPrefix($0 + "[") }
        }
    }

    /// Whether a JSON member or a variable named `key` holds secret material, wherever it stands:
    /// the name, case ignored, ends like a secret field's (`secret`, `clientSecret`,
    /// `CLIENT_SECRET`, the `secret` and `encryptedSecret` of each secondary secret) or a
    /// credential's (`password`, `access_token`, `API_KEY`). No plural is guessed
    /// (`secondarySecrets` counts by its own name): `requireOfflineAccessScopeToIssueRefreshTokens`
    /// holds none. Of the client's own fields only the secret ones end so (the tests hold every
    /// name to it).
    public static func holdsSecret(key: String) -> Bool {
        let name = key.lowercased()
        return secretEndings.contains { name.hasSuffix($0) }
    }
}
