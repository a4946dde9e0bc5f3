import Foundation
import Synchronization

/// Collects what a child process writes to one pipe, so a test can wait for a line without blocking.
public final class OutputCollector: Sendable {
    private final class Shared: Sendable {
        let bytes = Mutex<[UInt8]>([])
        let closed = Mutex(false)
    }

    private let shared = Shared()

    /// Reads the pipe's end `descriptor` on a thread of its own until end of file, then closes it.
    /// Not Foundation's `readabilityHandler`: its end-of-file event sometimes came seconds late,
    /// which stalled every short command a test ran (a tmux key press took 5 s instead of 5 ms).
    init(reading descriptor: Int32) {
        let shared = shared
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                shared.bytes.withLock { $0.append(contentsOf: buffer[0..<count]) }
            }
            close(descriptor)
            shared.closed.withLock { $0 = true }
        }
    }

    public var text: String {
        shared.bytes.withLock { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes that arrived after the first `offset`: a test watching a long log reads only
    /// what is new, instead of copying all of it on every poll.
    public func bytes(from offset: Int) -> [UInt8] {
        shared.bytes.withLock { Array($0[min(offset, $0.count)...]) }
    }

    public var isClosed: Bool { shared.closed.withLock { $0 } }

    public var lines: [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Whether a complete line equal to `line` has arrived.
    public func hasLine(_ line: String) -> Bool {
        lines.dropLast().contains(line)
    }

    /// Polls until a complete line satisfies `match`, or the deadline passes.
    public func waitForLine(timeout: TimeInterval, where match: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let complete = lines.dropLast()
            if let line = complete.first(where: match) { return line }
            if isClosed { return lines.first(where: match) }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return nil
    }

    /// Polls until the writer closed the pipe (the process exited), or the deadline passes.
    public func waitForClose(timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        while !isClosed && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }
}
