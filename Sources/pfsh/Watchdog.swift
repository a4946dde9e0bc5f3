import FoundationEssentials
import Glibc
import PFShellCore
import PFShellHTTP
import PFShellJSON

/// `pfsh __watchdog`: started by `commit confirmed`, it waits for the deadline and reverts the
/// commit unless it was confirmed first, even after the pfsh that started it exited or was killed.
/// It runs in a session of its own (the terminal's Ctrl-C and hang-up never reach it), reads its
/// job, the connection's credentials included, from its standard input, keeps them in memory only,
/// and makes itself undumpable so no core file or ptrace reads them.
enum Watchdog {
    /// What the watchdog needs to know: the connection, where the journals are, and the commit.
    struct Job {
        var settings: ConnectionSettings
        var credentials: Credentials
        var stateFolder: String
        var pending: PendingConfirmation
        /// `--oauth-client`: the client's secret, to fetch tokens as the session did.
        var oauthSecret: String?

        var json: JSONValue {
            var object: JSONObject = [
                "apiURL": .string(settings.apiURL), "user": .string(settings.user), "insecure": .bool(settings.insecure),
                "timeoutSeconds": .int(Int64(settings.timeoutSeconds)), "stateFolder": .string(stateFolder),
                "pending": pending.json,
            ]
            if let caFile = settings.caFile { object["caFile"] = .string(caFile) }
            if let profile = settings.profile { object["profile"] = .string(profile) }
            if let runtimeURL = settings.runtimeURL { object["runtimeURL"] = .string(runtimeURL) }
            if case .oauthClient(let id, let variable, let url) = settings.credentials, let oauthSecret {
                object["oauth"] = [
                    "client": .string(id), "secretEnvironment": .string(variable), "tokenURL": url.map(JSONValue.string) ?? .null,
                    "secret": .string(oauthSecret),
                ]
            }
            switch credentials {
            case .basic(let user, let password): object["basic"] = ["user": .string(user), "password": .string(password)]
            case .bearer(let token): object["bearer"] = .string(token)
            case .none: break
            }
            return .object(object)
        }

        init(settings: ConnectionSettings, credentials: Credentials, stateFolder: String, pending: PendingConfirmation) {
            self.settings = settings
            self.credentials = credentials
            self.stateFolder = stateFolder
            self.pending = pending
        }

        init?(json: JSONValue) {
            guard let api = json["apiURL"]?.stringValue, let user = json["user"]?.stringValue,
                let state = json["stateFolder"]?.stringValue, let pending = json["pending"].flatMap(PendingConfirmation.init)
            else { return nil }
            var settings = ConnectionSettings(
                apiURL: api, user: user, caFile: json["caFile"]?.stringValue, insecure: json["insecure"]?.boolValue ?? false,
                timeoutSeconds: Int(json["timeoutSeconds"]?.intValue ?? 30), profile: json["profile"]?.stringValue)
            settings.runtimeURL = json["runtimeURL"]?.stringValue
            if let oauth = json["oauth"], let id = oauth["client"]?.stringValue, let variable = oauth["secretEnvironment"]?.stringValue {
                settings.credentials = .oauthClient(id: id, secretEnvironment: variable, tokenURL: oauth["tokenURL"]?.stringValue)
                oauthSecret = oauth["secret"]?.stringValue
            }
            if let basic = json["basic"], let name = basic["user"]?.stringValue, let password = basic["password"]?.stringValue {
                credentials = .basic(user: name, password: password)
            } else if let token = json["bearer"]?.stringValue {
                credentials = .bearer(token: token)
            } else {
                credentials = .none
            }
            self.settings = settings
            self.stateFolder = state
            self.pending = pending
        }
    }

    /// Starts the watchdog and waits until it holds its lock (it says `ready`); its process ID.
    static func start(_ job: Job) throws(ShellError) -> pid_t {
        let started: ChildProcess.Started
        switch ChildProcess.start(ExecutableLocation.path, ["__watchdog"], environment: ["PATH": "/usr/bin:/bin"], .session) {
        case .success(let child): started = child
        case .failure(let failure): throw ShellError(.command, "cannot start the watchdog: \(failure.reason)")
        }
        defer { close(started.output) }
        Posix.write(JSONPrinter.print(job.json) + "\n", to: started.input)
        close(started.input)
        var ready = pollfd(fd: started.output, events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, 5000) == 1, Posix.readLine(from: started.output) == "ready" else {
            kill(started.pid, SIGKILL)
            waitpid(started.pid, nil, 0)
            throw ShellError(.command, "the watchdog did not start")
        }
        return started.pid
    }

    /// The watchdog's life: waits, in one-second steps, until the commit is confirmed (then ends)
    /// or its deadline passes (then reverts it).
    static func run() -> Int32 {
        makeUndumpable()
        guard let line = Posix.readLine(from: STDIN_FILENO), let value = try? JSONParser.parse(Array(line.utf8)),
            let job = Job(json: value)
        else { return 2 }
        close(STDIN_FILENO)
        let services = TerminalServices(environment: [:], commandsFromStandardInput: true, interactive: false, trace: nil)
        if let secret = job.oauthSecret, case .oauthClient(_, let variable, _) = job.settings.credentials {
            services.environment[variable] = secret  // in this process's memory only, never exported
        } else {
            services.givenCredentials = job.credentials
        }
        services.givenStateFolder = job.stateFolder
        guard let store = FileJournalStore(stateFolder: job.stateFolder, settings: job.settings, interrupt: services.interrupt) else {
            return 1
        }
        let lock = open(store.watchdogLockPath(for: job.pending.number), O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else { return 1 }
        defer { unlink(store.watchdogLockPath(for: job.pending.number)) }
        Posix.write("ready\n", to: STDOUT_FILENO)
        let null = open("/dev/null", O_WRONLY)
        dup2(null, STDOUT_FILENO)
        while store.pendingConfirmation()?.number == job.pending.number {
            let left = job.pending.deadline - store.secondsSince1970()
            if left <= 0 { return revert(job, services, store) }
            Posix.sleep(milliseconds: Int(min(left, 1) * 1000))
        }
        store.finish(keep: false)
        return 0
    }

    /// Connects as the session that made the commit did, and reverts it; what happened goes to
    /// `watchdog-N.log` beside the journals (the commit log has the revert itself).
    private static func revert(_ job: Job, _ services: TerminalServices, _ store: FileJournalStore) -> Int32 {
        let session = Session(services: services)
        session.announcesInterrupted = false
        var results = [session.open(job.settings)]
        if results[0].error == nil {
            let deadline = UTCTime.text(secondsSince1970: job.pending.deadline)
            results.append(session.revertIfUnconfirmed(job.pending.number, because: "not confirmed by \(deadline)"))
        }
        var lines: [String] = []
        for result in results {
            lines += result.output
            lines += result.warnings.map { Diagnostic.line(.warning, command: $0.command, $0.message) }
            if let error = result.error { lines.append(Diagnostic.render(error, showLocation: false)) }
        }
        let log = open(FilePaths.join(store.folder, "watchdog-\(job.pending.number).log"), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if log >= 0 {
            Posix.write(lines.joined(separator: "\n") + "\n", to: log)
            close(log)
        }
        services.finishJournals(keep: session.needsRecovery)
        store.finish(keep: false)
        return results.contains { $0.error != nil } ? 1 : 0
    }

    /// PR_SET_DUMPABLE 0: no core file, no ptrace by other processes of the user, no /proc/PID/mem.
    /// `prctl` is variadic, which Swift cannot call: it is looked up and called with its five
    /// integer arguments, as the C library's own wrapper passes them to the kernel.
    private static func makeUndumpable() {
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let symbol = dlsym(nil, "prctl") else { return }
        _ = unsafeBitCast(symbol, to: Prctl.self)(4 /* PR_SET_DUMPABLE */, 0, 0, 0, 0)
    }

}
