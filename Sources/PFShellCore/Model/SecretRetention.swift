import PFShellJSON

/// How long a rotated-out secret stays valid. The server keeps it as a secondary secret for the
/// client's `clientSecretRetentionPeriod` (minutes) when its type is `OVERRIDE_SERVER_DEFAULT`,
/// otherwise for the server's `clientSecretRetentionPeriod` in `/oauth/authServerSettings`; 0 keeps none.
public enum SecretRetention {
    public static let typeField = "clientSecretRetentionPeriodType"
    public static let periodField = "clientSecretRetentionPeriod"
    public static let override = "OVERRIDE_SERVER_DEFAULT"
    /// The model's field is an int32 of minutes.
    public static let longest = Int(Int32.max)

    /// Where the retention of a rotation comes from.
    public enum Source: Equatable, Sendable {
        /// `--retain`: staged as the client's own override.
        case option
        /// The client already overrides the server with a period above 0.
        case client
        /// The server's default, above 0; a client override of 0 goes back to it.
        case server
    }

    public struct Choice: Sendable {
        public let minutes: Int
        public let source: Source
        /// The field changes that make the server keep the current secret for `minutes`.
        public let fields: [(path: String, value: JSONValue?)]
    }

    /// Minutes from `90m`, `1h`, `36h`, `7d`; nil when the text is not a whole number above 0
    /// followed by `m`, `h` or `d`, or is longer than the model can hold.
    public static func minutes(_ text: String) -> Int? {
        guard let unit = text.last, let count = Int(text.dropLast()), count > 0, count <= longest else { return nil }
        let factor: Int
        switch unit {
        case "m": factor = 1
        case "h": factor = 60
        case "d": factor = 1440
        default: return nil
        }
        let (minutes, overflow) = count.multipliedReportingOverflow(by: factor)
        return overflow || minutes > longest ? nil : minutes
    }

    /// `90 minutes`, `1 hour`, `36 hours`, `7 days`: the largest unit that divides exactly.
    public static func text(minutes: Int) -> String {
        func plural(_ count: Int, _ unit: String) -> String { "\(count) \(unit)\(count == 1 ? "" : "s")" }
        if minutes % 1440 == 0 { return plural(minutes / 1440, "day") }
        if minutes % 60 == 0 { return plural(minutes / 60, "hour") }
        return plural(minutes, "minute")
    }

    /// The client's own retention when it overrides the server's; nil when it does not.
    public static func clientOverride(_ client: JSONObject) -> Int? {
        guard client[typeField]?.stringValue == override else { return nil }
        return client[periodField]?.intValue.map(Int.init) ?? 0
    }

    /// Whether the server's model knows secret retention: a 12.1 server returns the client's
    /// retention type (its default filled in); an older model's client object has neither field.
    public static func modelKnowsRetention(client: JSONObject) -> Bool {
        client[typeField] != nil || client[periodField] != nil
    }

    /// The retention of a rotation: `--retain`, else the client's override above 0, else the
    /// server's default above 0; nil when none keeps the current secret (it would die at once).
    public static func choose(retain: Int?, client: JSONObject, serverDefault: Int?) -> Choice? {
        if let retain {
            return Choice(
                minutes: retain, source: .option,
                fields: [(typeField, .string(override)), (periodField, .int(Int64(retain)))])
        }
        if let own = clientOverride(client), own > 0 { return Choice(minutes: own, source: .client, fields: []) }
        guard let serverDefault, serverDefault > 0 else { return nil }
        let back: [(path: String, value: JSONValue?)] =
            clientOverride(client) == nil ? [] : [(typeField, .string("SERVER_DEFAULT")), (periodField, nil)]
        return Choice(minutes: serverDefault, source: .server, fields: back)
    }
}

extension UTCTime {
    /// `2026-11-29T18:30:00Z` (ISO 8601, UTC, whole seconds).
    public static func iso(secondsSince1970 seconds: Int64) -> String {
        let text = self.text(secondsSince1970: seconds)  // `2026-11-29 18:30:00 UTC`
        return String(text.prefix(10)) + "T" + String(text.dropFirst(11).prefix(8)) + "Z"
    }

    /// Seconds since 1970 of an RFC 3339 date-time (`2026-11-29T18:30:00.123Z`, `…+01:00`);
    /// fractions are dropped. Nil when the text is not one. pfsh's own reader, not the emulator's:
    /// the emulator stands in for the server, and code shared with it would let one bug pass both sides.
    public static func seconds(rfc3339 text: String) -> Int64? {
        let chars = Array(text.utf8)
        guard chars.count >= 20, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
            chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: "t") || chars[10] == UInt8(ascii: " "),
            chars[13] == UInt8(ascii: ":"), chars[16] == UInt8(ascii: ":"),
            let year = number(chars, 0, 4), let month = number(chars, 5, 2), let day = number(chars, 8, 2),
            let hour = number(chars, 11, 2), let minute = number(chars, 14, 2), let second = number(chars, 17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays: Int64 = month == 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].contains(month) ? 30 : 31
        guard day <= monthDays else { return nil }
        var index = 19
        if index < chars.count, chars[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < chars.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(chars[index]) { index += 1 }
            guard index > start else { return nil }
        }
        guard let offset = zoneOffset(chars, index) else { return nil }
        let days = daysFromCivil(year, month, day)
        return days * 86_400 + hour * 3600 + minute * 60 + second - offset
    }

    /// `Z` → 0, `+01:30` → 5400 seconds; nil for anything else or trailing text.
    private static func zoneOffset(_ chars: [UInt8], _ index: Int) -> Int64? {
        guard index < chars.count else { return nil }
        if chars[index] == UInt8(ascii: "Z") || chars[index] == UInt8(ascii: "z") {
            return index + 1 == chars.count ? 0 : nil
        }
        guard chars.count == index + 6, chars[index + 3] == UInt8(ascii: ":"),
            chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-"),
            let hours = number(chars, index + 1, 2), let minutes = number(chars, index + 4, 2)
        else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return chars[index] == UInt8(ascii: "+") ? seconds : -seconds
    }

    private static func number(_ chars: [UInt8], _ start: Int, _ count: Int) -> Int64? {
        var value: Int64 = 0
        for char in chars[start..<start + count] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(char) else { return nil }
            value = value * 10 + Int64(char - UInt8(ascii: "0"))
        }
        return value
    }

    /// Howard Hinnant's days-from-civil algorithm.
    private static func daysFromCivil(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// An RFC 3339 time as `iso(secondsSince1970:)` writes it; the text itself when it is not one.
    public static func iso(rfc3339 text: String) -> String {
        seconds(rfc3339: text).map { iso(secondsSince1970: $0) } ?? text
    }
}
