import PFShellJSON

/// Reads the text of `set FIELD VALUE` into the JSON value the shell stages for the field.
public enum FieldValue {
    /// The value `text` stands for in `field`. Secret and read-only fields are refused whatever the text.
    public static func parse(_ text: String, for field: FieldInfo) throws(FieldError) -> JSONValue {
        if field.isSecret { throw FieldError(field: field.path, value: text, kind: .secretField) }
        if field.isReadOnly { throw FieldError(field: field.path, value: text, kind: .readOnly) }
        let path = field.path
        switch field.kind {
        case .string: return .string(text)
        case .uri: return try uri(text, path: path)
        case .boolean: return try boolean(text, path: path)
        case .integer(let bits): return try integer(text, bits: bits, path: path)
        case .enumeration(let allowed): return try enumeration(text, allowed: allowed, path: path)
        case .stringList: return try stringList(text, path: path)
        case .uriList: return try uriList(text, path: path)
        case .grantTypes: return try grantTypes(text, path: path)
        case .reference: return try reference(text, path: path)
        case .extendedParameters: return try extendedParameters(text, path: path)
        case .json: return try json(text, path: path)
        }
    }

    /// The warnings a staged value deserves, such as plain http redirect URIs.
    public static func warnings(for value: JSONValue, in field: FieldInfo) -> [RedirectURI.Warning] {
        guard field.kind == .uriList, let items = value.arrayValue else { return [] }
        return items.compactMap { item in
            guard let text = item.stringValue, case .success(let warning?) = RedirectURI.check(text, field: field.path)
            else { return nil }
            return warning
        }
    }

    private static let trueWords: Set<String> = ["true", "yes", "on"]
    private static let falseWords: Set<String> = ["false", "no", "off"]

    static func boolean(_ text: String, path: String) throws(FieldError) -> JSONValue {
        let word = ModelText.trimmed(text).lowercased()
        if trueWords.contains(word) { return .bool(true) }
        if falseWords.contains(word) { return .bool(false) }
        throw FieldError(field: path, value: text, kind: .invalidValue(expected: "a boolean (true or false)"))
    }

    static func integer(_ text: String, bits: Int, path: String) throws(FieldError) -> JSONValue {
        let range: ClosedRange<Int64> = bits == 32 ? Int64(Int32.min)...Int64(Int32.max) : Int64.min...Int64.max
        if let number = Int64(ModelText.trimmed(text)), range.contains(number) { return .int(number) }
        let expected = bits == 32
            ? "a whole number from \(range.lowerBound) to \(range.upperBound)"
            : "a whole number that fits in 64 bits"
        throw FieldError(field: path, value: text, kind: .invalidValue(expected: expected))
    }

    /// Any case, and dashes for underscores (`server-default`); returned in API case.
    static func enumeration(_ text: String, allowed: [String], path: String) throws(FieldError) -> JSONValue {
        let key = ModelText.enumKey(text)
        if let match = allowed.first(where: { $0 == key }) { return .string(match) }
        throw FieldError.notOneOf(allowed, field: path, value: text)
    }

    /// An absolute http or https URL with a host; wildcards belong to redirect URIs only.
    static func uri(_ text: String, path: String) throws(FieldError) -> JSONValue {
        if !ModelText.hasWhitespaceOrControl(text), !text.contains("*"), let parts = URIParts(text),
           parts.isWeb, parts.hasValidAuthority(wildcards: false) {
            return .string(text)
        }
        throw FieldError(field: path, value: text, kind: .invalidValue(expected: "an absolute http or https URL"))
    }

    /// A resource id, stored as a ResourceLink; `{"id": ...}` JSON is accepted too.
    static func reference(_ text: String, path: String) throws(FieldError) -> JSONValue {
        let trimmed = ModelText.trimmed(text)
        var id = trimmed
        if trimmed.hasPrefix("{") {
            guard let parsed = try? JSONParser.parse(trimmed), let given = parsed["id"]?.stringValue else {
                throw FieldError(field: path, value: text, kind: .invalidValue(expected: "a resource id"))
            }
            id = given
        }
        guard !id.isEmpty, !ModelText.hasWhitespaceOrControl(id) else {
            throw FieldError(field: path, value: text, kind: .invalidValue(expected: "a resource id"))
        }
        return .object(["id": .string(id)])
    }

    static func json(_ text: String, path: String) throws(FieldError) -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch {
            throw FieldError(
                field: path, value: text, kind: .invalidValue(expected: "JSON text"),
                message: "'\(text)' is not valid JSON (\(error.description))"
            )
        }
    }
}
