/// One addressable field of the Client model: its API name (dotted inside nested objects),
/// what it holds and how the shell treats it.
public struct FieldInfo: Sendable, Equatable {
    /// The API name, dotted for nested objects: `clientAuth.type`, `oidcPolicy.policyGroup`.
    public let path: String
    public let kind: FieldKind
    /// Secret material: never staged with `set`, never shown in clear.
    public let isSecret: Bool
    /// Set by the server and ignored on POST and PUT.
    public let isReadOnly: Bool
    /// One short lowercase line for help and completion.
    public let summary: String

    public init(path: String, kind: FieldKind, isSecret: Bool = false, isReadOnly: Bool = false, summary: String) {
        self.path = path
        self.kind = kind
        self.isSecret = isSecret
        self.isReadOnly = isReadOnly
        self.summary = summary
    }

    /// The last component of the path: `type` for `clientAuth.type`.
    public var name: String {
        path.split(separator: ".").last.map(String.init) ?? path
    }

    /// The nested object the field lives in (`clientAuth` for `clientAuth.type`), nil at top level.
    public var parent: String? {
        guard let dot = path.firstIndex(of: ".") else { return nil }
        return String(path[..<dot])
    }

    /// Whether `set` may stage a value for it.
    public var isSettable: Bool { !isSecret && !isReadOnly }
}
