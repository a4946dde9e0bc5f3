import PFShellJSON

/// Checks a request body against the model's shapes (JSON types, enum values, integer ranges, unknown
/// properties) and returns the body reduced to what the server stores: read-only properties and
/// tolerated echoes such as `location` dropped, `null` treated as absent, properties in model order.
/// Unknown properties are refused in strict mode and dropped otherwise.
struct ShapeChecker {
    let strict: Bool
    private(set) var issues: [ValidationIssue] = []

    init(strict: Bool) {
        self.strict = strict
    }

    mutating func object(_ value: JSONValue, _ schema: ObjectSchema, path: String) -> JSONObject? {
        guard case .object(let input) = value else {
            issues.append(.typeMismatch(path.isEmpty ? "(body)" : path, expected: "an object", got: value))
            return nil
        }
        var output = JSONObject()
        for (key, member) in input.pairs {
            let memberPath = path.isEmpty ? key : "\(path).\(key)"
            guard let field = schema.field(key) else {
                if strict && !schema.tolerated.contains(key) {
                    issues.append(
                        ValidationIssue(
                            errorId: "unrecognized_field",
                            message: "'\(key)' is not a property of \(schema.name).",
                            fieldPath: memberPath))
                }
                continue
            }
            if field.readOnly || member.isNull { continue }
            if let checked = check(member, field.type, path: memberPath) { output[key] = checked }
        }
        return schema.ordered(output)
    }

    private mutating func check(_ value: JSONValue, _ type: FieldType, path: String) -> JSONValue? {
        switch type {
        case .string, .dateTime:
            return expectString(value, path: path).map(JSONValue.string)
        case .enumeration(let allowed):
            guard let text = expectString(value, path: path) else { return nil }
            guard allowed.contains(text) else {
                issues.append(
                    .invalidValue(path, "'\(text)' is not a valid value; expected one of \(allowed.joined(separator: ", ")).")
                )
                return nil
            }
            return value
        case .boolean:
            guard case .bool = value else { return mismatch(path, "a boolean", value) }
            return value
        case .int32:
            return integer(value, in: Int64(Int32.min)...Int64(Int32.max), path: path)
        case .int64:
            return integer(value, in: Int64.min...Int64.max, path: path)
        case .array(let itemType, let unique):
            return array(value, of: itemType, unique: unique, path: path)
        case .object(let schema):
            return object(value, schema, path: path).map(JSONValue.object)
        case .map(let valueType):
            return map(value, of: valueType, path: path)
        }
    }

    private mutating func expectString(_ value: JSONValue, path: String) -> String? {
        guard case .string(let text) = value else {
            issues.append(.typeMismatch(path, expected: "a string", got: value))
            return nil
        }
        return text
    }

    private mutating func integer(_ value: JSONValue, in range: ClosedRange<Int64>, path: String) -> JSONValue? {
        guard case .int(let number) = value else { return mismatch(path, "an integer", value) }
        guard range.contains(number) else {
            issues.append(.invalidValue(path, "\(number) is out of range for this field."))
            return nil
        }
        return value
    }

    private mutating func array(_ value: JSONValue, of itemType: FieldType, unique: Bool, path: String) -> JSONValue? {
        guard case .array(let items) = value else { return mismatch(path, "an array", value) }
        var output: [JSONValue] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            if item.isNull {
                issues.append(.invalidValue(itemPath, "null is not allowed in a list."))
                continue
            }
            guard let checked = check(item, itemType, path: itemPath) else { continue }
            if unique && output.contains(checked) {
                issues.append(.invalidValue(itemPath, "Duplicate value in a list that must hold unique values."))
                continue
            }
            output.append(checked)
        }
        return .array(output)
    }

    private mutating func map(_ value: JSONValue, of valueType: FieldType, path: String) -> JSONValue? {
        guard case .object(let input) = value else { return mismatch(path, "an object", value) }
        var output = JSONObject()
        for (key, member) in input.pairs where !member.isNull {
            if let checked = check(member, valueType, path: "\(path).\(key)") { output[key] = checked }
        }
        return .object(output)
    }

    private mutating func mismatch(_ path: String, _ expected: String, _ got: JSONValue) -> JSONValue? {
        issues.append(.typeMismatch(path, expected: expected, got: got))
        return nil
    }
}

extension ValidationIssue {
    static func typeMismatch(_ path: String, expected: String, got: JSONValue) -> ValidationIssue {
        ValidationIssue(
            errorId: "invalid_type", message: "Expected \(expected) but found \(got.typeName).", fieldPath: path)
    }
}
