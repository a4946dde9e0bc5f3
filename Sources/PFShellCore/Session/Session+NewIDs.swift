import PFShellJSON

extension Session {
    /// Up to this many unchecked new IDs are looked up one by one; more, with one listing.
    static let newIDLookupLimit = 8

    static func existsMessage(_ id: String) -> String {
        "client '\(id)' already exists on the server; use 'client edit \(id)' or 'client ensure \(id)'"
    }

    /// Before a commit sends anything: the new clients staged without asking the server must not
    /// exist there. Each one that does is reported at the line that staged it.
    func verifyNewIDs(_ i: Invocation, _ clients: [StagedClient]) throws(ShellError) {
        let unchecked = clients.filter { $0.action == .create && newIDsToVerify.contains($0.clientId) }
        guard !unchecked.isEmpty, server != nil else { return }
        let existing = try existingIDs(i, among: unchecked.map(\.clientId))
        let notes = unchecked.filter { existing.contains($0.clientId) }.map { client in
            (client.stagedAt.map { "\($0): " } ?? "") + Self.existsMessage(client.clientId)
        }
        guard notes.isEmpty else {
            throw ShellError(.command, command: i.name, "\(notes.count) new client(s) already exist; nothing was sent", notes: notes)
        }
        newIDsToVerify.subtract(unchecked.map(\.clientId))
    }

    private func existingIDs(_ i: Invocation, among ids: [String]) throws(ShellError) -> Set<String> {
        if ids.count <= Self.newIDLookupLimit {
            var found: Set<String> = []
            for id in ids where try fetchClient(i, id) != nil { found.insert(id) }
            return found
        }
        let all = try listItems(i, APIRequest(.get, "/oauth/clients"), "listing clients").compactMap { $0["clientId"]?.stringValue }
        return Set(all).intersection(ids)
    }
}
