/// The first form of an HTML page, as `client test` needs it to sign a test user on: its method,
/// its action and its inputs. A small tag scanner, not an HTML parser: it skips comments, scripts
/// and styles, reads attributes quoted either way or unquoted, and decodes character references.
public struct HTMLForm: Sendable, Equatable {
    public struct Input: Sendable, Equatable {
        public let name: String
        /// Lowercased; `text` when the tag has none.
        public let type: String
        public let value: String
    }

    /// Uppercased; `GET` when the tag has none.
    public let method: String
    /// The action as written (references decoded); nil when the form posts to the page's own URL.
    public let action: String?
    /// Inputs with a name, in page order.
    public let inputs: [Input]

    /// The first `<form>` of `html`, or nil when it has none.
    public static func first(in html: String) -> HTMLForm? {
        var scanner = HTMLTagScanner(html)
        while let tag = scanner.next() {
            guard tag.name == "form" else { continue }
            var inputs: [Input] = []
            while let inner = scanner.next(), inner.name != "/form" {
                guard inner.name == "input", let name = inner["name"], !name.isEmpty else { continue }
                inputs.append(Input(name: name, type: (inner["type"] ?? "text").lowercased(), value: inner["value"] ?? ""))
            }
            let action = tag["action"].flatMap { $0.isEmpty ? nil : $0 }
            return HTMLForm(method: (tag["method"] ?? "GET").uppercased(), action: action, inputs: inputs)
        }
        return nil
    }

    /// The first input named one of `names`, else the first of type `type`.
    func input(named names: [String], orType type: String) -> Input? {
        inputs.first { names.contains($0.name) } ?? inputs.first { $0.type == type }
    }
}

/// One start or end tag: its lowercased name (`/form` for an end tag) and its attributes.
struct HTMLTag {
    let name: String
    let attributes: [String: String]

    subscript(attribute: String) -> String? { attributes[attribute] }
}

/// Walks the tags of an HTML text in order.
struct HTMLTagScanner {
    private let characters: [Character]
    private var position = 0

    init(_ html: String) {
        characters = Array(html)
    }

    mutating func next() -> HTMLTag? {
        while let open = find("<") {
            position = open + 1
            if starts(with: "!--") {
                position = (find("-->") ?? characters.count - 3) + 3
                continue
            }
            let name = readName().lowercased()
            guard !name.isEmpty, name != "/" else { continue }
            let attributes = readAttributes()
            if name == "script" || name == "style" { position = find("</" + name) ?? characters.count }
            return HTMLTag(name: name, attributes: attributes)
        }
        position = characters.count
        return nil
    }

    /// A tag name: letters, digits and `-`, after a `/` for an end tag; empty for `<!DOCTYPE` and text.
    private mutating func readName() -> String {
        var name = ""
        if position < characters.count, characters[position] == "/" {
            name = "/"
            position += 1
        }
        while position < characters.count,
            characters[position].isLetter || characters[position].isNumber || characters[position] == "-"
        {
            name.append(characters[position])
            position += 1
        }
        return name
    }

    private mutating func readAttributes() -> [String: String] {
        var attributes: [String: String] = [:]
        while position < characters.count {
            skipWhitespace()
            guard position < characters.count else { break }
            if characters[position] == ">" {
                position += 1
                break
            }
            if characters[position] == "/" {
                position += 1
                continue
            }
            let name = readAttributeName().lowercased()
            skipWhitespace()
            var value = ""
            if position < characters.count, characters[position] == "=" {
                position += 1
                skipWhitespace()
                value = HTMLText.decode(readAttributeValue())
            }
            if !name.isEmpty, attributes[name] == nil { attributes[name] = value }
        }
        return attributes
    }

    private mutating func readAttributeName() -> String {
        var name = ""
        while position < characters.count, !characters[position].isWhitespace, !"=>/".contains(characters[position]) {
            name.append(characters[position])
            position += 1
        }
        if name.isEmpty { position += 1 }  // a stray character: step over it
        return name
    }

    private mutating func readAttributeValue() -> String {
        guard position < characters.count else { return "" }
        let quote = characters[position]
        if quote == "\"" || quote == "'" {
            let end = find(String(quote), from: position + 1) ?? characters.count
            let value = String(characters[(position + 1)..<end])
            position = min(end + 1, characters.count)
            return value
        }
        var value = ""
        while position < characters.count, !characters[position].isWhitespace, characters[position] != ">" {
            value.append(characters[position])
            position += 1
        }
        return value
    }

    private mutating func skipWhitespace() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    private func starts(with text: String) -> Bool {
        let wanted = Array(text)
        return position + wanted.count <= characters.count
            && Array(characters[position..<(position + wanted.count)]) == wanted
    }

    /// Where `text` next occurs (case-insensitively), from `start` or the current position.
    private func find(_ text: String, from start: Int? = nil) -> Int? {
        let wanted = Array(text.lowercased())
        var index = start ?? position
        while index + wanted.count <= characters.count {
            if zip(characters[index..<(index + wanted.count)], wanted).allSatisfy({ $0.lowercased() == String($1) }) {
                return index
            }
            index += 1
        }
        return nil
    }
}

/// HTML character references in attribute values.
enum HTMLText {
    private static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]

    /// `a&amp;b&#39;c&#x2F;` → `a&b'c/`; an unknown reference stays as written.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            out += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            guard let semicolon = rest[afterAmpersand...].prefix(10).firstIndex(of: ";"),
                let decoded = reference(rest[afterAmpersand..<semicolon])
            else {
                out.append("&")
                rest = rest[afterAmpersand...]
                continue
            }
            out += decoded
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    private static func reference(_ name: Substring) -> String? {
        if let text = named[String(name)] { return text }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let number = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return number.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
