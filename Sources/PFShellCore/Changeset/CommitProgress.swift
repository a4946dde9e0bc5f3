/// How far a commit has come: `done` of `total` clients written; `finished` once it has ended.
public struct CommitProgress: Sendable, Equatable {
    public let done: Int
    public let total: Int
    public let finished: Bool

    public init(done: Int, total: Int, finished: Bool = false) {
        self.done = done
        self.total = total
        self.finished = finished
    }
}
