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
    public var accessTokenManagers: [String] = []
    public var profiles: [String] = []

    public init() {}

    /// Adds one ID in its sorted place (a binary search, not a scan and a sort).
    public mutating func insert(_ id: String) {
        let position = clientIDs.partitioningIndex { $0 >= id }
        if position == clientIDs.endIndex || clientIDs[position] != id { clientIDs.insert(id, at: position) }
    }

    public mutating func remove(_ id: String) {
        let position = clientIDs.partitioningIndex { $0 >= id }
        if position < clientIDs.endIndex && clientIDs[position] == id { clientIDs.remove(at: position) }
    }

    /// What a filtered listing taught: its clients exist, and a cached ID the filter matches but the
    /// listing lacks was deleted (the server's filter matches IDs and names, without case).
    public mutating func learn(filter: String, found: [String]) {
        let folded = filter.lowercased()
        var ids = Set(clientIDs.filter { !$0.lowercased().contains(folded) })
        ids.formUnion(found)
        clientIDs = ids.sorted()
    }
}

extension Array where Element: Comparable {
    var isSortedAscending: Bool {
        zip(self, dropFirst()).allSatisfy { $0 <= $1 }
    }
}
