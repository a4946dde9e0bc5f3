/// What kind of value a command argument or option takes: drives parsing help and tab completion.
public enum ValueKind: Sendable, Equatable {
    case text
    case number
    case url
    case path
    /// A client on the server or staged in this session.
    case clientID
    /// A client ID that does not exist yet.
    case newClientID
    case field
    /// The value of the field named earlier on the line.
    case fieldValue
    case grantType
    case redirectURI
    /// A redirect URI of the selected client.
    case registeredRedirectURI
    case accessTokenManager
    case profile
    case variable
    case command
    /// A path of the Admin API (`/oauth/clients/ID`).
    case apiPath
    /// One of these words.
    case choice([String])
}

/// A positional argument: `ID`, `URI...`, `[FILTER]`.
public struct ArgumentSpec: Sendable {
    public let name: String
    public let kind: ValueKind
    public let isOptional: Bool
    public let isRepeating: Bool

    public init(_ name: String, _ kind: ValueKind, optional: Bool = false, repeating: Bool = false) {
        self.name = name
        self.kind = kind
        self.isOptional = optional
        self.isRepeating = repeating
    }

    var usage: String {
        let base = isRepeating ? "\(name)..." : name
        return isOptional ? "[\(base)]" : base
    }
}

/// A flag (`--json`) or an option with a value (`--name TEXT`).
public struct OptionSpec: Sendable {
    public let name: String
    public let shortName: String?
    /// The placeholder of the value; nil for a flag.
    public let valueName: String?
    public let kind: ValueKind
    public let summary: String

    public init(_ name: String, short: String? = nil, value: String? = nil, _ kind: ValueKind = .text, _ summary: String) {
        self.name = name
        self.shortName = short
        self.valueName = value
        self.kind = kind
        self.summary = summary
    }

    /// A flag: `--json`.
    public init(_ name: String, _ summary: String) {
        self.init(name, short: nil, value: nil, .text, summary)
    }

    public var takesValue: Bool { valueName != nil }

    var usage: String {
        valueName.map { "\(name) \($0)" } ?? name
    }
}

/// Which handler runs a command.
public enum CommandID: String, Sendable, CaseIterable {
    case connect, disconnect, status, profileDefine, profileList
    case clientList, clientShow, clientNew, clientEdit, clientEnsure, clientDelete, clientClone, clientRebase, clientTest, clientExport, clientDiffAgainst, clientPromote
    case presetList, presetShow, thingworxRedirect, thingworxSettings, thingworxResourceSettings, thingworxRotate
    case tokenManagerList, tokenManagerSet, oidcPolicyList
    case resume, discardInterrupted, log, logShow, rollback
    case set, unset, redirectAdd, redirectRemove, redirectList, grantsSet, grantsAdd, grantsRemove
    case secretSet, secretGenerate, secretShow, secretRotate, secretSecondaries, secretExpireOld, persistentGrants, refreshRolling
    case diff, pending, undo, discard, commit, commitConfirmed, confirm
    case clusterStatus, clusterReplicate
    case apiGet, apiPost, apiPut, apiDelete
    case letVariable, echo, source, help, quit, recordStart, recordStop
}

/// One command of the language: its words, its grammar, one line of help. The command table holds
/// them all, and dispatch, `help` and completion read it.
public struct CommandSpec: Sendable {
    public let id: CommandID
    /// `["client", "new"]`.
    public let words: [String]
    public let arguments: [ArgumentSpec]
    public let options: [OptionSpec]
    public let summary: String
    /// Groups commands in `help`.
    public let group: String
    /// The command stages a change (so `undo` can revert it and a script can replay it).
    public let stages: Bool

    public init(
        _ id: CommandID, _ words: String, _ arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
        group: String, stages: Bool = false, _ summary: String
    ) {
        self.id = id
        self.words = words.split(separator: " ").map(String.init)
        self.arguments = arguments
        self.options = options
        self.summary = summary
        self.group = group
        self.stages = stages
    }

    public var name: String { words.joined(separator: " ") }

    /// `client new ID [--name TEXT] [--description TEXT]`.
    public var usage: String {
        ([name] + arguments.map(\.usage) + options.map { "[\($0.usage)]" }).joined(separator: " ")
    }

    public func option(_ name: String) -> OptionSpec? {
        options.first { $0.name == name || ($0.shortName != nil && $0.shortName == name) }
    }
}
