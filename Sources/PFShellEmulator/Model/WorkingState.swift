/// The state as one Admin API request sees it. Reads go straight through to the ``EmulatorState``;
/// the only way to change it is ``update(_:)``, which also notes that the data file must be
/// written. A request that changes nothing is thus known without comparing states, and never waits
/// on a write.
@dynamicMemberLookup
struct WorkingState: Sendable {
    private(set) var current: EmulatorState
    /// Whether a persisted part of the state changed.
    private(set) var needsSaving = false

    init(_ state: EmulatorState) {
        self.current = state
    }

    subscript<Value>(dynamicMember keyPath: KeyPath<EmulatorState, Value>) -> Value {
        current[keyPath: keyPath]
    }

    mutating func update(_ change: (inout EmulatorState) -> Void) {
        needsSaving = true
        change(&current)
    }
}
