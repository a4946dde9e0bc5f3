import PFShellCore
import PFShellJSON
import Testing

/// `--retain` durations, the choice of a rotation's retention, and the times secondary secrets expire.
@Suite struct SecretRetentionTests {
    @Test(arguments: [("90m", 90), ("1h", 60), ("36h", 2160), ("7d", 10080), ("1m", 1), ("1491308d", 2_147_483_520)])
    func durations(_ text: String, _ minutes: Int) {
        #expect(SecretRetention.minutes(text) == minutes)
    }

    @Test(arguments: ["", "h", "0m", "-5m", "90s", "1w", "1.5h", "1h30m", " 1h", "2147483648m", "1491309d"])
    func notDurations(_ text: String) {
        #expect(SecretRetention.minutes(text) == nil)
    }

    @Test func textUsesTheLargestExactUnit() {
        #expect(SecretRetention.text(minutes: 1) == "1 minute")
        #expect(SecretRetention.text(minutes: 90) == "90 minutes")
        #expect(SecretRetention.text(minutes: 60) == "1 hour")
        #expect(SecretRetention.text(minutes: 2160) == "36 hours")
        #expect(SecretRetention.text(minutes: 2880) == "2 days")
    }

    static let serverDefaultClient: JSONObject = ["clientSecretRetentionPeriodType": "SERVER_DEFAULT"]
    static let overriding: JSONObject = ["clientSecretRetentionPeriodType": "OVERRIDE_SERVER_DEFAULT", "clientSecretRetentionPeriod": 45]
    static let overridingZero: JSONObject = ["clientSecretRetentionPeriodType": "OVERRIDE_SERVER_DEFAULT", "clientSecretRetentionPeriod": 0]

    @Test func retainWinsAndIsStagedAsTheClientsOverride() throws {
        let choice = try #require(SecretRetention.choose(retain: 60, client: Self.overriding, serverDefault: 30))
        #expect(choice.minutes == 60 && choice.source == .option)
        #expect(choice.fields.map(\.path) == ["clientSecretRetentionPeriodType", "clientSecretRetentionPeriod"])
        #expect(choice.fields.map(\.value) == ["OVERRIDE_SERVER_DEFAULT", 60])
    }

    @Test func theClientsOwnOverrideThenTheServersDefault() throws {
        let own = try #require(SecretRetention.choose(retain: nil, client: Self.overriding, serverDefault: 0))
        #expect(own.minutes == 45 && own.source == .client && own.fields.isEmpty)
        let server = try #require(SecretRetention.choose(retain: nil, client: Self.serverDefaultClient, serverDefault: 30))
        #expect(server.minutes == 30 && server.source == .server && server.fields.isEmpty)
        // An override of 0 keeps nothing: the client goes back to the server's default.
        let back = try #require(SecretRetention.choose(retain: nil, client: Self.overridingZero, serverDefault: 30))
        #expect(back.source == .server && back.fields.map(\.value) == ["SERVER_DEFAULT", nil])
    }

    @Test func noRetentionAnywhereIsNoChoice() {
        #expect(SecretRetention.choose(retain: nil, client: Self.serverDefaultClient, serverDefault: 0) == nil)
        #expect(SecretRetention.choose(retain: nil, client: Self.serverDefaultClient, serverDefault: nil) == nil)
        #expect(SecretRetention.choose(retain: nil, client: Self.overridingZero, serverDefault: 0) == nil)
    }

    @Test func anOlderModelHasNoRetentionFieldAnywhere() {
        #expect(SecretRetention.modelKnowsRetention(client: Self.serverDefaultClient))
        #expect(SecretRetention.modelKnowsRetention(client: ["clientSecretRetentionPeriod": 0]))
        #expect(!SecretRetention.modelKnowsRetention(client: ["clientId": "x", "clientAuth": ["type": "SECRET"]]))
    }

    @Test(arguments: [
        ("2026-11-29T18:30:00Z", "2026-11-29T18:30:00Z"),
        ("2026-11-29T18:30:00.123Z", "2026-11-29T18:30:00Z"),
        ("2026-11-29T19:30:00+01:00", "2026-11-29T18:30:00Z"),
        ("2026-11-29T17:00:00.5-01:30", "2026-11-29T18:30:00Z"),
        ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"),
        ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"),
    ])
    func timesAreShownInUTC(_ given: String, _ shown: String) {
        #expect(UTCTime.iso(rfc3339: given) == shown)
    }

    @Test func unreadableTimesAreShownAsGiven() {
        for text in ["tomorrow", "2026-11-29", "2026-11-29T18:30:00", "2026-13-01T00:00:00Z", "2026-11-29T18:30:00Zjunk", "2026-11-29T18:30:00.Z", "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z"] {
            #expect(UTCTime.seconds(rfc3339: text) == nil, "\(text)")
            #expect(UTCTime.iso(rfc3339: text) == text)
        }
        #expect(UTCTime.seconds(rfc3339: "1970-01-01T00:01:00Z") == 60)
    }
}
