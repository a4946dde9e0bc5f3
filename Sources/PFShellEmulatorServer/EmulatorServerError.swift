#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure at the emulator's edges (certificate, data file, listener), told in one lowercase line
/// with no trailing period, ready to follow `pfsh-emulator: `.
public struct EmulatorServerError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// An error naming the path and the system's reason, read from `errno`.
    static func system(_ action: String, _ path: String) -> EmulatorServerError {
        EmulatorServerError("\(action) \(path): \(systemMessage(errno))")
    }

    static func systemMessage(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
