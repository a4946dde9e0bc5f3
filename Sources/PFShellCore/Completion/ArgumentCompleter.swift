/// Completes the words after a command: option names, option values and positional arguments,
/// each by the kind of value the command table says it takes.
struct ArgumentCompleter {
    let spec: CommandSpec
    let context: CompletionContext

    func candidates(after words: inout [String], current: String) -> Completer.Offer {
        var positional: [String] = []
        var used: Set<String> = []
        var pendingOption: OptionSpec?
        for word in words {
            if let option = pendingOption {
                used.insert(option.name)
                pendingOption = nil
            } else if word.hasPrefix("-"), let option = spec.option(word.split(separator: "=").first.map(String.init) ?? word) {
                used.insert(option.name)
                if option.takesValue && !word.contains("=") { pendingOption = option }
            } else {
                positional.append(word)
            }
        }
        if let option = pendingOption { return offer(option.kind, positional: positional, current: current) }
        if current.hasPrefix("-") {
            return Completer.Offer(spec.options.filter { !used.contains($0.name) }.map(\.name))
        }
        guard let argument = argument(at: positional.count) else { return Completer.Offer([]) }
        return offer(argument.kind, positional: positional, current: current)
    }

    private func offer(_ kind: ValueKind, positional: [String], current: String) -> Completer.Offer {
        let anyCase: Bool
        switch kind {
        case .fieldValue, .grantType, .choice: anyCase = true
        default: anyCase = false
        }
        return Completer.Offer(values(kind, positional: positional, current: current), ignoresCase: anyCase)
    }

    private func argument(at index: Int) -> ArgumentSpec? {
        if index < spec.arguments.count { return spec.arguments[index] }
        return spec.arguments.last.flatMap { $0.isRepeating ? $0 : nil }
    }

    private func values(_ kind: ValueKind, positional: [String], current: String) -> [String] {
        switch kind {
        case .clientID: context.clientIDs
        case .apiPath: APIPaths.known(clientIDs: context.clientIDs)
        case .field: FieldCatalog.completions(prefix: current, settableOnly: spec.id == .set)
        case .fieldValue: FieldValueCompleter.values(forField: positional.first ?? "")
        case .grantType: GrantCompleter.remaining(after: positional)
        case .registeredRedirectURI: context.redirectURIs.filter { !positional.contains($0) }
        case .accessTokenManager: context.accessTokenManagers + ["none"]
        case .profile: context.profiles
        case .path: PathCompleter.entries(current, files: context.files)
        case .command: HelpCompleter.words(after: positional)
        case .choice(let choices): PersistentGrantsCompleter.words(choices, after: positional, command: spec.id)
        case .text, .number, .url, .newClientID, .redirectURI, .variable: []
        }
    }
}

/// Enum values of the field named earlier on the line (`set refreshRolling <Tab>`).
enum FieldValueCompleter {
    static func values(forField path: String) -> [String] {
        guard let field = FieldCatalog.field(path) else { return [] }
        switch field.kind {
        case .enumeration(let values): return values
        case .boolean: return ["false", "true"]
        case .grantTypes: return GrantType.all.map(\.readableName)
        default: return []
        }
    }
}

/// Grant types not already on the line, in readable form.
enum GrantCompleter {
    static func remaining(after words: [String]) -> [String] {
        let used = Set(words.compactMap { try? GrantType.parse($0) })
        return GrantType.all.filter { !used.contains($0) }.map(\.readableName)
    }
}

/// `help` completes command words, then subcommands.
enum HelpCompleter {
    static func words(after words: [String]) -> [String] {
        guard let first = words.first else { return Completer.commandWords() }
        return words.count == 1 ? Completer.subcommands(of: first) : []
    }
}

/// `persistent-grants never-expire | server-default | expire N UNIT`: the unit after the number.
enum PersistentGrantsCompleter {
    static func words(_ choices: [String], after words: [String], command: CommandID) -> [String] {
        guard command == .persistentGrants, words.first == "expire" else { return words.isEmpty ? choices : [] }
        return words.count == 2 ? ["days", "hours", "minutes"] : []
    }
}

/// File names for `source` and file options: `.pfsh` scripts and folders first.
enum PathCompleter {
    static func entries(_ current: String, files: @Sendable (String) -> [String]) -> [String] {
        let folder = current.contains("/") ? String(current[...(current.lastIndex(of: "/") ?? current.startIndex)]) : ""
        let names = files(current).map { folder + $0 }
        let preferred = names.filter { $0.hasSuffix(".pfsh") || $0.hasSuffix("/") }.sorted()
        return preferred + names.filter { !preferred.contains($0) }.sorted()
    }
}
