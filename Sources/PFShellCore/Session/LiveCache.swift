/// What the server had when last asked, for completion: never a reason to wait on the network.
public struct LiveCache: Sendable, Equatable {
    /// Sorted, so completion can merge staged clients in without sorting on every Tab.
    public var clientIDs: [String] = [] {
        didSet {
            if !clientIDs.isSortedAscending { clientIDs.sort() }
            revision += 1
        }
    }
    /// Counts changes to `clientIDs`, so a listing fetched in the background can tell whether the
    /// session learned something newer meanwhile.
    public private(set) var revision = 0
    /// Client names by ID, where a listing told them: descriptions for completion in zsh and fish.
    public private(set) var clientNames: [String: String] = [:]
    public var accessTokenManagers: [String] = []
    public var profiles: [String] = []

    public init() {}

    /// A client as a listing shows it: its ID and name.
    public typealias Entry = (id: String, name: String?)

    /// Whether `clientIDs` came from a full listing (and changes since), rather than from what
    /// this session happened to see.
    public private(set) var isFull = false

    /// Everything a full listing holds.
    public mutating func replace(_ clients: [Entry]) {
        clientNames = [:]
        for client in clients { clientNames[client.id] = client.name }
        clientIDs = clients.map(\.id)
        isFull = true
    }

    /// Drops what is known of the server (on connecting to another, or disconnecting).
    public mutating func forgetServer() {
        clientIDs = []
        clientNames = [:]
        accessTokenManagers = []
        isFull = false
    }

    /// Adds the clients of a listing to what is cached, keeping what the session learned since.
    public mutating func merge(_ clients: [Entry]) {
        var ids = Set(clientIDs)
        for client in clients {
            ids.insert(client.id)
            if let name = client.name { clientNames[client.id] = name }
        }
        clientIDs = ids.sorted()
    }

    /// Adds one ID in its sorted place (a binary search, not a scan and a sort).
    public mutating func insert(_ id: String, name: String? = nil) {
        if let name { clientNames[id] = name }
        let position = clientIDs.partitioningIndex { $0 >= id }
        if position == clientIDs.endIndex || clientIDs[position] != id { clientIDs.insert(id, at: position) }
    }

    public mutating func remove(_ id: String) {
        clientNames[id] = nil
        let position = clientIDs.partitioningIndex { $0 >= id }
        if position < clientIDs.endIndex && clientIDs[position] == id { clientIDs.remove(at: position) }
    }

    /// What a filtered listing taught: its clients exist, and a cached client the filter matches
    /// (by ID or name, without case, as the server's filter does) but the listing lacks was deleted.
    public mutating func learn(filter: String, found: [Entry]) {
        let folded = filter.lowercased()
        let gone = clientIDs.filter { id in
            id.lowercased().contains(folded) || clientNames[id]?.lowercased().contains(folded) == true
        }
        var ids = Set(clientIDs).subtracting(gone)
        for id in gone { clientNames[id] = nil }
        for client in found {
            ids.insert(client.id)
            if let name = client.name { clientNames[client.id] = name }
        }
        clientIDs = ids.sorted()
    }
}

extension LiveCache {
    public static func == (lhs: LiveCache, rhs: LiveCache) -> Bool {
        lhs.clientIDs == rhs.clientIDs && lhs.clientNames == rhs.clientNames
            && lhs.accessTokenManagers == rhs.accessTokenManagers && lhs.profiles == rhs.profiles
    }
}

extension Array where Element: Comparable {
    var isSortedAscending: Bool {
        zip(self, dropFirst()).allSatisfy { $0 <= $1 }
    }
}
