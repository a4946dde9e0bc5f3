import PFShellJSON

/// A commit made with `commit confirmed`: reverted at its deadline unless confirmed before it.
public struct PendingConfirmation: Sendable, Equatable {
    /// The commit's number in the server's commit log.
    public let number: Int
    /// Seconds since 1970.
    public let deadline: Int64

    public init(number: Int, deadline: Int64) {
        self.number = number
        self.deadline = deadline
    }

    public var json: JSONValue {
        ["commit": .int(Int64(number)), "deadline": .int(deadline)]
    }

    public init?(json: JSONValue) {
        guard let number = json["commit"]?.intValue, let deadline = json["deadline"]?.intValue else { return nil }
        self.init(number: Int(number), deadline: deadline)
    }
}

/// The time `commit confirmed` waits: `90s`, `10m`, `1h`, from 10 seconds to an hour.
public enum ConfirmDuration {
    public static let shortest = 10
    public static let longest = 3600

    /// Seconds; nil when the text is not a number followed by `s`, `m` or `h`.
    public static func seconds(_ text: String) -> Int? {
        guard let unit = text.last, let count = Int(text.dropLast()), count >= 0, count <= 1_000_000 else { return nil }
        switch unit {
        case "s": return count
        case "m": return count * 60
        case "h": return count * 3600
        default: return nil
        }
    }

    /// `4:12`, `0:09`, `1:00:00`.
    public static func clock(_ seconds: Int) -> String {
        let left = max(0, seconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        if left >= 3600 { return "\(left / 3600):\(two(left % 3600 / 60)):\(two(left % 60))" }
        return "\(left / 60):\(two(left % 60))"
    }
}
