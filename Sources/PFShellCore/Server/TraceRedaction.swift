import PFShellJSON

/// What `--trace` keeps of a body: every value under a key that holds secret material
/// (`FieldCatalog.holdsSecret`, at any depth) is replaced by `(redacted)`. A list or object under
/// such a key (`secondarySecrets`) keeps its shape, with every value in it redacted, so a trace
/// still shows that secrets were sent, and how many.
public enum TraceRedaction {
    public static let mark: JSONValue = "(redacted)"

    public static func redacted(_ value: JSONValue, insideSecret: Bool = false) -> JSONValue {
        switch value {
        case .object(let object):
            var copy = JSONObject()
            for (key, member) in object.pairs {
                copy[key] = redacted(member, insideSecret: insideSecret || FieldCatalog.holdsSecret(key: key))
            }
            return .object(copy)
        case .array(let items):
            return .array(items.map { redacted($0, insideSecret: insideSecret) })
        default:
            return insideSecret ? mark : value
        }
    }
}
