import Foundation

/// Unbuffered line writes to stdout and stderr. A closed pipe is ignored rather than fatal: the
/// reader going away must not turn a clean shutdown into a crash.
enum StandardOutput {
    static func line(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
    }

    static func errorLine(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
    }
}
