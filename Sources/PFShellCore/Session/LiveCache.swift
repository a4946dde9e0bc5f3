/// What the server had when last asked, for completion: never a reason to wait on the network.
public struct LiveCache: Sendable, Equatable {
    public var clientIDs: [String] = []
    public var accessTokenManagers: [String] = []
    public var profiles: [String] = []

    public init() {}
}
