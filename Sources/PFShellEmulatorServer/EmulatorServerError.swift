/// A failure at the emulator's edges (certificate, data file, listener), told in one lowercase line
/// with no trailing period, ready to follow `pfsh-emulator: `.
public struct EmulatorServerError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
