@testable import PFShellCore
import Testing

/// The one edit distance and the one limit behind every "did you mean", for command words and
/// field names alike.
@Suite struct EditDistanceTests {
    @Test func distance() {
        #expect(EditDistance.distance("kitten", "sitting") == 3)
        #expect(EditDistance.distance("", "abc") == 3)
        #expect(EditDistance.distance("abc", "") == 3)
        #expect(EditDistance.distance("same", "same") == 0)
        #expect(EditDistance.distance("Commit", "cOMMIT") == 0)
    }

    /// Two edits for short words, a quarter of a long one (commands used a third before).
    @Test func limit() {
        #expect(EditDistance.limit(for: "") == 2)
        #expect(EditDistance.limit(for: "elevenchars") == 2)
        #expect(EditDistance.limit(for: "twelve-chars") == 3)
        #expect(EditDistance.limit(for: String(repeating: "x", count: 40)) == 10)
    }

    @Test func closestStaysWithinTheLimitAndTakesTheFirstOfEquals() {
        #expect(EditDistance.closest(to: "abcd", among: ["abxy", "abcx", "abcy"]) == "abcx")
        #expect(EditDistance.closest(to: "abcd", among: ["axyz"]) == nil)
    }

    /// `tokn-mangr` is three edits from `token-manager`: a third of its ten letters, more than a quarter.
    @Test func commandsAndFieldsShareTheLimit() {
        #expect(Self.message(CommandLine(arguments: ["tokn-mangr"], file: "pfsh")) == "unknown command 'tokn-mangr'")
        #expect(FieldCatalog.suggestion(for: "tokn-mangr") == nil)
        #expect(FieldCatalog.suggestion(for: "descripton") == "description")
        #expect(Self.message(CommandLine(arguments: ["clinet"], file: "pfsh")) == "unknown command 'clinet'; did you mean 'client'?")
    }

    static func message(_ line: CommandLine) -> String? {
        do {
            _ = try CommandParser.parse(line)
            return nil
        } catch {
            return error.message
        }
    }
}
