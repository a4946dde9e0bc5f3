/// Writes JSON text. Objects are written in their own key order; `pretty` indents by two spaces
/// and puts `": "` between key and value, the layout most settings files use.
public struct JSONPrinter {
    public enum Style: Sendable { case compact, pretty }

    public static func print(_ value: JSONValue, style: Style = .compact) -> String {
        var out = ""
        write(value, style: style, indent: 0, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, style: Style, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += format(d)
        case .string(let s): writeString(s, into: &out)
        case .array(let items): writeArray(items, style: style, indent: indent, into: &out)
        case .object(let object): writeObject(object, style: style, indent: indent, into: &out)
        }
    }

    private static func writeArray(_ items: [JSONValue], style: Style, indent: Int, into out: inout String) {
        guard !items.isEmpty else {
            out += "[]"
            return
        }
        out += "["
        for (offset, item) in items.enumerated() {
            if offset > 0 { out += "," }
            newline(style, indent + 1, into: &out)
            write(item, style: style, indent: indent + 1, into: &out)
        }
        newline(style, indent, into: &out)
        out += "]"
    }

    private static func writeObject(_ object: JSONObject, style: Style, indent: Int, into out: inout String) {
        guard !object.isEmpty else {
            out += "{}"
            return
        }
        out += "{"
        for (offset, member) in object.pairs.enumerated() {
            if offset > 0 { out += "," }
            newline(style, indent + 1, into: &out)
            writeString(member.key, into: &out)
            out += style == .pretty ? ": " : ":"
            write(member.value, style: style, indent: indent + 1, into: &out)
        }
        newline(style, indent, into: &out)
        out += "}"
    }

    private static func newline(_ style: Style, _ indent: Int, into out: inout String) {
        guard style == .pretty else { return }
        out += "\n" + String(repeating: "  ", count: indent)
    }

    private static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) + ".0" }
        return "\(d)"
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
