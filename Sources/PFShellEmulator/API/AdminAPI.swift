import PFShellJSON

/// The Admin API under `/pf-admin-api/v1`, answering one request at a time against the state it holds.
/// Thread-safe: requests are serialised by the ``EmulatorStore``'s lock, and each one sees and leaves
/// a whole state. The runtime OAuth endpoints (``RuntimeAPI``) may share the same store.
public final class AdminAPI: Sendable {
    public typealias Clock = @Sendable () -> Int64
    public typealias RandomBytes = @Sendable (Int) -> [UInt8]
    public typealias Persist = EmulatorStore.Persist

    public static let basePath = "/pf-admin-api/v1"

    let configuration: EmulatorConfiguration
    let clock: Clock
    let random: RandomBytes
    /// The state, shared with a ``RuntimeAPI`` when one is built over the same store.
    public let store: EmulatorStore

    /// - Parameters:
    ///   - clock: the time in milliseconds since 1970; injected so tests control it.
    ///   - random: cryptographically random bytes, for the nonces of `encryptedSecret`.
    ///   - persist: called with the new state after every change, before the response is sent and
    ///     before other requests see it; when it throws, the change is dropped and the request gets a 500.
    ///     Nil keeps the state in memory only.
    public convenience init(
        configuration: EmulatorConfiguration, state: EmulatorState, clock: @escaping Clock,
        random: @escaping RandomBytes, persist: Persist? = nil
    ) {
        self.init(
            configuration: configuration, store: EmulatorStore(state: state, persist: persist), clock: clock,
            random: random)
    }

    /// An Admin API over a store that others (the runtime endpoints) may share; the store persists.
    public init(
        configuration: EmulatorConfiguration, store: EmulatorStore, clock: @escaping Clock,
        random: @escaping RandomBytes
    ) {
        self.configuration = configuration
        self.clock = clock
        self.random = random
        self.store = store
    }

    /// A copy of the state as it is now.
    public var state: EmulatorState {
        store.state
    }

    public func handle(_ request: EmulatorRequest) -> EmulatorResponse {
        // Read before the state lock is taken for the request: the grants sit behind the same lock.
        let oauthAdmin = isOAuthAdministrator(request)
        return store.change { state in
            respond(to: request, state: &state, oauthAdmin: oauthAdmin)
        } failed: { error in
            APIResult.serverError("The change could not be saved: \(error)")
        }
    }
}
