/// What a Client field holds, seen from the shell: it decides how `set FIELD VALUE` reads the
/// value and how a staged client's member is checked before a commit.
public enum FieldKind: Sendable, Equatable {
    /// Free text.
    case string
    /// An absolute http or https URL with a host; no wildcards.
    case uri
    case boolean
    /// A whole number that fits in `bits` bits (32 or 64), signed.
    case integer(bits: Int)
    /// One of the listed API values; typed in any case, stored in API case.
    case enumeration([String])
    case stringList
    /// Redirect-like URIs: PingFederate's `*` wildcards and private-use schemes allowed.
    case uriList
    /// A list of grant types, read with `GrantType`.
    case grantTypes
    /// A ResourceLink: the value typed is the referenced id, stored as `{"id": ...}`.
    case reference
    /// A map of extended parameter name to `{"values": [...]}`.
    case extendedParameters
    /// Anything else complex, given as JSON text.
    case json
}
