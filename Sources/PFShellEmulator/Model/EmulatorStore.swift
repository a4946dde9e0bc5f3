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
        /// Counts the changes kept, so that a change worked out on an older state is seen to be stale.
        var generation = 0
        var grants = RuntimeGrants()
    }

    private let contents: Mutex<Contents>
    /// Held by a change from the moment it is checked against the latest state until it is saved and
    /// kept: changes are saved one at a time, in order, while the state lock stays free, so reads and
    /// the runtime endpoints never wait on a file write.
    private let saving = Mutex(())
    /// Nil without a data file.
    private let persist: Persist?

    /// - Parameter persist: called with the new state after every Admin API change, before the
    ///   response is sent and before anyone else sees the change; when it throws, the change is
    ///   dropped. Nil keeps the state in memory only.
    public init(state: EmulatorState, persist: Persist? = nil) {
        self.contents = Mutex(Contents(state: state))
        self.persist = persist
    }

    /// A copy of the state as it is now.
    public var state: EmulatorState {
        contents.withLock { $0.state }
    }

    /// The client a live access token was issued to, if it was (unexpired, the client still there).
    func accessTokenClient(_ token: String, now: Int64) -> String? {
        contents.withLock { contents in
            guard let access = contents.grants.accessTokens[token], access.expires > now,
                contents.state.clients[access.clientId] != nil
            else { return nil }
            return access.clientId
        }
    }

    /// Runs `body` on a working copy of the state. When the body changed nothing persistent (a read,
    /// a refused request) its answer is returned at once. A change is saved with `persist` and only
    /// then kept; `failed(error)` is answered when saving failed.
    func change<Result: Sendable>(_ body: (inout WorkingState) -> Result, failed: (any Error) -> Result) -> Result {
        guard let persist else { return changeInPlace(body) }
        let draft = attempt(body)
        guard draft.working.needsSaving else { return draft.result }
        return saving.withLock { _ in
            let latest = contents.withLock { $0.generation } == draft.generation ? draft : attempt(body)
            return keep(latest, persist: persist, failed: failed)
        }
    }

    /// Without a data file nothing can fail to be saved, so a request works on the state itself under
    /// the lock: a copy would make every create cost as much as all the clients already stored.
    private func changeInPlace<Result: Sendable>(_ body: (inout WorkingState) -> Result) -> Result {
        contents.withLock { contents in
            var working = WorkingState(contents.state)
            contents.state = EmulatorState(sealingKey: [])  // the working copy's storage is now its own
            let result = body(&working)
            contents.state = working.current
            if working.needsSaving { contents.generation += 1 }
            return result
        }
    }

    /// What a body answered and left, on the state of one generation.
    private struct Attempt<Result: Sendable>: Sendable {
        let result: Result
        let working: WorkingState
        let generation: Int
    }

    private func attempt<Result: Sendable>(_ body: (inout WorkingState) -> Result) -> Attempt<Result> {
        contents.withLock { contents in
            var working = WorkingState(contents.state)
            let result = body(&working)
            return Attempt(result: result, working: working, generation: contents.generation)
        }
    }

    /// Saves a change, then makes it the state; called while `saving` is held, so no other change can
    /// be kept in between.
    private func keep<Result: Sendable>(_ attempt: Attempt<Result>, persist: Persist, failed: (any Error) -> Result) -> Result {
        guard attempt.working.needsSaving else { return attempt.result }
        do {
            try persist(attempt.working.current)
        } catch {
            return failed(error)
        }
        contents.withLock { contents in
            contents.state = attempt.working.current
            contents.generation += 1
        }
        return attempt.result
    }

    /// Runs `body` with the state to read and the runtime grants to change, under the lock.
    func withGrants<Result>(_ body: (EmulatorState, inout RuntimeGrants) -> Result) -> Result {
        contents.withLock { contents in
            let state = contents.state
            return body(state, &contents.grants)
        }
    }
}
