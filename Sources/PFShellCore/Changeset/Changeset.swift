import PFShellJSON

/// Everything staged in a session, by client ID, in the order clients were first staged.
public struct Changeset: Sendable, Equatable {
    public private(set) var clients: [String: StagedClient] = [:]
    private var nextOrder = 0

    public init() {}

    /// Clients in staging order.
    public var ordered: [StagedClient] {
        clients.values.sorted { $0.order < $1.order }
    }

    /// Clients whose commit would send a write.
    public var changed: [StagedClient] {
        ordered.filter(\.hasChanges)
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
            clients[id] = existing
            return
        }
        clients[id] = StagedClient(
            clientId: id, action: action, base: base, current: current, stagedAt: location, order: nextOrder)
        nextOrder += 1
    }

    public mutating func update(_ id: String, _ change: (inout StagedClient) -> Void) {
        guard var client = clients[id] else { return }
        change(&client)
        clients[id] = client
    }

    public mutating func remove(_ id: String) {
        clients[id] = nil
    }

    public mutating func removeAll() {
        clients = [:]
    }
}
