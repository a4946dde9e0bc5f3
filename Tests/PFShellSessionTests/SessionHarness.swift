import Foundation
import PFShellCore
import PFShellEmulator
import PFShellJSON
import PFShellTestSupport
import Synchronization
import Testing

/// The emulator's handler as the session's server, in-process.
final class EmulatorPort: ServerPort {
    /// The server the session talks to; a test may swap it for one whose state changed behind the API.
    var api: AdminAPI
    private(set) var requests: [PFShellCore.APIRequest] = []

    /// What goes wrong with one request: no answer, before or after the server handled it, or an
    /// answer of "try again" without handling it.
    enum Fault {
        case before(TransportFailure.Kind)
        case after(TransportFailure.Kind)
        case status(Int, retryAfter: String?)
    }

    /// Faults by the index (0-based) of the request they hit.
    var faults: [Int: Fault] = [:]
    /// Every request from this index on fails to connect (the server is down).
    var downFrom: Int?
    /// The next read of this client answers 404, as if a write still on its way had not landed.
    var hideOnce: String?
    /// Changes each request before the server sees it: a server that drops part of what it is sent.
    var rewriteRequest: ((PFShellCore.APIRequest) -> PFShellCore.APIRequest)?
    /// Changes each answer before the session sees it: a server of another shape or model.
    var rewrite: ((PFShellCore.APIRequest, PFShellCore.APIResponse) -> PFShellCore.APIResponse)?

    init(api: AdminAPI) {
        self.api = api
    }

    func send(_ sent: PFShellCore.APIRequest) throws(TransportFailure) -> PFShellCore.APIResponse {
        let request = rewriteRequest?(sent) ?? sent
        let index = requests.count
        requests.append(request)
        if let downFrom, index >= downFrom { throw TransportFailure(kind: .refused, message: "connection refused") }
        if let hidden = hideOnce, request.method == .get, request.path == "/oauth/clients/" + hidden {
            hideOnce = nil
            return PFShellCore.APIResponse(status: 404, body: ["message": "not found"])
        }
        switch faults[index] {
        case .before(let kind)?:
            throw TransportFailure(kind: kind, message: "connection reset by peer")
        case .status(let status, let retryAfter)?:
            return PFShellCore.APIResponse(status: status, body: ["message": "try again"], retryAfter: retryAfter)
        case .after(let kind)?:
            _ = handle(request)
            throw TransportFailure(kind: kind, message: "connection reset by peer")
        case nil:
            let answer = handle(request)
            return rewrite?(request, answer) ?? answer
        }
    }

    private func handle(_ request: PFShellCore.APIRequest) -> PFShellCore.APIResponse {
        let response = api.handle(
            PFShellEmulator.EmulatorRequest(
                method: request.method.rawValue, path: AdminAPI.basePath + request.path, query: request.encodedQuery,
                headers: Self.headers, body: request.body.map { Array(JSONPrinter.print($0).utf8) } ?? []))
        let body = response.body.isEmpty ? nil : try? JSONParser.parse(response.body)
        return PFShellCore.APIResponse(status: response.status, body: body)
    }

    /// What every Admin API request carries: the host, the XSRF header and the default administrator.
    static let headers: [(name: String, value: String)] = [
        ("Host", "127.0.0.1:9999"), ("X-XSRF-Header", "PingFederate"),
        ("Authorization", "Basic YWRtaW5pc3RyYXRvcjoyRmVkZXJhdGVNMHJl"),
    ]

    /// Requests that write (POST, PUT, DELETE).
    var writes: [PFShellCore.APIRequest] { requests.filter { $0.method != .get } }
}

/// Services for tests: secrets from a dictionary standing in for the environment, counted random secrets.
final class FakeServices: ShellServices {
    let port: EmulatorPort
    /// The emulator's runtime OAuth endpoints over the same store, for `client test`.
    var runtimeAPI: RuntimeAPI?
    private(set) var runtimeRequests: [RuntimeRequest] = []
    private(set) var runtimeResponses: [RuntimeResponse] = []
    var environment: [String: String] = [:]
    var generated = 0
    var connects: [ConnectionSettings] = []

    init(port: EmulatorPort) {
        self.port = port
    }

    /// Ports for other URLs than the emulator's (`connect URL` to an impostor, say).
    var otherPorts: [String: any ServerPort] = [:]
    private(set) var active: (any ServerPort)?

    func connect(_ settings: ConnectionSettings) throws(ShellError) -> any ServerPort {
        connects.append(settings)
        return otherPorts[settings.apiURL] ?? port
    }

    func activate(_ port: (any ServerPort)?) { active = port }

    func readSecret(_ source: SecretSource) throws(ShellError) -> String {
        guard case .environment(let name) = source, let value = environment[name] else {
            throw ShellError(.command, command: "secret set", "environment variable is not set")
        }
        return value
    }

    /// Answers a runtime request in place of the emulator when it returns an answer: a server that
    /// behaves differently (does not decode HTTP Basic, answers oddly).
    var runtimeOverride: ((RuntimeRequest) -> RuntimeResponse?)?
    /// The runtime's cookies, as a browser keeps them: name, path, value.
    private(set) var cookies: [(name: String, path: String, value: String)] = []

    func runtime(_ request: RuntimeRequest) throws(ShellError) -> RuntimeResponse {
        runtimeRequests.append(request)
        if let answer = runtimeOverride?(request) { return answer }
        guard let runtimeAPI else { throw ShellError(.connection, command: "client test", "no runtime endpoints") }
        let target = request.url.replacingOccurrences(of: "https://127.0.0.1:9031", with: "")
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        var headers: [(name: String, value: String)] = [("Host", "127.0.0.1:9031"), ("Accept", request.accept)]
        if let basic = request.basic {
            headers.append(("Authorization", "Basic " + Data("\(basic.user):\(basic.password)".utf8).base64EncodedString()))
        }
        if request.method == .post { headers.append(("Content-Type", "application/x-www-form-urlencoded")) }
        let sent = cookies.filter { parts[0].hasPrefix($0.path) }.map { "\($0.name)=\($0.value)" }
        if !sent.isEmpty { headers.append(("Cookie", sent.joined(separator: "; "))) }
        let response = runtimeAPI.handle(
            PFShellEmulator.EmulatorRequest(
                method: request.method.rawValue, path: parts[0], query: parts.count > 1 ? parts[1] : "", headers: headers,
                body: Array(request.encodedForm.utf8)))
        keepCookies(response.headers.filter { $0.name.lowercased() == "set-cookie" }.map(\.value))
        func header(_ name: String) -> String? { response.headers.first { $0.name.lowercased() == name }?.value }
        let answer = RuntimeResponse(
            status: response.status, location: header("location"), contentType: header("content-type"),
            body: String(decoding: response.body, as: UTF8.self))
        runtimeResponses.append(answer)
        return answer
    }

    func forgetRuntimeCookies() {
        cookies = []
    }

    /// The session's journal, in memory.
    var journal = MemoryJournal()

    func journalStore(for settings: ConnectionSettings) -> (any JournalStore)? { journal }

    /// The watchdogs `commit confirmed` started; with `watchdogFails`, starting one fails.
    private(set) var watchdogsStarted: [PendingConfirmation] = []
    var watchdogFails = false

    func startWatchdog(for pending: PendingConfirmation, settings: ConnectionSettings) throws(ShellError) {
        if watchdogFails { throw ShellError(.command, "no process could be started") }
        watchdogsStarted.append(pending)
        journal.watchdogs.insert(pending.number)
    }

    /// The pauses before retries, in milliseconds; none is waited for.
    private(set) var pauses: [Int] = []

    /// A Ctrl-C pressed before the command: the next check for one says so.
    var interrupted = false

    func pause(milliseconds: Int) throws(ShellError) {
        if interrupted { throw ShellError(.connection, "cancelled") }
        if milliseconds > 0 { pauses.append(milliseconds) }
    }

    /// `name=value; Path=/as/x/; ...` replaces the cookie of the same name and path.
    private func keepCookies(_ lines: [String]) {
        for line in lines {
            let fields = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let pair = fields.first?.split(separator: "=", maxSplits: 1).map(String.init), pair.count == 2 else { continue }
            let path = fields.first { $0.lowercased().hasPrefix("path=") }.map { String($0.dropFirst(5)) } ?? "/"
            cookies.removeAll { $0.name == pair[0] && $0.path == path }
            cookies.append((pair[0], path, pair[1]))
        }
    }

    /// Files as a dictionary: path → text.
    var files: [String: String] = [:]

    func readTextFile(_ path: String) throws(ShellError) -> String? { files[path] }

    func writeSettingsFile(_ text: String, to path: String) throws(ShellError) { files[path] = text }

    /// Secret files as `writeSecretFile` made them, each with the number of Admin API requests
    /// sent before it was written.
    private(set) var secretFiles: [(path: String, requestsBefore: Int)] = []
    /// Questions asked, and the answer every one gets.
    private(set) var questions: [String] = []
    var answer = true

    /// Fails for a path in `unwritable`.
    var unwritable: Set<String> = []

    func writeSecretFile(_ text: String, to path: String) throws(ShellError) {
        guard files[path] == nil, !unwritable.contains(path) else { throw ShellError(.command, "cannot create '\(path)'") }
        files[path] = text
        secretFiles.append((path, port.requests.count))
    }

    func removeFile(_ path: String) throws(ShellError) { files[path] = nil }

    func confirm(_ question: String) -> Bool {
        questions.append(question)
        return answer
    }

    func randomSecret(length: Int) -> String {
        generated += 1
        return String(repeating: "g", count: length - 1) + String(generated % 10)
    }
}

/// A connected session over a fresh in-process emulator, with a line-at-a-time `run`.
final class SessionHarness {
    let api: AdminAPI
    let port: EmulatorPort
    let services: FakeServices
    let session: Session
    var line = 0

    convenience init(
        seed: Bool = false, cluster: Bool = false, reorderSets: Bool = false, connect: Bool = true,
        login: RuntimeLogin = RuntimeLogin(), secretRetentionMinutes: Int = 0
    ) {
        let state =
            seed
            ? DemoSeed.state(now: 1_767_225_600_000, random: { Array(repeating: 5, count: $0) })
            : EmulatorState(sealingKey: Array(repeating: 5, count: 32))
        let counter = Locked<UInt8>(0)
        let api = Self.strictAPI(
            state, cluster: cluster, reorderSets: reorderSets, counter: counter, secretRetentionMinutes: secretRetentionMinutes)
        self.init(api: api, connect: connect)
        services.runtimeAPI = RuntimeAPI(
            store: api.store, clock: { 1_767_225_700_000 },
            random: { count in counter.withLock { value in (0..<count).map { _ in value &+= 13; return value } } },
            login: login)
    }

    /// A strict in-process emulator over `state`: each request one second after the one before, and
    /// random bytes counted from `counter`.
    static func strictAPI(
        _ state: EmulatorState, cluster: Bool = false, reorderSets: Bool = false, counter: Locked<UInt8> = Locked(0),
        secretRetentionMinutes: Int = 0
    ) -> AdminAPI {
        let clock = Mutex<Int64>(1_767_225_600_000)
        let configuration = EmulatorConfiguration(
            strict: true, cluster: cluster, reorderSets: reorderSets, clientSecretRetentionPeriod: secretRetentionMinutes)
        return AdminAPI(
            configuration: configuration, state: state,
            clock: {
                clock.withLock { value in
                    value += 1000  // every request one second later
                    return value
                }
            },
            random: { count in counter.withLock { value in (0..<count).map { _ in value &+= 7; return value } } })
    }

    /// A session over an existing emulator (a second administrator, or a replay).
    init(api: AdminAPI, connect: Bool = true) {
        self.api = api
        port = EmulatorPort(api: api)
        services = FakeServices(port: port)
        session = Session(services: services)
        if connect { run("connect https://127.0.0.1:9999 --password-env PW") }
    }

    /// Runs one command line as if it were line N of `test.pfsh`, through the session's one path
    /// for a line, as pfsh runs it.
    @discardableResult
    func run(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CommandResult {
        line += 1
        var assembler = LineAssembler(file: "test.pfsh", firstLine: line)
        var raw = assembler.feed(text)
        if raw == nil {
            do {
                raw = try assembler.finish()
            } catch {
                return CommandResult.failure(ShellError(script: error))
            }
        }
        guard let raw else { return CommandResult() }
        return session.run(raw, environment: [:])
    }

    /// Runs a line that must succeed; returns its output.
    @discardableResult
    func ok(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        let result = run(text, sourceLocation: sourceLocation)
        #expect(result.error == nil, "\(text): \(result.error.map { Diagnostic.render($0, showLocation: true) } ?? "")", sourceLocation: sourceLocation)
        return result.output
    }

    /// Runs a line that must fail; returns the error.
    func fails(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ShellError? {
        let result = run(text, sourceLocation: sourceLocation)
        #expect(result.error != nil, "\(text) should fail", sourceLocation: sourceLocation)
        return result.error
    }

    /// Another administrator's request, straight to the emulator: its status and body.
    @discardableResult
    func admin(_ method: String, _ path: String, _ body: JSONValue? = nil) -> (status: Int, body: JSONValue?) {
        let response = api.handle(
            PFShellEmulator.EmulatorRequest(
                method: method, path: AdminAPI.basePath + path, headers: EmulatorPort.headers,
                body: body.map { Array(JSONPrinter.print($0).utf8) } ?? []))
        return (response.status, response.body.isEmpty ? nil : try? JSONParser.parse(response.body))
    }

    /// The client as the emulator stores it.
    /// Another administrator renames a client behind the session's back.
    func renameElsewhere(_ id: String, to name: String = "Renamed elsewhere") {
        var client = stored(id) ?? [:]
        client["name"] = .string(name)
        admin("PUT", "/oauth/clients/" + id, .object(client))
    }

    func stored(_ id: String) -> JSONObject? {
        guard case .some(let client) = api.state.clients[id] else { return nil }
        return client.fields
    }
}


/// Journals kept in memory: this session's records, and those interrupted sessions "left".
final class MemoryJournal: JournalStore, JournalSink {
    private(set) var records: [JSONValue] = []
    /// The journals of interrupted sessions, as `interrupted()` returns them.
    var left: [[JSONValue]] = []
    private(set) var syncs = 0
    private(set) var locks = 0
    private(set) var unlocks = 0
    /// Another pfsh holding the commit lock: the lock is refused naming it.
    var lockHeldBy: String?

    var sink: any JournalSink { self }

    func append(_ record: JSONValue) { records.append(record) }
    func sync() { syncs += 1 }
    func interrupted() -> [[JSONValue]] { left }
    func discardInterrupted() { left = [] }

    func lockForCommit() throws(ShellError) {
        if let lockHeldBy {
            throw ShellError(.command, command: "commit", "\(lockHeldBy) is still committing to this server; nothing was sent")
        }
        locks += 1
    }

    func unlockAfterCommit() { unlocks += 1 }

    /// The commit log; each commit is stamped one minute after the one before.
    private(set) var log: [JSONValue] = []

    func recordCommit(_ entry: JSONObject) -> Int {
        var stamped = entry
        stamped["number"] = .int(Int64(log.count + 1))
        stamped["time"] = .int(1_796_000_000 + Int64(log.count) * 60)
        log.append(.object(stamped))
        return log.count
    }

    func commitLog() -> [JSONValue] { log }

    /// The journal's clock: seconds since 1970, moved by the tests.
    var now: Int64 = 1_796_000_000
    private(set) var pending: PendingConfirmation?
    /// Commit numbers whose watchdog "runs".
    var watchdogs: Set<Int> = []

    func secondsSince1970() -> Int64 { now }
    func pendingConfirmation() -> PendingConfirmation? { pending }

    func awaitConfirmation(of number: Int, seconds: Int) -> PendingConfirmation {
        pending = PendingConfirmation(number: number, deadline: now + Int64(seconds))
        return pending!
    }

    func clearConfirmation() { pending = nil }
    func watchdogIsWaiting(for number: Int) -> Bool { watchdogs.contains(number) }

    /// The records of one kind (`intent`, `outcome`, ...).
    func records(_ kind: String) -> [JSONValue] {
        records.filter { $0["record"]?.stringValue == kind }
    }
}
