import PFShellJSON

/// Everything staged in a session, by client ID, in the order clients were first staged.
///
/// Work per change is proportional to the change, never to what is staged: which clients would
/// send a write is kept up to date one client at a time, and undo keeps only what each command
/// replaced (`startRecording`/`stopRecording`), not a copy of everything.
public struct Changeset: Sendable {
    public private(set) var clients: [String: StagedClient] = [:]
    /// IDs of the clients whose commit would send a write.
    public private(set) var changedIDs: Set<String> = []
    /// Counts every change, so "the same as when last validated" is one comparison.
    public private(set) var revision = 0
    private var nextOrder = 0
    /// While recording: each client touched since `startRecording`, as it was before (nil: absent).
    private var recording: [String: StagedClient?]?

    public init() {}

    /// What a command changed: every touched client's previous state, to put back on `undo` or failure.
    public struct Record: Sendable {
        public let previous: [String: StagedClient?]
        public var isEmpty: Bool { previous.isEmpty }
    }

    /// Clients in staging order.
    public var ordered: [StagedClient] {
        clients.values.sorted { $0.order < $1.order }
    }

    /// Clients whose commit would send a write, in staging order.
    public var changed: [StagedClient] {
        changedIDs.compactMap { clients[$0] }.sorted { $0.order < $1.order }
    }

    public subscript(id: String) -> StagedClient? {
        clients[id]
    }

    /// Adds a client to the changeset, keeping its first position if it was there before.
    public mutating func stage(
        _ id: String, action: StagedClient.Action, base: JSONObject?, current: JSONObject, at location: SourceLocation?
    ) {
        if var existing = clients[id] {
            existing.action = action
            existing.base = base
            existing.current = current
            put(id, existing)
            return
        }
        put(id, StagedClient(clientId: id, action: action, base: base, current: current, stagedAt: location, order: nextOrder))
        nextOrder += 1
    }

    public mutating func update(_ id: String, _ change: (inout StagedClient) -> Void) {
        guard var client = clients[id] else { return }
        change(&client)
        put(id, client)
    }

    public mutating func remove(_ id: String) {
        guard clients[id] != nil else { return }
        put(id, nil)
    }

    public mutating func removeAll() {
        for id in Array(clients.keys) { put(id, nil) }
    }

    // MARK: - Recording, for undo

    /// Starts remembering what each change replaces.
    public mutating func startRecording() {
        recording = [:]
    }

    /// Stops remembering; what was replaced since `startRecording`.
    public mutating func stopRecording() -> Record {
        defer { recording = nil }
        return Record(previous: recording ?? [:])
    }

    /// Puts back what a record replaced.
    public mutating func restore(_ record: Record) {
        for (id, previous) in record.previous { put(id, previous) }
    }

    /// The one place a client changes: keeps the record and the set of changed clients.
    private mutating func put(_ id: String, _ client: StagedClient?) {
        if recording != nil, recording?[id] == nil { recording?[id] = .some(clients[id]) }
        clients[id] = client
        if client?.hasChanges == true { changedIDs.insert(id) } else { changedIDs.remove(id) }
        revision += 1
    }
}

extension Changeset: Equatable {
    /// Two changesets are equal when they stage the same clients.
    public static func == (lhs: Changeset, rhs: Changeset) -> Bool {
        lhs.clients == rhs.clients
    }
}
