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
    /// The line being recorded: a client it brings from "nothing to write" to a change is staged there.
    private var recordingAt: SourceLocation?

    public init() {}

    /// What a command changed: every touched client's previous state, to put back on `undo` or failure.
    /// An edit of a client's fields keeps only the members it replaced, so a script of 100,000
    /// staging commands keeps 100,000 small records, not 100,000 copies of clients.
    public struct Record: Sendable {
        let changes: [(id: String, before: Before)]
        public var isEmpty: Bool { changes.isEmpty }
        /// The IDs of the clients the command touched.
        public var touchedIDs: Set<String> { Set(changes.map(\.id)) }

        /// The members of the client's staged JSON this record would put back, or nil when it
        /// keeps the whole client.
        public func replacedMembers(of id: String) -> [String]? {
            guard let before = changes.first(where: { $0.id == id })?.before, case .members(let members) = before
            else { return nil }
            return members.map(\.key)
        }
    }

    enum Before: Sendable {
        /// The whole client as it was (nil: it was not staged).
        case whole(StagedClient?)
        /// Top-level members of `current` as they were (nil: absent); nothing else had changed.
        case members([(key: String, value: JSONValue?)])
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

    /// Starts remembering what each change replaces; `location` is the line making the changes.
    public mutating func startRecording(at location: SourceLocation? = nil) {
        recording = [:]
        recordingAt = location
    }

    /// Stops remembering; what was replaced since `startRecording`.
    public mutating func stopRecording() -> Record {
        defer {
            recording = nil
            recordingAt = nil
        }
        let touched = (recording ?? [:]).map { id, before in (id: id, before: Self.before(before, clients[id])) }
        return Record(changes: touched)
    }

    /// Puts back what a record replaced.
    public mutating func restore(_ record: Record) {
        for (id, before) in record.changes {
            switch before {
            case .whole(let client):
                put(id, client)
            case .members(let members):
                guard var client = clients[id] else { continue }
                for (key, value) in members { client.current[key] = value }
                put(id, client)
            }
        }
    }

    /// The smallest description of `before` that `restore` can return `after` to: its replaced
    /// members when only `current` changed and no member was removed (so the order of the keys comes
    /// back exactly), otherwise the whole client.
    private static func before(_ before: StagedClient?, _ after: StagedClient?) -> Before {
        guard let before, let after, before.action == after.action, before.newSecret == after.newSecret,
            before.restoredSecret == after.restoredSecret, before.rotatesSecret == after.rotatesSecret,
            before.expiresOldSecrets == after.expiresOldSecrets,
            before.stagedAt == after.stagedAt, before.base == after.base,
            after.current.keys.starts(with: before.current.keys)
        else { return .whole(before) }
        let replaced = after.current.keys.compactMap { key -> (key: String, value: JSONValue?)? in
            let old = before.current[key]
            return old == after.current[key] ? nil : (key, old)
        }
        return .members(replaced)
    }

    /// The one place a client changes: keeps the record and the set of changed clients.
    /// A client that had nothing to write and now has is staged at the line recording, so an error
    /// found at commit names that line, not one whose change was already committed.
    private mutating func put(_ id: String, _ client: StagedClient?) {
        if recording != nil, recording?[id] == nil { recording?[id] = .some(clients[id]) }
        var client = client
        let changed = client?.hasChanges == true
        if let location = recordingAt, changed, !changedIDs.contains(id) { client?.stagedAt = location }
        clients[id] = client
        if changed { changedIDs.insert(id) } else { changedIDs.remove(id) }
        revision += 1
    }
}

extension Changeset: Equatable {
    /// Two changesets are equal when they stage the same clients.
    public static func == (lhs: Changeset, rhs: Changeset) -> Bool {
        lhs.clients == rhs.clients
    }
}
