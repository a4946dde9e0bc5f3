import Synchronization

/// The one ``FaultSequence`` of an emulator run, shared by both listeners: requests draw their
/// fault one at a time, in the order they arrive on either listener.
public final class FaultInjector: Sendable {
    private let sequence: Mutex<FaultSequence>
    public let seed: UInt64

    public init(plan: FaultPlan, seed: UInt64) {
        self.sequence = Mutex(FaultSequence(plan: plan, seed: seed))
        self.seed = seed
    }

    func next() -> FaultKind? {
        sequence.withLock { $0.next() }
    }
}
