import PFShellJSON
import Synchronization

/// The Admin API under `/pf-admin-api/v1`, answering one request at a time against the state it holds.
/// Thread-safe: requests are serialised by a lock, and each one sees and leaves a whole state.
public final class AdminAPI: Sendable {
    public typealias Clock = @Sendable () -> Int64
    public typealias RandomBytes = @Sendable (Int) -> [UInt8]
    public typealias Persist = @Sendable (EmulatorState) throws -> Void

    public static let basePath = "/pf-admin-api/v1"

    let configuration: EmulatorConfiguration
    let clock: Clock
    let random: RandomBytes
    let persist: Persist
    private let current: Mutex<EmulatorState>

    /// - Parameters:
    ///   - clock: the time in milliseconds since 1970; injected so tests control it.
    ///   - random: cryptographically random bytes, for the nonces of `encryptedSecret`.
    ///   - persist: called with the new state after every change, before the response is sent;
    ///     when it throws, the change is undone and the request gets a 500.
    public init(
        configuration: EmulatorConfiguration, state: EmulatorState, clock: @escaping Clock,
        random: @escaping RandomBytes, persist: @escaping Persist = { _ in }
    ) {
        self.configuration = configuration
        self.clock = clock
        self.random = random
        self.persist = persist
        self.current = Mutex(state)
    }

    /// A copy of the state as it is now.
    public var state: EmulatorState {
        current.withLock { $0 }
    }

    public func handle(_ request: APIRequest) -> APIResponse {
        current.withLock { state in
            var working = state
            let response = respond(to: request, state: &working)
            guard working != state else { return response }
            do {
                try persist(working)
            } catch {
                return APIResult.serverError("The change could not be saved: \(error)")
            }
            state = working
            return response
        }
    }
}
