import PFShellJSON

/// What `--trace` keeps of a body: every member whose key holds secret material
/// (`FieldCatalog.holdsSecret`, at any depth) is replaced whole by `(redacted)`.
public enum TraceRedaction {
    public static let mark: JSONValue = "(redacted)"

    public static func redacted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var copy = JSONObject()
            for (key, member) in object.pairs {
                copy[key] = FieldCatalog.holdsSecret(key: key) ? mark : redacted(member)
            }
            return .object(copy)
        case .array(let items):
            return .array(items.map(redacted))
        default:
            return value
        }
    }
}
