import Foundation
import Synchronization

/// Collects what a child process writes to one pipe, so a test can wait for a line while the
/// child keeps running (the piped transcripts wait for their sync markers this way).
final class StreamCollector: Sendable {
    private final class Shared: Sendable {
        let bytes = Mutex<[UInt8]>([])
        let closed = Mutex(false)
    }

    private let shared = Shared()
    let pipe = Pipe()

    init() {
        pipe.fileHandleForReading.readabilityHandler = { [shared] handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                shared.closed.withLock { $0 = true }
            } else {
                shared.bytes.withLock { $0.append(contentsOf: data) }
            }
        }
    }

    var text: String {
        shared.bytes.withLock { String(decoding: $0, as: UTF8.self) }
    }

    var isClosed: Bool { shared.closed.withLock { $0 } }

    /// Whether a complete line equal to `line` has arrived.
    func hasLine(_ line: String) -> Bool {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().contains { $0 == line }
    }

    /// Polls until the writer closed the pipe, or the deadline passes.
    func waitForClose(timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        while !isClosed && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }
}
