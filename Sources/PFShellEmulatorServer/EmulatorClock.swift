import Synchronization

/// The emulator's one time, shared by both listeners and everything that reads the time (token
/// lifetimes, secret expiry, the OAuth administrator check): the real time plus an offset. Only
/// `POST /emulator/clock` moves the offset (with `--test-clock`), and only forward, so a test can let
/// tokens and secondary secrets expire without waiting.
public final class EmulatorClock: Sendable {
    /// No more than this in all (about a century), so the time stays far from overflowing.
    public static let maximumOffsetSeconds: Int64 = 100 * 366 * 86_400

    private let offsetSeconds = Mutex<Int64>(0)
    private let realTime: @Sendable () -> Int64

    /// The system's time, not moved yet.
    public convenience init() {
        self.init(realTime: EmulatorSetup.currentMilliseconds)
    }

    /// - Parameter realTime: milliseconds since 1970, for a test that needs a fixed time.
    public init(realTime: @escaping @Sendable () -> Int64) {
        self.realTime = realTime
    }

    /// The emulator's time in milliseconds since 1970.
    public func now() -> Int64 {
        realTime() + offsetSeconds.withLock { $0 } * 1000
    }

    /// How far the clock has been moved, in seconds.
    public var advancedSeconds: Int64 {
        offsetSeconds.withLock { $0 }
    }

    /// Moves the clock `seconds` forward; false, and the clock unmoved, when that would take the
    /// offset past ``maximumOffsetSeconds``.
    public func advance(seconds: Int64) -> Bool {
        offsetSeconds.withLock { offset in
            guard seconds >= 0, seconds <= Self.maximumOffsetSeconds - offset else { return false }
            offset += seconds
            return true
        }
    }
}
