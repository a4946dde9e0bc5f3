@testable import PFShellCore
import PFShellJSON
import Testing

/// One staged change, comparable in expectations.
struct StagedFieldChange: Equatable, CustomStringConvertible {
    let path: String
    let value: JSONValue?

    init(_ path: String, _ value: JSONValue?) {
        self.path = path
        self.value = value
    }

    static func from(_ changes: [(path: String, value: JSONValue?)]) -> [StagedFieldChange] {
        changes.map { StagedFieldChange($0.path, $0.value) }
    }

    var description: String { "\(path)=\(value.map { JSONPrinter.print($0) } ?? "unset")" }
}

@Suite struct PersistentGrantsTests {
    typealias Change = StagedFieldChange

    struct Valid: CustomTestStringConvertible, Sendable {
        let words: [String]
        let type: String
        let time: Int64?
        let unit: String?
        var testDescription: String { words.joined(separator: " ") }
    }

    static let valid: [Valid] = [
        Valid(words: ["never-expire"], type: "INDEFINITE_EXPIRY", time: 0, unit: "DAYS"),
        Valid(words: ["Never-Expire"], type: "INDEFINITE_EXPIRY", time: 0, unit: "DAYS"),
        Valid(words: ["never_expire"], type: "INDEFINITE_EXPIRY", time: 0, unit: "DAYS"),
        Valid(words: ["server-default"], type: "SERVER_DEFAULT", time: 0, unit: "DAYS"),
        Valid(words: ["SERVER-DEFAULT"], type: "SERVER_DEFAULT", time: 0, unit: "DAYS"),
        Valid(words: ["expire", "30", "days"], type: "OVERRIDE_SERVER_DEFAULT", time: 30, unit: "DAYS"),
        Valid(words: ["expire", "1", "day"], type: "OVERRIDE_SERVER_DEFAULT", time: 1, unit: "DAYS"),
        Valid(words: ["expire", "12", "HOURS"], type: "OVERRIDE_SERVER_DEFAULT", time: 12, unit: "HOURS"),
        Valid(words: ["expire", "1", "hour"], type: "OVERRIDE_SERVER_DEFAULT", time: 1, unit: "HOURS"),
        Valid(words: ["Expire", "90", "Minutes"], type: "OVERRIDE_SERVER_DEFAULT", time: 90, unit: "MINUTES"),
        Valid(words: ["expire", "1", "minute"], type: "OVERRIDE_SERVER_DEFAULT", time: 1, unit: "MINUTES"),
    ]

    /// A client with an overridden lifetime, as the server returns it.
    static let overridden: JSONObject = [
        "persistentGrantExpirationType": "OVERRIDE_SERVER_DEFAULT", "persistentGrantExpirationTime": 30,
        "persistentGrantExpirationTimeUnit": "HOURS",
    ]

    @Test(arguments: valid) func stagesTheFieldChanges(_ c: Valid) throws {
        let expected = [
            Change("persistentGrantExpirationType", .string(c.type)),
            Change("persistentGrantExpirationTime", c.time.map(JSONValue.int)),
            Change("persistentGrantExpirationTimeUnit", c.unit.map(JSONValue.string)),
        ]
        let choice = try PersistentGrants.parse(c.words)
        #expect(Change.from(PersistentGrants.changes(choice, in: Self.overridden)) == expected)
    }

    /// Without an override the time and unit the client has become 0 DAYS, as real servers return them;
    /// absent ones stay absent, so a server that leaves them out sees only the type change.
    @Test func aTypeWithoutLifetimeLeavesAbsentTimesAbsent() throws {
        let choice = try PersistentGrants.parse(["never-expire"])
        #expect(
            Change.from(PersistentGrants.changes(choice, in: [:]))
                == [Change("persistentGrantExpirationType", "INDEFINITE_EXPIRY")])
        let unitOnly: JSONObject = ["persistentGrantExpirationTimeUnit": "HOURS"]
        #expect(
            Change.from(PersistentGrants.changes(choice, in: unitOnly))
                == [
                    Change("persistentGrantExpirationType", "INDEFINITE_EXPIRY"),
                    Change("persistentGrantExpirationTimeUnit", "DAYS"),
                ])
    }

    @Test func anExpiryIgnoresWhatTheClientHad() throws {
        let choice = try PersistentGrants.parse(["expire", "2", "days"])
        #expect(PersistentGrants.changes(choice, in: [:]).count == 3)
        #expect(Change.from(PersistentGrants.changes(choice, in: [:])) == Change.from(PersistentGrants.changes(choice, in: Self.overridden)))
    }

    struct Invalid: CustomTestStringConvertible, Sendable {
        let words: [String]
        let error: FieldError
        var testDescription: String { "'" + words.joined(separator: " ") + "'" }
    }

    static let choices = "one of never-expire, server-default, expire N minutes|hours|days"
    static let numberAndUnit = "a number and a unit, e.g. 'expire 30 days'"
    static let positive = "a positive whole number"
    static let units = "one of minutes, hours, days"

    static let invalid: [Invalid] = [
        Invalid(words: [], error: FieldError(
            field: "persistent-grants", value: nil, kind: .invalidValue(expected: choices),
            message: "'persistent-grants' needs \(choices)")),
        Invalid(words: ["expire"], error: FieldError(
            field: "persistent-grants expire", value: nil, kind: .invalidValue(expected: numberAndUnit),
            message: "'persistent-grants expire' needs \(numberAndUnit)")),
        Invalid(words: ["expire", "30"], error: FieldError(
            field: "persistent-grants expire", value: nil, kind: .invalidValue(expected: numberAndUnit),
            message: "'persistent-grants expire' needs \(numberAndUnit)")),
        Invalid(words: ["expire", "0", "days"], error: FieldError(
            field: "persistentGrantExpirationTime", value: "0", kind: .invalidValue(expected: positive),
            message: "'0' is not a positive whole number")),
        Invalid(words: ["expire", "-3", "days"], error: FieldError(
            field: "persistentGrantExpirationTime", value: "-3", kind: .invalidValue(expected: positive),
            message: "'-3' is not a positive whole number")),
        Invalid(words: ["expire", "two", "days"], error: FieldError(
            field: "persistentGrantExpirationTime", value: "two", kind: .invalidValue(expected: positive),
            message: "'two' is not a positive whole number")),
        Invalid(words: ["expire", "5", "weeks"], error: FieldError(
            field: "persistentGrantExpirationTimeUnit", value: "weeks", kind: .invalidValue(expected: units),
            message: "'weeks' is not a time unit; expected one of minutes, hours, days")),
        Invalid(words: ["expire", "5", "seconds"], error: FieldError(
            field: "persistentGrantExpirationTimeUnit", value: "seconds", kind: .invalidValue(expected: units),
            message: "'seconds' is not a time unit; expected one of minutes, hours, days")),
        Invalid(words: ["forever"], error: FieldError(
            field: "persistent-grants", value: "forever", kind: .invalidValue(expected: choices),
            message: "'forever' is not a valid value for 'persistent-grants'; expected \(choices)")),
        Invalid(words: ["never-expire", "now"], error: FieldError(
            field: "persistent-grants never-expire", value: "now", kind: .invalidValue(expected: "nothing more"),
            message: "unexpected 'now' after 'persistent-grants never-expire'")),
        Invalid(words: ["expire", "3", "days", "ago"], error: FieldError(
            field: "persistent-grants expire", value: "ago", kind: .invalidValue(expected: "nothing more"),
            message: "unexpected 'ago' after 'persistent-grants expire'")),
    ]

    @Test(arguments: invalid) func refuses(_ c: Invalid) {
        #expect(throws: c.error) { try PersistentGrants.parse(c.words) }
    }
}

@Suite struct RefreshRollingTests {
    typealias Change = StagedFieldChange

    @Test(arguments: [
        (["roll"], "ROLL"), (["ROLL"], "ROLL"),
        (["dont-roll"], "DONT_ROLL"), (["DONT_ROLL"], "DONT_ROLL"), (["dont_roll"], "DONT_ROLL"),
        (["server-default"], "SERVER_DEFAULT"), (["Server_Default"], "SERVER_DEFAULT"),
    ])
    func stagesRefreshRolling(_ words: [String], _ api: String) throws {
        #expect(Change.from(try RefreshRolling.changes(words)) == [Change("refreshRolling", .string(api))])
    }

    static let choices = "one of roll, dont-roll, server-default"

    @Test func refusesNothing() {
        #expect(throws: FieldError(
            field: "refresh-rolling", value: nil, kind: .invalidValue(expected: Self.choices),
            message: "'refresh-rolling' needs \(Self.choices)"
        )) { try RefreshRolling.changes([]) }
    }

    @Test(arguments: ["sometimes", "rolling", "don't-roll"]) func refusesOtherWords(_ word: String) {
        #expect(throws: FieldError(
            field: "refresh-rolling", value: word, kind: .invalidValue(expected: Self.choices),
            message: "'\(word)' is not a valid value for 'refresh-rolling'; expected \(Self.choices)"
        )) { try RefreshRolling.changes([word]) }
    }

    @Test func refusesExtraWords() {
        #expect(throws: FieldError(
            field: "refresh-rolling roll", value: "now", kind: .invalidValue(expected: "nothing more"),
            message: "unexpected 'now' after 'refresh-rolling roll'"
        )) { try RefreshRolling.changes(["ROLL", "now"]) }
    }
}
