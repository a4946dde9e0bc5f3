/// When a request is sent again, and how long pfsh waits first: on a lost connection and on the
/// answers that say "try again" (429, 500, 502, 503, 504), at most `maximumRetries` times, after a
/// doubling pause or the `Retry-After` the server asked for.
public enum RetryPolicy {
    public static let maximumRetries = 5
    static let firstPauseMilliseconds = 100
    static let longestPauseMilliseconds = 5_000
    /// A `Retry-After` longer than this is not waited for: the request fails instead.
    static let longestRetryAfterSeconds = 60

    /// Statuses that mean the request was not carried out and may be sent again.
    public static func isTransient(_ status: Int) -> Bool {
        [429, 500, 502, 503, 504].contains(status)
    }

    /// The pause before retry number `retry` (1 for the first): `Retry-After` seconds when the
    /// server gave them, else 100 ms doubling up to 5 s. nil when the server asks for a longer wait
    /// than pfsh will make.
    public static func pause(beforeRetry retry: Int, retryAfter: String?) -> Int? {
        if let text = retryAfter?.filter({ $0 != " " && $0 != "\t" }), let seconds = Int(text), seconds >= 0 {
            return seconds <= longestRetryAfterSeconds ? seconds * 1_000 : nil
        }
        let doubled = firstPauseMilliseconds << min(max(retry - 1, 0), 10)
        return min(doubled, longestPauseMilliseconds)
    }
}

/// One retry, for the command's report: what was sent again, why, and after how long.
public struct RetryNote: Sendable, Equatable {
    public let request: String
    public let reason: String
    public let pauseMilliseconds: Int
    public let attempt: Int

    public var text: String {
        "retried \(request) (attempt \(attempt) of \(RetryPolicy.maximumRetries + 1)) after \(reason), "
            + "waiting \(pauseMilliseconds) ms"
    }
}
