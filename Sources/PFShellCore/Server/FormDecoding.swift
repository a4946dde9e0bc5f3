/// Reading `application/x-www-form-urlencoded` text, as in the query of a redirect's `Location`.
enum FormDecoding {
    /// `a=1&b=x+y%21` → `[("a", "1"), ("b", "x y!")]`; a malformed escape stays as written.
    static func pairs(_ text: Substring) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The query parameters of `url` (between `?` and `#`); the first of a repeated name wins.
    static func query(of url: String) -> [String: String] {
        guard let question = url.firstIndex(of: "?") else { return [:] }
        let query = url[url.index(after: question)...].prefix { $0 != "#" }
        var values: [String: String] = [:]
        for pair in pairs(query) where values[pair.name] == nil { values[pair.name] = pair.value }
        return values
    }

    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), let value = hexByte(utf8, after: index) {
                bytes.append(value)
                index = utf8.index(index, offsetBy: 2)
            } else {
                bytes.append(byte)
            }
            index = utf8.index(after: index)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The byte written as two hex digits after `index`, if there are two.
    private static func hexByte(_ utf8: Substring.UTF8View, after index: Substring.UTF8View.Index) -> UInt8? {
        let first = utf8.index(after: index)
        guard first < utf8.endIndex else { return nil }
        let second = utf8.index(after: first)
        guard second < utf8.endIndex, let high = hexDigit(utf8[first]), let low = hexDigit(utf8[second]) else {
            return nil
        }
        return high << 4 | low
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
