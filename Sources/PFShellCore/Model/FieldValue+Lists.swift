import PFShellJSON

/// List and map values: comma-separated items (`a,b`) or a JSON array (`["a","b"]`).
extension FieldValue {
    /// The items of a list value. An empty text is the empty list; a comma inside an item
    /// needs the JSON form.
    static func items(_ text: String, path: String) throws(FieldError) -> [String] {
        let trimmed = ModelText.trimmed(text)
        if trimmed.isEmpty { return [] }
        if trimmed.hasPrefix("[") { return try jsonItems(trimmed, original: text, path: path) }
        let items = trimmed.split(separator: ",", omittingEmptySubsequences: false).map {
            ModelText.trimmed(String($0))
        }
        if items.contains(where: \.isEmpty) {
            throw FieldError(
                field: path, value: text,
                kind: .invalidValue(expected: "a comma-separated list without empty items")
            )
        }
        return items
    }

    private static func jsonItems(_ trimmed: String, original: String, path: String) throws(FieldError) -> [String] {
        guard let array = (try? JSONParser.parse(trimmed))?.arrayValue, let strings = strings(array) else {
            throw FieldError(field: path, value: original, kind: .invalidValue(expected: "a JSON array of strings"))
        }
        return strings
    }

    /// Order kept, repeats dropped: the API treats these lists as sets.
    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    static func stringList(_ text: String, path: String) throws(FieldError) -> JSONValue {
        .array(unique(try items(text, path: path)).map(JSONValue.string))
    }

    static func uriList(_ text: String, path: String) throws(FieldError) -> JSONValue {
        let uris = unique(try items(text, path: path))
        for uri in uris {
            if case .failure(let error) = RedirectURI.check(uri, field: path) { throw error }
        }
        return .array(uris.map(JSONValue.string))
    }

    static func grantTypes(_ text: String, path: String) throws(FieldError) -> JSONValue {
        var names: [String] = []
        for item in try items(text, path: path) {
            names.append(try GrantType.parse(item, field: path).apiName)
        }
        return .array(unique(names).map(JSONValue.string))
    }

    private static let parametersExample = #"a JSON object of parameter names to values, e.g. '{"team": ["blue"]}'"#

    /// A JSON object of name to values; each value may be `{"values": [...]}`, an array of
    /// strings or one string, and is stored as `{"values": [...]}` with at least one value.
    static func extendedParameters(_ text: String, path: String) throws(FieldError) -> JSONValue {
        let invalid = FieldError(field: path, value: text, kind: .invalidValue(expected: parametersExample))
        guard let object = (try? JSONParser.parse(text))?.objectValue else { throw invalid }
        var result = JSONObject()
        for (name, value) in object.pairs {
            guard let values = parameterValues(value), !values.isEmpty else { throw invalid }
            result[name] = .object(["values": .array(values.map(JSONValue.string))])
        }
        return .object(result)
    }

    private static func parameterValues(_ value: JSONValue) -> [String]? {
        switch value {
        case .string(let single): return [single]
        case .array(let array): return strings(array)
        case .object(let object):
            guard object.count == 1, let array = object["values"]?.arrayValue else { return nil }
            return strings(array)
        default: return nil
        }
    }

    /// The strings of `array`, nil when any item is not a string.
    private static func strings(_ array: [JSONValue]) -> [String]? {
        let strings = array.compactMap(\.stringValue)
        return strings.count == array.count ? strings : nil
    }
}
