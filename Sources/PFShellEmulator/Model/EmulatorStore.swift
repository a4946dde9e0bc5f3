import Synchronization

/// The one place the emulator's data lives, shared by the Admin API and the runtime OAuth endpoints
/// behind a single lock: a client created through one is at once usable at the other.
///
/// It holds two parts. The ``EmulatorState`` (clients, token managers, policies) is what the Admin API
/// changes and what `persist` saves. The runtime grants (authorization codes, access and refresh
/// tokens) are kept in memory only: they are never persisted, so a restart of the emulator forgets
/// every issued token, as if every grant had been revoked.
public final class EmulatorStore: Sendable {
    public typealias Persist = @Sendable (EmulatorState) throws -> Void

    struct Contents {
        var state: EmulatorState
        var grants = RuntimeGrants()
    }

    private let contents: Mutex<Contents>
    private let persist: Persist

    /// - Parameter persist: called with the new state after every Admin API change, before the
    ///   response is sent; when it throws, the change is undone.
    public init(state: EmulatorState, persist: @escaping Persist = { _ in }) {
        self.contents = Mutex(Contents(state: state))
        self.persist = persist
    }

    /// A copy of the state as it is now.
    public var state: EmulatorState {
        contents.withLock { $0.state }
    }

    /// Runs `body` on a working copy of the state and keeps the copy only if `persist` accepts it.
    /// Returns what `body` answered, or `failed(error)` when saving failed.
    func change<Result>(_ body: (inout EmulatorState) -> Result, failed: (any Error) -> Result) -> Result {
        contents.withLock { contents in
            var working = contents.state
            let result = body(&working)
            guard working != contents.state else { return result }
            do {
                try persist(working)
            } catch {
                return failed(error)
            }
            contents.state = working
            return result
        }
    }

    /// Runs `body` with the state to read and the runtime grants to change, under the lock.
    func withGrants<Result>(_ body: (EmulatorState, inout RuntimeGrants) -> Result) -> Result {
        contents.withLock { contents in
            let state = contents.state
            return body(state, &contents.grants)
        }
    }
}
