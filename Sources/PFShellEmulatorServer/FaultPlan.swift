/// A way a request can fail under `--faults`.
public enum FaultKind: String, CaseIterable, Sendable {
    /// Answered 500 at once; nothing is stored.
    case serverError = "500"
    /// Answered 503 with `Retry-After: 1` at once; nothing is stored.
    case unavailable = "503"
    /// Answered 429 with `Retry-After: 1` at once; nothing is stored.
    case tooManyRequests = "429"
    /// The connection is reset before the request reaches the store: nothing is stored, no answer.
    case resetBefore = "reset-before"
    /// The request is handled (and a change stored), then the connection is reset without the answer.
    case resetAfter = "reset-after"

    /// The status answered instead of the handler's, or nil when the connection is reset.
    public var status: Int? {
        switch self {
        case .serverError: 500
        case .unavailable: 503
        case .tooManyRequests: 429
        case .resetBefore, .resetAfter: nil
        }
    }
}

/// `--faults RATE[:KIND,…]`: the share of requests that fail and the kinds they fail with, e.g.
/// `0.1` (10%, all five kinds mixed), `1:503` (every request a 503), `0.2:reset-after,429`.
public struct FaultPlan: Sendable, Equatable {
    /// From 0 (no request fails) to 1 (every request fails).
    public let rate: Double
    /// Never empty; each kind at most once.
    public let kinds: [FaultKind]

    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public init(parsing text: String) throws(SyntaxError) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let rate = Double(parts[0]), rate.isFinite, (0...1).contains(rate) else {
            throw SyntaxError(description: "the rate must be a number from 0 to 1, like 0.1")
        }
        self.rate = rate
        self.kinds = parts.count == 2 ? try Self.kinds(String(parts[1])) : FaultKind.allCases
    }

    /// `503,reset-after` → `[.unavailable, .resetAfter]`.
    private static func kinds(_ list: String) throws(SyntaxError) -> [FaultKind] {
        var kinds: [FaultKind] = []
        for name in list.split(separator: ",", omittingEmptySubsequences: false) {
            guard !name.isEmpty else { throw SyntaxError(description: "a fault kind is missing in '\(list)'") }
            guard let kind = FaultKind(rawValue: String(name)) else {
                let known = FaultKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw SyntaxError(description: "unknown fault kind '\(name)' (the kinds are \(known))")
            }
            guard !kinds.contains(kind) else { throw SyntaxError(description: "fault kind '\(name)' is listed twice") }
            kinds.append(kind)
        }
        return kinds
    }
}

/// The faults of one emulator run, decided request by request in arrival order: the same plan and
/// seed give the same sequence. Each request draws a number in [0, 1) and fails when it is below the
/// rate; a failing request draws again for its kind.
public struct FaultSequence: Sendable {
    public let plan: FaultPlan
    private var generator: SplitMix64

    public init(plan: FaultPlan, seed: UInt64) {
        self.plan = plan
        self.generator = SplitMix64(seed: seed)
    }

    /// The fault of the next request, or nil when it is served normally.
    public mutating func next() -> FaultKind? {
        guard generator.nextUnitInterval() < plan.rate else { return nil }
        return plan.kinds[Int(generator.next() % UInt64(plan.kinds.count))]
    }
}
