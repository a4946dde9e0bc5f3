import Testing

@testable import PFShellEmulatorServer

/// `--faults RATE[:KIND,…]` and `--fault-seed`: the parsing, and the sequence a plan and a seed decide.
@Suite struct FaultPlanTests {
    // MARK: - Parsing

    static let parsedCases: [(text: String, rate: Double, kinds: [FaultKind])] = [
        ("0.1", 0.1, FaultKind.allCases),
        ("1:503", 1, [.unavailable]),
        ("0", 0, FaultKind.allCases),
        ("0.25:reset-after,429", 0.25, [.resetAfter, .tooManyRequests]),
        ("1:500,503,429,reset-before,reset-after", 1, FaultKind.allCases),
    ]

    @Test(arguments: parsedCases) func parses(_ parsed: (text: String, rate: Double, kinds: [FaultKind])) throws {
        let plan = try FaultPlan(parsing: parsed.text)
        #expect(plan.rate == parsed.rate)
        #expect(plan.kinds == parsed.kinds)
    }

    static let refusedCases: [(text: String, message: String)] = [
        ("1.5", "the rate must be a number from 0 to 1, like 0.1"),
        ("-0.1", "the rate must be a number from 0 to 1, like 0.1"),
        ("nan", "the rate must be a number from 0 to 1, like 0.1"),
        ("", "the rate must be a number from 0 to 1, like 0.1"),
        ("10%", "the rate must be a number from 0 to 1, like 0.1"),
        ("0.1:404", "unknown fault kind '404' (the kinds are 500, 503, 429, reset-before, reset-after)"),
        ("0.1:reset", "unknown fault kind 'reset' (the kinds are 500, 503, 429, reset-before, reset-after)"),
        ("0.1:", "a fault kind is missing in ''"),
        ("0.1:503,", "a fault kind is missing in '503,'"),
        ("0.1:503,503", "fault kind '503' is listed twice"),
    ]

    @Test(arguments: refusedCases) func refuses(_ refused: (text: String, message: String)) {
        #expect(throws: FaultPlan.SyntaxError(description: refused.message)) { try FaultPlan(parsing: refused.text) }
    }

    // MARK: - The sequence

    private static func draws(_ plan: String, seed: UInt64, count: Int = 2_000) throws -> [FaultKind?] {
        var sequence = FaultSequence(plan: try FaultPlan(parsing: plan), seed: seed)
        return (0..<count).map { _ in sequence.next() }
    }

    @Test func theSameSeedGivesTheSameSequence() throws {
        #expect(try Self.draws("0.3", seed: 42) == Self.draws("0.3", seed: 42))
        #expect(try Self.draws("0.3", seed: 42) != Self.draws("0.3", seed: 43))
    }

    @Test func rateZeroNeverFailsAndRateOneAlwaysFails() throws {
        #expect(try Self.draws("0", seed: 7).allSatisfy { $0 == nil })
        #expect(try Self.draws("1", seed: 7).allSatisfy { $0 != nil })
        #expect(try Self.draws("1:503", seed: 7).allSatisfy { $0 == .unavailable })
    }

    @Test func onlyTheListedKindsComeAndAllOfThem() throws {
        #expect(Set(try Self.draws("1:reset-after,429", seed: 9)) == [.resetAfter, .tooManyRequests])
        #expect(Set(try Self.draws("1", seed: 9)) == Set(FaultKind.allCases))
    }

    @Test func aRateIsTheShareOfRequestsThatFail() throws {
        let failed = try Self.draws("0.1", seed: 3, count: 10_000).filter { $0 != nil }.count
        #expect((900...1_100).contains(failed), "\(failed) of 10000")
    }

    /// The reference outputs of Vigna's `splitmix64.c` for the seed 1234567.
    @Test func splitMix64MatchesTheReference() {
        var generator = SplitMix64(seed: 1_234_567)
        let outputs = (0..<5).map { _ in generator.next() }
        #expect(
            outputs == [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
            ])
    }

    // MARK: - The log line

    static let logCases: [(status: Int?, fault: FaultKind?, line: String)] = [
        (201, nil, "POST /pf-admin-api/v1/oauth/clients 201 0.5ms"),
        (503, .unavailable, "POST /pf-admin-api/v1/oauth/clients 503 0.5ms fault"),
        (500, .serverError, "POST /pf-admin-api/v1/oauth/clients 500 0.5ms fault"),
        (nil, .resetBefore, "POST /pf-admin-api/v1/oauth/clients - 0.5ms reset-before"),
        (201, .resetAfter, "POST /pf-admin-api/v1/oauth/clients 201 0.5ms reset-after"),
    ]

    @Test(arguments: logCases) func logLineNamesTheFault(_ log: (status: Int?, fault: FaultKind?, line: String)) {
        let line = RequestLog.line(
            method: "POST", path: "/pf-admin-api/v1/oauth/clients", status: log.status, elapsed: .microseconds(500),
            fault: log.fault)
        #expect(line == log.line)
    }
}
