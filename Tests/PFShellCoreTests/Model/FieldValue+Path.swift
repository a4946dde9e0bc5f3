import PFShellCore
import PFShellJSON

extension FieldValue {
    /// The value for the field named `path`, found as `set` finds it; a shorthand for the tables.
    static func parse(_ text: String, at path: String) throws(FieldError) -> JSONValue {
        try parse(text, for: FieldCatalog.settableField(path))
    }
}
