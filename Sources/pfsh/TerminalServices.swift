import FoundationEssentials
import Glibc
import PFShellCore
import PFShellFiles
import PFShellHTTP

/// The session's window on the machine: builds libcurl connections, reads passwords and secrets
/// from where the user said, and draws random secrets from the system's CSPRNG.
final class TerminalServices: ShellServices {
    var environment: [String: String]
    /// Commands arrive on standard input, so `secret set --stdin` cannot read from it.
    var commandsFromStandardInput: Bool
    var interactive: Bool
    let trace: TraceWriter?
    private(set) var port: CurlServerPort?
    var runtimeTransport: CurlTransport?
    /// Raised by Ctrl-C at the prompt while a command runs.
    let interrupt = InterruptFlag()
    /// Credentials handed over by the pfsh that started this process (the watchdog): used instead
    /// of reading them where the settings say.
    var givenCredentials: Credentials?
    /// Where the journals are, when not where the environment says (the watchdog has no environment).
    var givenStateFolder: String?
    /// The watchdogs this pfsh started that may still run.
    private var watchdogs: [pid_t] = []
    private var stateFolder: String { givenStateFolder ?? PfshFolders(environment: environment).state }
    /// The journals of the server connected last (and of any before it, until exit).
    private var journalStores: [FileJournalStore] = []

    init(environment: [String: String], commandsFromStandardInput: Bool, interactive: Bool, trace: TraceWriter?) {
        self.environment = environment
        self.commandsFromStandardInput = commandsFromStandardInput
        self.interactive = interactive
        self.trace = trace
    }

    func connect(_ settings: ConnectionSettings) throws(ShellError) -> any ServerPort {
        if let caFile = settings.caFile, !settings.insecure, let problem = CAFile.problem(caFile) {
            throw ShellError(.connection, command: "connect", problem)
        }
        var options = TransportOptions(
            caFile: settings.caFile, insecure: settings.insecure, connectTimeoutMilliseconds: 10_000,
            timeoutMilliseconds: settings.timeoutSeconds * 1000, credentials: .none,
            userAgent: "pfsh/\(PfshVersion.current)")
        if case .oauthClient(let id, let variable, let url) = settings.credentials, givenCredentials == nil {
            let secret = try self.variable(variable, for: "--oauth-secret-env")
            let tokenURL = url ?? (settings.runtimeURL.map { RuntimeEndpoints(base: $0) } ?? RuntimeEndpoints(adminURL: settings.apiURL)).token
            let source = try OAuthTokenSource(client: id, secret: secret, tokenURL: tokenURL, options: options)
            return try CurlServerPort(apiURL: settings.apiURL, options: options, trace: trace, bearer: source)
        }
        options.credentials = try credentials(for: settings)
        return try CurlServerPort(apiURL: settings.apiURL, options: options, trace: trace)
    }

    /// Runtime calls then trust what this port trusts, over a handle of their own.
    func activate(_ port: (any ServerPort)?) {
        self.port = port as? CurlServerPort
        runtimeTransport = nil
    }

    private func credentials(for settings: ConnectionSettings) throws(ShellError) -> Credentials {
        if let givenCredentials { return givenCredentials }
        switch settings.credentials {
        case .tokenEnvironment(let name):
            return .bearer(token: try variable(name, for: "--token-env"))
        case .passwordEnvironment(let name):
            return .basic(user: settings.user, password: try variable(name, for: "--password-env"))
        case .passwordFile(let path):
            return .basic(user: settings.user, password: try firstLine(of: path, command: "connect"))
        case .oauthClient:
            throw ShellError(.connection, command: "connect", "no OAuth token")  // connect fetches it
        case .prompt:
            guard interactive, let password = TerminalPrompt.readHidden("password for \(settings.user): ") else {
                throw ShellError(
                    .connection, command: "connect",
                    "no password given; use --password-env VAR, --password-file FILE or --token-env VAR")
            }
            return .basic(user: settings.user, password: password)
        }
    }

    private func variable(_ name: String, for option: String) throws(ShellError) -> String {
        guard let value = environment[name], !value.isEmpty else {
            throw ShellError(.connection, command: "connect", "\(option): environment variable '\(name)' is not set or empty")
        }
        return value
    }

    private func firstLine(of path: String, command: String) throws(ShellError) -> String {
        guard let line = PasswordFile.firstLine(of: path) else {
            throw ShellError(.command, command: command, "cannot read '\(path)'")
        }
        return line
    }

    func readSecret(_ source: SecretSource) throws(ShellError) -> String {
        switch source {
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw ShellError(.command, command: "secret set", "environment variable '\(name)' is not set or empty")
            }
            return value
        case .file(let path):
            return try firstLine(of: path, command: "secret set")
        case .standardInput:
            guard !commandsFromStandardInput else {
                throw ShellError(
                    .usage, command: "secret set", "--stdin cannot be used while commands come from standard input")
            }
            return readLine(strippingNewline: true) ?? ""
        case .prompt:
            guard interactive, let secret = TerminalPrompt.readHidden("client secret: ") else {
                throw ShellError(.command, command: "secret set", "--prompt needs a terminal; use --env or --file in scripts")
            }
            return secret
        }
    }

    func readStandardInput() throws(ShellError) -> String {
        guard !commandsFromStandardInput else {
            throw ShellError(.usage, command: "api", "--data - cannot be used while commands come from standard input")
        }
        return String(decoding: Posix.readAll(STDIN_FILENO), as: UTF8.self)
    }

    func randomSecret(length: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}

enum PfshVersion {
    static let current = "0.1.0"
}

extension TerminalServices {
    /// Runtime calls go over their own handle (another host:port), trusting what the admin
    /// connection trusts; redirects are never followed, so a 302 and its Location come back; the
    /// runtime's cookies are kept in memory between calls, as a browser keeps them during a sign-on.
    func runtime(_ request: RuntimeRequest) throws(ShellError) -> RuntimeResponse {
        guard let adminOptions = port?.transport.options else {
            throw ShellError(.command, command: "client test", "not connected")
        }
        var options = adminOptions
        options.credentials = request.basic.map { .basic(user: $0.user, password: $0.password) } ?? .none
        options.keepsCookies = true
        let transport: CurlTransport
        if let existing = runtimeTransport {
            transport = existing
        } else {
            do {
                transport = try CurlTransport(options: options)
            } catch {
                throw ShellError(.connection, command: "client test", error.message)
            }
        }
        transport.options = options
        runtimeTransport = transport
        var headers: [(name: String, value: String)] = [("Accept", request.accept)]
        var body: [UInt8]?
        if request.method == .post {
            headers.append(("Content-Type", "application/x-www-form-urlencoded"))
            body = Array(request.encodedForm.utf8)
        }
        do {
            let response = try transport.send(
                HTTPRequest(method: request.method == .post ? .post : .get, url: request.url, headers: headers, body: body))
            return RuntimeResponse(
                status: response.status, location: response.header("Location"), contentType: response.header("Content-Type"),
                body: String(decoding: response.body, as: UTF8.self))
        } catch {
            throw ShellError(.connection, command: "client test", "the runtime endpoint \(request.url) did not answer: \(error.message)")
        }
    }

    func forgetRuntimeCookies() {
        runtimeTransport?.forgetCookies()
    }


    func journalStore(for settings: ConnectionSettings) -> (any JournalStore)? {
        guard let store = FileJournalStore(stateFolder: stateFolder, settings: settings, interrupt: interrupt) else { return nil }
        journalStores.append(store)
        return store
    }

    /// `commit confirmed`: the watchdog gets what this connection uses, through a pipe.
    func startWatchdog(for pending: PendingConfirmation, settings: ConnectionSettings) throws(ShellError) {
        guard let port else { throw ShellError(.command, "not connected") }
        reapWatchdogs()
        var job = Watchdog.Job(settings: settings, credentials: port.transport.options.credentials, stateFolder: stateFolder, pending: pending)
        job.oauthSecret = port.bearer?.secret
        watchdogs.append(try Watchdog.start(job))
    }

    /// Collects the exit of each watchdog that ended (confirmed, or done), so none stays a zombie
    /// while a long session runs.
    func reapWatchdogs() {
        watchdogs.removeAll { waitpid($0, nil, WNOHANG) != 0 }
    }

    /// At exit: each journal is kept only when `keep` says its session left work to finish.
    func finishJournals(keep: Bool) {
        for store in journalStores { store.finish(keep: keep && store === journalStores.last) }
    }

    /// Sleeps in short steps so that Ctrl-C ends the wait within a few milliseconds.
    func pause(milliseconds: Int) throws(ShellError) {
        var left = milliseconds
        while left > 0 {
            if interrupt.isRaised { throw ShellError(.connection, "cancelled") }
            let step = min(left, 10)
            Posix.sleep(milliseconds: step)
            left -= step
        }
        if interrupt.isRaised { throw ShellError(.connection, "cancelled") }
    }
}

extension TerminalServices {
    func readTextFile(_ path: String) throws(ShellError) -> String? {
        do {
            return try SettingsFile.read(path)
        } catch {
            throw ShellError(.command, command: "thingworx settings", error.message)
        }
    }

    func writeSettingsFile(_ text: String, to path: String) throws(ShellError) {
        do {
            try SettingsFile.write(text, to: path)
        } catch {
            throw ShellError(.command, command: "thingworx settings", error.message)
        }
    }

    func writeSecretFile(_ text: String, to path: String) throws(ShellError) {
        do {
            try SecretFile.create(path, text: text)
        } catch {
            throw ShellError(.command, command: "thingworx rotate", error.message)
        }
    }

    func removeFile(_ path: String) throws(ShellError) {
        do {
            try SecretFile.remove(path)
        } catch {
            throw ShellError(.command, command: "thingworx rotate", error.message)
        }
    }

    /// Asked only in an interactive session, at the terminal itself.
    func confirm(_ question: String) -> Bool {
        guard interactive, isatty(STDIN_FILENO) == 1 else { return true }
        guard let answer = TerminalPrompt.readLine(question + " [y/N] ") else { return false }
        return ["y", "yes"].contains(answer.lowercased())
    }
}
