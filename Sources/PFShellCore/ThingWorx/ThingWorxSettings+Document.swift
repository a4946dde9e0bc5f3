import PFShellJSON

extension ThingWorxSettings {
    /// An existing settings file as read: its top-level object and the layout details worth keeping
    /// when it is written again (a UTF-8 byte order mark, CRLF line breaks).
    struct SettingsDocument {
        let root: JSONObject
        /// No file, or a file of nothing but whitespace: written as a new file.
        let isBlank: Bool
        let byteOrderMark: Bool
        let lineBreak: String

        init(_ text: String?) throws(SettingsError) {
            guard let text else {
                (root, isBlank, byteOrderMark, lineBreak) = (JSONObject(), true, false, "\n")
                return
            }
            let bytes = Array(text.utf8)
            byteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            let body = bytes.dropFirst(byteOrderMark ? 3 : 0)
            lineBreak = Self.usesCRLF(body) ? "\r\n" : "\n"
            guard let first = body.firstIndex(where: { !Self.isWhitespace($0) }) else {
                (root, isBlank) = (JSONObject(), true)
                return
            }
            let value: JSONValue
            do {
                value = try JSONParser.parse(bytes)
            } catch {
                throw SettingsError(message: error.message, line: error.line, column: error.column)
            }
            guard case .object(let object) = value else {
                let (line, column) = Self.location(of: first, in: body)
                throw SettingsError(
                    message: "the top-level value is \(describe(value)), not an object; ThingWorx settings files hold one object",
                    line: line, column: column)
            }
            (root, isBlank) = (object, false)
        }

        /// The file text for `root`: pretty JSON, 2-space indent, a final line break.
        func render(_ root: JSONObject) -> String {
            var text = JSONPrinter.print(.object(root), style: .pretty) + "\n"
            if lineBreak != "\n" {
                text = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: lineBreak)
            }
            return (byteOrderMark ? "\u{FEFF}" : "") + text
        }

        private static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        /// The first line break is CRLF.
        private static func usesCRLF(_ body: ArraySlice<UInt8>) -> Bool {
            guard let newline = body.firstIndex(of: 0x0A), newline > body.startIndex else { return false }
            return body[newline - 1] == 0x0D
        }

        /// 1-based line and column of a position in leading whitespace (so bytes are characters).
        private static func location(of index: Int, in body: ArraySlice<UInt8>) -> (Int, Int) {
            var line = 1
            var lineStart = body.startIndex
            for position in body.startIndex..<index where body[position] == 0x0A {
                line += 1
                lineStart = position + 1
            }
            return (line, index - lineStart + 1)
        }
    }

    /// Where the block sits: `[AuthorizationServersSettings, <id>]` or
    /// `[ResourceServerSettings, accessTokenServicesSettings]`.
    struct Location {
        let keys: [String]

        init(kind: Kind, blockKey: String) {
            switch kind {
            case .authorizationServer(let id): keys = [blockKey, id]
            case .resourceServer: keys = [ThingWorxSettings.resourceServerKey, ThingWorxSettings.accessTokenServicesKey]
            }
        }

        /// `AuthorizationServersSettings.PingFederate.tokenUri`.
        func path(_ key: String) -> String {
            (keys + [key]).joined(separator: ".")
        }

        /// The block in `root`; nil when it or a parent is missing or null. A parent or block that is
        /// some other value is refused rather than replaced.
        func block(in root: JSONObject) throws(SettingsError) -> JSONObject? {
            var current = root
            for (offset, key) in keys.enumerated() {
                guard let value = current[key], value != .null else { return nil }
                guard case .object(let object) = value else {
                    let path = keys[...offset].joined(separator: ".")
                    throw SettingsError(message: "'\(path)' is \(describe(value)), not an object; fix or remove it first")
                }
                current = object
            }
            return current
        }

        /// `root` with the block set in place: an existing key keeps its position, a new one goes last.
        func store(_ block: JSONObject, in root: JSONObject) -> JSONObject {
            Self.store(block, in: root, keys: keys[...])
        }

        /// The block alone under its keys.
        func wrap(_ block: JSONObject) -> JSONObject {
            store(block, in: JSONObject())
        }

        private static func store(_ block: JSONObject, in object: JSONObject, keys: ArraySlice<String>) -> JSONObject {
            guard let key = keys.first else { return block }
            var object = object
            let inner = object[key]?.objectValue ?? JSONObject()
            object[key] = .object(store(block, in: inner, keys: keys.dropFirst()))
            return object
        }
    }
}

/// `a string`, `an array`, `null`.
private func describe(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .array, .object: "an \(value.typeName)"
    default: "a \(value.typeName)"
    }
}
