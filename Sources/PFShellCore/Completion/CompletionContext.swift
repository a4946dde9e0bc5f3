/// What completion may offer beyond the command table: live data the session already holds
/// (never fetched during a Tab) and, through the edge, file names.
public struct CompletionContext: Sendable {
    /// Clients on the server as last listed, plus clients staged in this session.
    public var clientIDs: [String]
    public var accessTokenManagers: [String]
    public var profiles: [String]
    /// Redirect URIs of the selected client.
    public var redirectURIs: [String]
    /// Entries of a folder for a path prefix: names only, folders ending in `/`.
    public var files: @Sendable (String) -> [String]

    public init(
        clientIDs: [String] = [], accessTokenManagers: [String] = [], profiles: [String] = [],
        redirectURIs: [String] = [], files: @escaping @Sendable (String) -> [String] = { _ in [] }
    ) {
        self.clientIDs = clientIDs
        self.accessTokenManagers = accessTokenManagers
        self.profiles = profiles
        self.redirectURIs = redirectURIs
        self.files = files
    }
}

/// One thing Tab may insert.
public struct CompletionCandidate: Sendable, Equatable {
    /// The text that replaces the word at the cursor, quoted as needed.
    public let replacement: String
    /// How the candidate is listed.
    public let display: String
    /// Whether a space follows (not after `clientAuth.` or a folder's `/`).
    public let appendSpace: Bool
}

/// Completion's answer: the candidates and where the word they replace starts (a UTF-8 offset).
public struct Completions: Sendable, Equatable {
    public let wordStart: Int
    public let candidates: [CompletionCandidate]

    public var replacements: [String] { candidates.map(\.replacement) }
}

extension Session {
    /// The session's live data for completion; file names come from `files`.
    public func completionContext(files: @escaping @Sendable (String) -> [String] = { _ in [] }) -> CompletionContext {
        let redirects = selected.flatMap { changeset[$0]?.current["redirectUris"]?.arrayValue }?.compactMap(\.stringValue)
        return CompletionContext(
            clientIDs: clientIDsForCompletion(), accessTokenManagers: cache.accessTokenManagers,
            profiles: profiles.keys.sorted(), redirectURIs: redirects ?? [], files: files)
    }

    /// The cached IDs (kept sorted) plus staged new clients, without copying or sorting the cache
    /// on every Tab: staged clients are few, the cache may hold thousands.
    func clientIDsForCompletion() -> [String] {
        var ids = cache.clientIDs
        for staged in changeset.ordered where staged.action != .delete {
            let position = ids.partitioningIndex { $0 >= staged.clientId }
            if position == ids.endIndex || ids[position] != staged.clientId { ids.insert(staged.clientId, at: position) }
        }
        return ids
    }
}

extension Array where Element: Comparable {
    /// The first index whose element satisfies `belongs`, for a predicate that is false then true
    /// along the array (binary search).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
