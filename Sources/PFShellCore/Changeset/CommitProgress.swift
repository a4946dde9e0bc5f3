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

extension CommitProgress {
    /// `commit: 120/1000 clients, 45.2/s, about 20 s left` after `elapsed` seconds.
    public func line(elapsedSeconds elapsed: Double) -> String {
        var text = "commit: \(done)/\(total) clients"
        guard done > 0, elapsed > 0 else { return text }
        let rate = Double(done) / elapsed
        let tenths = Int((rate * 10).rounded())
        text += ", \(tenths / 10).\(tenths % 10)/s"
        let left = Int((Double(total - done) / rate).rounded(.up))
        text += left >= 60 ? ", about \(left / 60) min \(left % 60) s left" : ", about \(left) s left"
        return text
    }
}
