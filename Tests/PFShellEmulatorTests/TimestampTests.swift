import Testing

@testable import PFShellEmulator

/// `Timestamp.milliseconds(from:)`: RFC 3339 date-times as clients write `expiryTime`.
@Suite struct TimestampTests {
    @Test(arguments: [
        ("2026-11-29T18:30:00Z", Int64(1_795_977_000_000)),
        ("2026-11-29T18:30:00.000Z", 1_795_977_000_000),
        ("2026-11-29T18:30:00.5Z", 1_795_977_000_500),
        ("2026-11-29T18:30:00.123456789Z", 1_795_977_000_123),
        ("2026-11-29t18:30:00z", 1_795_977_000_000),
        ("2026-11-29T19:30:00+01:00", 1_795_977_000_000),
        ("2026-11-29T13:00:00.250-05:30", 1_795_977_000_250),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59.999Z", -1),
        ("2000-02-29T00:00:00.001Z", 951_782_400_001),
        ("2026-01-31T19:36:54.123Z", 1_769_888_214_123),
    ])
    func parses(_ text: String, _ milliseconds: Int64) {
        #expect(Timestamp.milliseconds(from: text) == milliseconds)
    }

    @Test(arguments: [
        "", "2026-11-29", "2026-11-29T18:30:00", "2026-11-29 18:30:00Z", "2026-11-29T18:30Z", "2026-11-29T18:30:00.Z",
        "2026-11-29T18:30:00+0100", "2026-11-29T18:30:00+01", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z", "2026-11-29T24:00:00Z", "2026-11-29T18:60:00Z", "2026-11-29T18:30:00Zjunk",
        "26-11-29T18:30:00Z", "2026-1a-29T18:30:00Z", "soon",
    ])
    func refuses(_ text: String) {
        #expect(Timestamp.milliseconds(from: text) == nil)
    }

    @Test(arguments: [Int64(0), 1_795_977_000_123, -1, 951_782_400_001, 253_402_300_799_999])
    func readsWhatItWrites(_ milliseconds: Int64) {
        #expect(Timestamp.milliseconds(from: Timestamp.format(milliseconds: milliseconds)) == milliseconds)
    }
}
