import PFShellJSON

/// What journals left by interrupted sessions hold: the clients still staged (without their new
/// secrets, which were never written down), the writes whose outcome nobody learned, and whether
/// a commit was cut short.
public struct JournalReplay: Sendable {
    /// Staged clients by ID, in the order first staged.
    public private(set) var clients: [String: StagedClient] = [:]
    private(set) var order: [String] = []
    private var ordered: Set<String> = []
    /// Clients whose write was sent (or about to be) with no outcome recorded.
    public private(set) var unknown: Set<String> = []
    public private(set) var commitInterrupted = false
    /// Clients that had a staged secret journaled by its source only, or not at all.
    public private(set) var secretSources: [String: SecretSource?] = [:]
    /// Records that could not be read (a line cut short by the crash, say).
    public private(set) var unreadable = 0

    public init() {}

    public init(_ journals: [[JSONValue]]) {
        for records in journals {
            for record in records { apply(record) }
        }
    }

    /// Staged clients that would send a write, in staging order.
    public var staged: [StagedClient] {
        order.compactMap { clients[$0] }.filter { $0.hasChanges || secretSources[$0.clientId] != nil }
    }

    /// Whether there is anything to resume.
    public var isEmpty: Bool { staged.isEmpty && unknown.isEmpty }

    mutating func apply(_ record: JSONValue) {
        let id = record["id"]?.stringValue ?? ""
        switch record["record"]?.stringValue {
        case "client":
            guard let value = record["client"] else { return unreadable += 1 }
            if value == .null {
                put(id, nil)
            } else if let client = JournalCoding.decode(id, value) {
                put(id, client)
                secretSources[id] = JournalCoding.hadSecret(value) ? .some(client.secretOrigin) : nil
            } else {
                unreadable += 1
            }
        case "members":
            guard var client = clients[id], let members = record["members"]?.objectValue else { return unreadable += 1 }
            for (key, value) in members.pairs { client.current[key] = value == .null ? JSONValue?.none : value }
            clients[id] = client
        case "commit":
            commitInterrupted = true
        case "intent":
            unknown.insert(id)
        case "outcome":
            unknown.remove(id)
            if record["result"]?.stringValue == JournalOutcome.applied.rawValue {
                put(id, nil)
                secretSources[id] = nil
            }
        case "committed":
            commitInterrupted = false
        case "session":
            break
        default:
            unreadable += 1
        }
    }

    private mutating func put(_ id: String, _ client: StagedClient?) {
        if client != nil, !ordered.contains(id) {
            order.append(id)
            ordered.insert(id)
        }
        clients[id] = client
    }
}
