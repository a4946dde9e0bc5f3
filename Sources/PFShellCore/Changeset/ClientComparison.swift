import PFShellJSON

/// Field-level comparison of two versions of a client, flattened to dotted paths
/// (`oidcPolicy.logoutMode`); lists are compared whole, set-like ones (`FieldCatalog.unorderedLists`)
/// without regard to order. Every change the shell detects (diff, "nothing to commit", conflicts)
/// goes through here.
public enum ClientComparison {
    /// One field that differs: nil on a side means the field is absent there.
    public struct Difference: Sendable, Equatable {
        public let path: String
        public let before: JSONValue?
        public let after: JSONValue?
    }

    /// Values that differ on every read and so never count as a change.
    public static let volatile: Set<String> = ["clientAuth.encryptedSecret"]

    public static func differences(_ before: JSONObject, _ after: JSONObject, ignoring: Set<String> = volatile)
        -> [Difference]
    {
        let old = flatten(before)
        let new = flatten(after)
        var paths = old.map(\.0)
        for (path, _) in new where !paths.contains(path) { paths.append(path) }
        let oldValues = Dictionary(old, uniquingKeysWith: { first, _ in first })
        let newValues = Dictionary(new, uniquingKeysWith: { first, _ in first })
        return paths.compactMap { path in
            guard !ignoring.contains(path), !isSecondarySecret(path), !isReferenceLocation(path),
                !same(oldValues[path], newValues[path], at: path)
            else { return nil }
            return Difference(path: path, before: oldValues[path], after: newValues[path])
        }
    }

    /// `[("name", "web"), ("clientAuth.type", "SECRET"), ...]`; empty objects vanish, null counts as absent.
    public static func flatten(_ object: JSONObject, prefix: String = "") -> [(String, JSONValue)] {
        object.pairs.flatMap { key, value -> [(String, JSONValue)] in
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            switch value {
            case .object(let nested) where !isOpaqueMap(path): return flatten(nested, prefix: path)
            case .null: return []
            default: return [(path, value)]
            }
        }
    }

    /// Equal values, or set-like lists holding the same items in another order.
    static func same(_ old: JSONValue?, _ new: JSONValue?, at path: String) -> Bool {
        if old == new { return true }
        guard FieldCatalog.unorderedLists.contains(path), let old = old?.arrayValue, let new = new?.arrayValue,
            old.count == new.count
        else { return false }
        return old.map { JSONPrinter.print($0) }.sorted() == new.map { JSONPrinter.print($0) }.sorted()
    }

    /// `extendedParameters` is compared as one value: its keys are data, not field names.
    private static func isOpaqueMap(_ path: String) -> Bool {
        path == "extendedParameters"
    }

    /// A reference's `location` is the server's echo of its `id`: only the `id` is a change.
    private static func isReferenceLocation(_ path: String) -> Bool {
        path.hasSuffix(".location")
    }

    private static func isSecondarySecret(_ path: String) -> Bool {
        path == "clientAuth.secondarySecrets"
    }
}
