import PFShellJSON

/// `diff` and `pending` text for staged clients; secrets masked, a changed secret marked as changed.
public enum ClientDiff {
    /// `server`: the copy a commit found on the server when it stopped on a conflict; each field
    /// both sides changed then shows the server's value too.
    public static func lines(_ client: StagedClient, server: JSONObject? = nil) -> [String] {
        let header: String
        var body: [String] = []
        switch client.action {
        case .create:
            header = "+ client \(client.clientId) (new)"
            body = ClientComparison.flatten(ClientJSON.masked(client.current)).map { "  + \($0): \(render($1))" }
        case .delete:
            header = "- client \(client.clientId) (delete)"
        case .update:
            header = "~ client \(client.clientId)"
            let contested = contestedFields(client, server)
            let maskedServer = server.map(ClientJSON.masked)
            body = ClientComparison.differences(
                ClientJSON.masked(client.base ?? [:]), ClientJSON.masked(client.current)
            ).flatMap { difference -> [String] in
                var lines: [String] = []
                if let before = difference.before { lines.append("  - \(difference.path): \(render(before))") }
                if let after = difference.after { lines.append("  + \(difference.path): \(render(after))") }
                guard contested.contains(difference.path), let maskedServer else { return lines }
                let now = ClientJSON.value(at: difference.path, in: maskedServer).map(render) ?? "absent"
                return lines + ["  ! \(difference.path): \(now) on the server now ('client rebase' to take the server's other changes)"]
            }
        }
        return [header] + body + secretLines(client)
    }

    /// One line: `update web: description, redirectUris`.
    public static func summary(_ client: StagedClient) -> String {
        switch client.action {
        case .create: return "create \(client.clientId)"
        case .delete: return "delete \(client.clientId)"
        case .update:
            return "update \(client.clientId): \(client.changedFields.joined(separator: ", "))"
        }
    }

    /// What happens to the secrets, never their values.
    private static func secretLines(_ client: StagedClient) -> [String] {
        var lines: [String] = []
        if client.newSecret != nil {
            let change = client.rotatesSecret ? "(rotated: the current secret stays valid as a secondary secret)" : "(changed)"
            lines.append(client.action == .create ? "  + clientAuth.secret: (set)" : "  ~ clientAuth.secret: \(change)")
        } else if client.restoredSecret != nil {
            lines.append("  ~ clientAuth.secret: (restored from before)")
        }
        if client.expiresOldSecrets {
            let count = client.secondarySecretsOnServer.count
            lines.append("  - clientAuth.secondarySecrets: \(count) secondary secret(s), no longer valid once committed")
        }
        return lines
    }

    /// The fields both this session and the server changed since the fetch, found once per client:
    /// `diff` shows the server's value beside each.
    private static func contestedFields(_ client: StagedClient, _ server: JSONObject?) -> Set<String> {
        guard let server, let base = client.base else { return [] }
        return Set(ClientRebase.bothChanged(base: base, current: client.current, server: server))
    }

    static func render(_ value: JSONValue) -> String {
        JSONPrinter.print(value)
    }
}
