/// Turns parsed parts into a word's text: by looking variables up, or as written for completion.
enum ScriptExpander {
    static func expand(_ parts: [ScriptWordPart], with variables: some VariableLookup) throws(ScriptError) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .text(let literal, _): text += literal
            case .expansion(let expansion, _): text += try expand(expansion, with: variables)
            }
        }
        return text
    }

    /// The parts with each `${...}` left as written.
    static func verbatim(_ parts: [ScriptWordPart]) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .text(let literal, _): text += literal
            case .expansion(let expansion, _): text += expansion.source
            }
        }
        return text
    }

    /// A fallback is expanded only when it is used, so `${A:-${B}}` needs B only when A is empty.
    private static func expand(_ expansion: ScriptExpansion, with variables: some VariableLookup) throws(ScriptError) -> String {
        let value = expansion.isEnvironment ? variables.environment(expansion.name) : variables.value(of: expansion.name)
        switch expansion.fallback {
        case .none:
            guard let value else {
                throw ScriptError(kind: .undefinedVariable(expansion.displayName), location: expansion.location)
            }
            return value
        case .useDefault(let parts):
            if let value, !value.isEmpty { return value }
            return try expand(parts, with: variables)
        case .require(let parts):
            if let value, !value.isEmpty { return value }
            let message = try expand(parts, with: variables)
            throw ScriptError(kind: .requiredVariable(name: expansion.displayName, message: message), location: expansion.location)
        }
    }
}
