import Foundation
import Synchronization

/// Collects what a child process writes to one pipe, so a test can wait for a line without blocking.
public final class OutputCollector: Sendable {
    private final class Shared: Sendable {
        let bytes = Mutex<[UInt8]>([])
        let closed = Mutex(false)
    }

    private let shared = Shared()
    private let handle: FileHandle

    /// Reads the pipe's end `descriptor`, which it closes when it goes away.
    init(reading descriptor: Int32) {
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        handle.readabilityHandler = { [shared] handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                shared.closed.withLock { $0 = true }
            } else {
                shared.bytes.withLock { $0.append(contentsOf: data) }
            }
        }
    }

    public var text: String {
        shared.bytes.withLock { String(decoding: $0, as: UTF8.self) }
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
