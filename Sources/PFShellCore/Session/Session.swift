import PFShellJSON

/// A pfsh session: the connection, the selected client, what is staged, variables and profiles.
/// Commands run against it one at a time; it reaches the world only through `ShellServices` and
/// the `ServerPort` those return, so it is tested with fakes.
public final class Session {
    public struct Connection: Sendable {
        public let settings: ConnectionSettings
        public var version: String?
        /// nil until asked; false on a standalone server.
        public var clustered: Bool?
    }

    public let services: any ShellServices
    public private(set) var server: (any ServerPort)?
    public internal(set) var connection: Connection?
    public internal(set) var selected: String?
    public internal(set) var changeset = Changeset()
    /// Secrets this session set and committed, by client ID; `secret show --reveal` prints them.
    public internal(set) var knownSecrets: [String: String] = [:]
    public internal(set) var profiles: [String: ConnectionSettings] = [:]
    public var variables: [String: String] = [:]
    /// Live data for completion, refreshed on connect, `client list` and commit.
    public var cache = LiveCache()
    /// `--dry-run`: every commit is dry.
    public var alwaysDryRun = false
    /// `--check`: a dry commit shows the field diff of what differs instead of the requests.
    public var checksForDifferences = false
    /// `--json`: every command prints one JSON document (a commit, JSON lines) on stdout.
    public var jsonOutput = false
    /// The changeset's revision the last commit under `--dry-run` validated: a dry-run script that
    /// commits has done all it can, so it must not end "with uncommitted changes".
    public internal(set) var dryRunRevision: Int?

    /// Where a command's lines go as they happen (each client of a long commit as it is written);
    /// nil keeps them in the command's result.
    public var streamOutput: ((String) -> Void)?

    /// Whether `client new` asks the server at once if the ID exists (at the prompt), or leaves it
    /// to one check at commit (scripts, where thousands of `client new` must not cost a request each).
    public var checksNewIDsAtOnce = false
    /// IDs staged by `client new` without asking the server; checked at commit.
    var newIDsToVerify: Set<String> = []

    var undoStack: [UndoStep] = []
    /// The journals of the connected server; nil when the edge keeps none.
    public internal(set) var journalStore: (any JournalStore)?
    var journal: Journal?
    /// Clients whose last write may or may not have been applied: the next commit reads them first.
    public internal(set) var unknownOutcomes: Set<String> = []
    /// The last commit stopped before writing every client.
    var lastCommitIncomplete = false
    /// `resume` loaded an interrupted session's work without committing it: it must not be lost at exit.
    var holdsResumedWork = false
    /// The client whose write is on its way, if any.
    var inFlight: String?
    /// What each client of the commit running now was before and after, for the commit log.
    var commitLogEntries: [JSONValue] = []
    /// Ctrl-C stopped a write of the commit running now: it ends after settling that write.
    var commitCancelled = false
    /// Told before each client of a commit is written and once at its end; the edge draws a
    /// progress line from it.
    public var commitProgress: ((CommitProgress) -> Void)?
    /// Recovery is offered as pfsh's options (`--resume`), not as commands: no one is at a prompt.
    public var recoveryByOptions = false
    /// Whether connecting says that an interrupted session left work (not under `--resume`).
    public var announcesInterrupted = true

    /// `record start FILE`: what this session's lines stage and commit, kept as a script.
    public internal(set) var recording: SessionRecording?
    /// The `--env` variables the recording's secret lines name.
    var recordedSecrets: [String] = []
    /// How many client writes this session's commits applied.
    public internal(set) var appliedCount = 0
    /// The number the commit log gave this session's last commit.
    public internal(set) var lastCommitNumber: Int?
    /// The first of the two commits of the last `commit` that wrote a rotation's retention first.
    var splitCommitStart: Int?
    /// A revert of an unconfirmed commit is running: it holds the commit lock itself, goes on past
    /// conflicts, and must not confirm the commit it reverts.
    var revertRunning: (number: Int, message: String)?
    /// Clients staged by `rollback`: a conflict on one of them does not stop the commit before the others.
    var stagedByRollback: Set<String> = []

    /// `api` has said once in this session that its writes bypass staging and rollback.
    var warnedAboutRawWrites = false

    /// The requests sent again during the command running now; reported with its result.
    var retries: [RetryNote] = []
    /// The server's copy of each client a commit stopped on, for `diff` to show both sides.
    var conflictCopies: [String: JSONObject] = [:]

    /// What one command changed: enough to put it back, and no more.
    struct UndoStep {
        let record: Changeset.Record
        let selected: String?
    }

    public init(services: any ShellServices) {
        self.services = services
    }

    /// Runs one parsed command.
    public func run(_ invocation: Invocation) -> CommandResult {
        let selectedBefore = selected
        var result = CommandResult()
        result.location = invocation.location
        changeset.startRecording(at: invocation.location)
        do {
            try dispatch(invocation, &result)
            let record = changeset.stopRecording()
            if Self.isUndoable(invocation.spec) && !record.isEmpty {
                undoStack.append(UndoStep(record: record, selected: selectedBefore))
            }
            // A commit journals each write as it goes.
            if !Self.commits(invocation.spec) && !record.isEmpty { journalChanges(record) }
            keepInRecording(invocation, touched: record.touchedIDs)
        } catch {
            let record = changeset.stopRecording()
            var located = error
            if located.location == nil { located.location = invocation.location }
            result.error = located
            // A failed staging command stages nothing; a failed commit keeps what it applied.
            if invocation.spec.stages {
                changeset.restore(record)
                selected = selectedBefore
            } else if !Self.commits(invocation.spec) && !record.isEmpty {
                journalChanges(record)
            }
            // A commit that applied part of what was staged keeps that part's lines.
            if Self.commits(invocation.spec) { keepInRecording(invocation, touched: []) }
        }
        for retry in retries { result.warn(invocation.name, retry.text) }
        retries.removeAll()
        result.renderJSON(command: invocation.name, asked: jsonOutput)
        return result
    }

    /// Commands that write staged changes (and journal each write as they go).
    static func commits(_ spec: CommandSpec) -> Bool {
        spec.id == .commit || spec.id == .commitConfirmed || spec.id == .thingworxRotate
    }

    /// Staging commands and `discard` can be undone; `undo` itself and `commit` cannot.
    static func isUndoable(_ spec: CommandSpec) -> Bool {
        spec.stages || spec.id == .discard
    }

    /// One handler per command, and no `default`: a command added to `CommandID` without a handler
    /// does not compile.
    private func dispatch(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        switch i.spec.id {
        case .connect: try connect(i, &r)
        case .disconnect: disconnect(i, &r)
        case .status: status(i, &r)
        case .profileDefine: try defineProfile(i, &r)
        case .profileList: listProfiles(&r)
        case .clusterStatus: try clusterStatus(i, &r)
        case .clusterReplicate: try replicate(i, &r)
        case .clientList: try listClients(i, &r)
        case .clientShow: try showClient(i, &r)
        case .clientNew: try newClient(i, &r)
        case .clientEdit: try editClient(i, &r)
        case .clientEnsure: try ensureClient(i, &r)
        case .clientDelete: try deleteClient(i, &r)
        case .clientClone: try cloneClient(i, &r)
        case .clientRebase: try rebaseClient(i, &r)
        case .clientTest: try testClient(i, &r)
        case .clientExport: try exportClients(i, &r)
        case .clientDiffAgainst: try diffAgainst(i, &r)
        case .clientPromote: try promote(i, &r)
        case .presetList: listPresets(&r)
        case .presetShow: try showPreset(i, &r)
        case .thingworxRedirect: try addThingWorxRedirect(i, &r)
        case .thingworxSettings: try writeThingWorxSettings(i, .authorizationServer(id: i.value("--auth-server-id") ?? "PingFederate"), &r)
        case .thingworxResourceSettings: try writeThingWorxSettings(i, .resourceServer, &r)
        case .thingworxRotate: try rotateThingWorxSecret(i, &r)
        case .tokenManagerList: try listTokenManagers(i, &r)
        case .oidcPolicyList: try listPolicies(i, &r)
        case .tokenManagerSet: try setTokenManager(i, &r)
        case .set: try setField(i, &r)
        case .unset: try unsetField(i, &r)
        case .redirectAdd: try addRedirects(i, &r)
        case .redirectRemove: try removeRedirects(i, &r)
        case .redirectList: try listRedirects(i, &r)
        case .grantsSet, .grantsAdd, .grantsRemove: try changeGrants(i, &r)
        case .secretSet: try setSecret(i, &r)
        case .secretGenerate: try generateSecret(i, &r)
        case .secretShow: try showSecret(i, &r)
        case .secretRotate: try rotateSecret(i, &r)
        case .secretSecondaries: try listSecondarySecrets(i, &r)
        case .secretExpireOld: try expireOldSecrets(i, &r)
        case .persistentGrants: try persistentGrants(i, &r)
        case .refreshRolling: try refreshRolling(i, &r)
        case .diff: try diff(i, &r)
        case .pending: pending(&r)
        case .undo: try undo(i, &r)
        case .discard: try discard(i, &r)
        case .commit: try commit(i, &r)
        case .commitConfirmed: try commitConfirmed(i, &r)
        case .confirm: try confirm(i, &r)
        case .resume: try resume(i, &r)
        case .discardInterrupted: try discardInterrupted(i, &r)
        case .log: try showLog(i, &r)
        case .logShow: try showLogEntry(i, &r)
        case .rollback: try rollback(i, &r)
        case .apiGet, .apiPost, .apiPut, .apiDelete: try rawAPI(i, &r)
        case .letVariable: try letVariable(i, &r)
        case .recordStart: try startRecording(i, &r)
        case .recordStop: try stopRecording(i, &r)
        case .echo: r.print(i.arguments.map(\.text).joined(separator: " "))
        case .source: r.action = .source(path: i.argument(0) ?? "", location: i.arguments.first?.location ?? i.location)
        case .help: try help(i, &r)
        case .quit: r.action = .quit
        }
    }

    /// The server, or an error saying how to connect.
    func requireServer(_ i: Invocation) throws(ShellError) -> any ServerPort {
        guard let server else {
            throw i.error("not connected; use 'connect URL' or start pfsh with --url or --profile")
        }
        return server
    }

    /// Runs `body` with requests going to `port` (another profile's server), then back to this one.
    func reading<T>(from port: any ServerPort, _ body: () throws(ShellError) -> T) throws(ShellError) -> T {
        let own = server
        server = port
        defer { server = own }
        return try body()
    }

    /// The port commands use from now on; the edge learns it too (to cancel, and for runtime calls).
    func setServer(_ port: (any ServerPort)?) {
        server = port
        services.activate(port)
    }
}

extension Session {
    /// How many clients have staged changes (shown in the prompt).
    public var stagedCount: Int { changeset.changedIDs.count }
}
