/// The whole-client checks a commit makes, limited to what this session changes.
extension StagedClient {
    /// The problems this change would bring to the server. A new client is checked whole; an edited
    /// one reports only problems its server copy did not already have, so a value the user did not
    /// touch never holds a commit: the server accepted it, and judging it is the server's business.
    /// The server copy is checked only when the staged client has a problem at all.
    public var introducedProblems: [FieldProblem] {
        let hasSecret = newSecret != nil || restoredSecret != nil || (action == .update && hasSecretOnServer)
        let problems = ClientChecks.check(current, hasSecret: hasSecret)
        guard action == .update, let base, !problems.isEmpty else { return problems }
        let existing = Set(ClientChecks.check(base, hasSecret: hasSecretOnServer))
        return problems.filter { !existing.contains($0) }
    }
}
