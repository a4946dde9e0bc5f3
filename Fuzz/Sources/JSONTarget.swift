import PFShellJSON

/// The JSON parser on any bytes; a document it accepts must print, in both styles, to text that
/// parses back to the same value and prints the same again.
enum JSONTarget {
    static func run(_ bytes: [UInt8]) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            check(error.line >= 1 && error.column >= 1 && !error.message.isEmpty, "bad error position \(error)")
            return
        }
        roundTrip(value, style: .compact)
        roundTrip(value, style: .pretty)
    }

    private static func roundTrip(_ value: JSONValue, style: JSONPrinter.Style) {
        let text = JSONPrinter.print(value, style: style)
        guard let again = try? JSONParser.parse(text) else {
            check(false, "the printed document does not parse: \(text)")
            return
        }
        check(again == value, "the printed document parses to another value: \(text)")
        check(JSONPrinter.print(again, style: style) == text, "printing the reparsed document changes it: \(text)")
    }
}
