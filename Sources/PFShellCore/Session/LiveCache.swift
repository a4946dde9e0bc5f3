/// What the server had when last asked, for completion: never a reason to wait on the network.
public struct LiveCache: Sendable, Equatable {
    /// Sorted, so completion can merge staged clients in without sorting on every Tab.
    public var clientIDs: [String] = [] {
        didSet { if !clientIDs.isSortedAscending { clientIDs.sort() } }
    }
    public var accessTokenManagers: [String] = []
    public var profiles: [String] = []

    public init() {}
}

extension Array where Element: Comparable {
    var isSortedAscending: Bool {
        zip(self, dropFirst()).allSatisfy { $0 <= $1 }
    }
}
