import PFShellJSON

/// Each field holds the JSON its kind calls for, so a client read from a file fails here, with
/// the field named, rather than at the server. Read-only and secret fields are the server's business.
extension ClientChecks {
    /// Walks the members the client holds, not the whole catalog: a client has a few dozen fields
    /// and a commit checks thousands of clients. Problems come in catalog order, objects first.
    static func shapes(_ view: ClientView) -> [FieldProblem] {
        var problems: [(rank: Int, problem: FieldProblem)] = []
        for (key, value) in view.client.pairs where !value.isNull {
            if let group = FieldCatalog.groups.firstIndex(of: key) {
                guard let members = value.objectValue else {
                    problems.append((group - FieldCatalog.groups.count, FieldProblem(field: key, message: "'\(key)' must be an object")))
                    continue
                }
                for (member, memberValue) in members.pairs where !memberValue.isNull {
                    if let found = shapeProblem(at: key + "." + member, memberValue) { problems.append(found) }
                }
            } else if let found = shapeProblem(at: key, value) {
                problems.append(found)
            }
        }
        return problems.sorted { $0.rank < $1.rank }.map(\.problem)
    }

    private static func shapeProblem(at path: String, _ value: JSONValue) -> (rank: Int, problem: FieldProblem)? {
        guard let field = FieldCatalog.field(path), field.isSettable,
            let message = shapeProblem(value, field), let rank = FieldCatalog.position(of: path)
        else { return nil }
        return (rank, FieldProblem(field: path, message: message))
    }

    /// What is wrong with `value` for `field`, or nil.
    static func shapeProblem(_ value: JSONValue, _ field: FieldInfo) -> String? {
        let path = field.path
        switch field.kind {
        case .string, .uri:
            return value.stringValue == nil ? "'\(path)' must be a string, not \(value.typeName)" : nil
        case .boolean:
            return value.boolValue == nil ? "'\(path)' must be true or false, not \(value.typeName)" : nil
        case .integer(let bits):
            return integerProblem(value, bits: bits, path: path)
        case .enumeration(let allowed):
            return oneOfProblem(value, allowed: allowed, path: path)
        case .stringList, .uriList:
            return stringArray(value) == nil ? "'\(path)' must be an array of strings" : nil
        case .grantTypes:
            return grantTypesProblem(value, path: path)
        case .reference:
            let id = value.objectValue?["id"]?.stringValue ?? ""
            return id.isEmpty ? "'\(path)' must be an object with a non-empty 'id'" : nil
        case .extendedParameters:
            return extendedParametersProblem(value, path: path)
        case .json:
            return nil
        }
    }

    private static func stringArray(_ value: JSONValue) -> [String]? {
        guard let array = value.arrayValue else { return nil }
        let strings = array.compactMap(\.stringValue)
        return strings.count == array.count ? strings : nil
    }

    private static func integerProblem(_ value: JSONValue, bits: Int, path: String) -> String? {
        guard let number = value.intValue else { return "'\(path)' must be a whole number, not \(value.typeName)" }
        if bits == 32 && Int32(exactly: number) == nil {
            return "'\(path)' must be a whole number from \(Int32.min) to \(Int32.max)"
        }
        return nil
    }

    private static func oneOfProblem(_ value: JSONValue, allowed: [String], path: String) -> String? {
        guard let text = value.stringValue else {
            return "'\(path)' must be one of \(allowed.joined(separator: ", ")), not \(value.typeName)"
        }
        return allowed.contains(text) ? nil : FieldError.notOneOf(allowed, field: path, value: text).message
    }

    /// API names in API case only: what is sent must be what the server reads.
    private static func grantTypesProblem(_ value: JSONValue, path: String) -> String? {
        guard let names = stringArray(value) else { return "'\(path)' must be an array of strings" }
        let allowed = GrantType.all.map(\.apiName)
        guard let wrong = names.first(where: { !allowed.contains($0) }) else { return nil }
        return FieldError.notOneOf(allowed, field: path, value: wrong).message
    }

    private static func extendedParametersProblem(_ value: JSONValue, path: String) -> String? {
        let message = #"'\#(path)' must map each name to {"values": [strings]}"#
        guard let object = value.objectValue else { return message }
        let valid = object.pairs.allSatisfy { pair in
            pair.value.objectValue?["values"].flatMap(stringArray) != nil
        }
        return valid ? nil : message
    }
}
