import PFShellJSON

/// The shape of a JSON property in the Admin API's model, as the server checks it.
public indirect enum FieldType: Sendable {
    case string
    /// An RFC 3339 date-time string (only in read-only fields here).
    case dateTime
    case int32
    case int64
    case boolean
    /// A string limited to these values.
    case enumeration([String])
    /// An array; `unique` when the model says the items form a set.
    case array(FieldType, unique: Bool)
    case object(ObjectSchema)
    /// An object whose keys are free and whose values all have one type (`extendedParameters`).
    case map(FieldType)
}

/// One property of an object in the model.
public struct Field: Sendable {
    public let name: String
    public let type: FieldType
    /// Set by the server; ignored when a request carries it.
    public let readOnly: Bool

    public init(_ name: String, _ type: FieldType, readOnly: Bool = false) {
        self.name = name
        self.type = type
        self.readOnly = readOnly
    }
}

/// An object of the model: its properties in the order the server writes them.
public struct ObjectSchema: Sendable {
    public let name: String
    public let fields: [Field]
    /// Properties the server accepts back although the model does not list them
    /// (`location` in a resource reference, which the server itself returns).
    public let tolerated: Set<String>

    public init(_ name: String, _ fields: [Field], tolerated: Set<String> = []) {
        self.name = name
        self.fields = fields
        self.tolerated = tolerated
    }

    public func field(_ name: String) -> Field? {
        fields.first { $0.name == name }
    }

    /// The object's properties in the order the server writes them; properties the schema does not
    /// list are dropped.
    func ordered(_ object: JSONObject) -> JSONObject {
        JSONObject(fields.compactMap { field in object[field.name].map { (field.name, $0) } })
    }
}
