/// The shell's knowledge of the 12.1 Client model: every field addressable by its API name,
/// dotted for the members of nested objects (`clientAuth.type`, `jwksSettings.jwksUrl`).
public enum FieldCatalog {
    /// Every field in API order.
    public static let all: [FieldInfo] = table

    /// The nested objects whose members are fields; they take no value themselves.
    public static let groups: [String] = ["oidcPolicy", "clientAuth", "jwksSettings"]

    /// Lists whose order means nothing: the 12.1 model marks their items unique, and PingFederate may
    /// return them in an order of its own (exports show `grantTypes` in the enum's order), so two
    /// versions holding the same items are the same.
    public static let unorderedLists: Set<String> = [
        "grantTypes", "persistentGrantReuseGrantTypes", "restrictedScopes", "exclusiveScopes",
        "authorizationDetailTypes", "restrictedResponseTypes",
    ]

    private static let byPath: [String: FieldInfo] = Dictionary(
        all.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }
    )

    private static let positions: [String: Int] = Dictionary(
        all.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first }
    )

    /// Where the field named `path` stands in API order, or nil.
    static func position(of path: String) -> Int? {
        positions[path]
    }

    /// The field named exactly `path`, or nil.
    public static func field(_ path: String) -> FieldInfo? {
        byPath[path]
    }

    /// What a command does to the field it names: `set` stages a value, `unset` removes it.
    public enum Change: Sendable {
        case set, unset
    }

    /// The field `set` or `unset` may change; throws for unknown names (with a suggestion),
    /// secret and read-only fields, and the nested objects themselves.
    public static func settableField(_ path: String, for change: Change = .set) throws(FieldError) -> FieldInfo {
        if groups.contains(path) {
            let example = all.first { $0.parent == path }?.path ?? path
            throw FieldError(
                field: path, value: nil, kind: .notSettable,
                message: "'\(path)' is an object; name one of its fields, e.g. '\(example)'"
            )
        }
        guard let info = field(path) else {
            throw FieldError(field: path, value: nil, kind: .unknownField(suggestion: suggestion(for: path)))
        }
        if info.isSecret { throw FieldError.secretField(path, change: change) }
        if info.isReadOnly { throw FieldError(field: path, value: nil, kind: .readOnly) }
        return info
    }

    /// Names completing `prefix`, sorted. Without a dot, nested objects are offered as `clientAuth.`
    /// so their members come after the dot; with one, the members of that object.
    public static func completions(prefix: String, settableOnly: Bool = false) -> [String] {
        let candidates = completionCandidates(nested: prefix.contains("."), settableOnly: settableOnly)
        let exact = candidates.filter { $0.hasPrefix(prefix) }
        if !exact.isEmpty { return exact.sorted() }
        let lowered = prefix.lowercased()
        return candidates.filter { $0.lowercased().hasPrefix(lowered) }.sorted()
    }

    private static func completionCandidates(nested: Bool, settableOnly: Bool) -> [String] {
        let fields = all.filter { !settableOnly || $0.isSettable }
        if nested { return fields.filter { $0.parent != nil }.map(\.path) }
        return fields.filter { $0.parent == nil }.map(\.path) + groups.map { $0 + "." }
    }

    /// The known name closest to `unknown`, for "did you mean": a case-insensitive match first, then
    /// a member typed without its object (`logoutMode`), then the nearest name by edit distance.
    public static func suggestion(for unknown: String) -> String? {
        let names = all.map(\.path) + groups
        let lowered = unknown.lowercased()
        if let same = names.first(where: { $0.lowercased() == lowered }) { return same }
        if let member = all.first(where: { $0.parent != nil && $0.name.lowercased() == lowered }) {
            return member.path
        }
        return EditDistance.closest(to: lowered, among: names)
    }
}
