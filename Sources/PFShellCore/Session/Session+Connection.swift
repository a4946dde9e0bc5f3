import PFShellJSON

extension Session {
    func connect(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        var settings: ConnectionSettings
        if let name = i.value("--profile") {
            guard let profile = profiles[name] else {
                throw i.error("unknown profile '\(name)'; define it with 'profile define \(name) --url URL'", at: i.options["--profile"])
            }
            settings = profile
        } else {
            guard let url = i.arguments.first else { throw i.error("missing URL; usage: \(i.spec.usage)", .usage) }
            guard let api = ConnectionSettings.apiURL(from: url.text) else {
                throw i.error("'\(url.text)' is not an http or https URL", at: url, .usage)
            }
            settings = ConnectionSettings(apiURL: api)
        }
        try applyConnectionOptions(i, to: &settings)
        try open(settings, i, &r)
    }

    /// Connects, proves the server is PingFederate's Admin API and the credentials work with
    /// `/version`, and learns the cluster mode: two requests, whatever the server holds (the
    /// interactive shell fills its completion cache in the background). A failure keeps the
    /// session's previous connection, if any, as it was.
    func open(_ settings: ConnectionSettings, _ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        if settings.insecure {
            r.warn(i.name, "--insecure: the server's certificate is not verified; anyone on the path can read the password")
        }
        if let host = ConnectionSettings.cleartextHost(settings.apiURL) {
            r.warn(i.name, "http:// to \(host): the password travels in clear; use https://")
        }
        let previous = (server: server, connection: connection)
        let port = try services.connect(settings)
        setServer(port)
        connection = Connection(settings: settings, version: nil, clustered: nil)
        do {
            let version = try readVersion(i)
            let clustered = try readClusterMode(i)
            connection?.version = version
            connection?.clustered = clustered
        } catch {
            setServer(previous.server)
            connection = previous.connection
            var failure = error
            if let kept = previous.connection { failure.notes.append("still connected to \(kept.settings.apiURL)") }
            throw failure
        }
        if previous.connection?.settings.apiURL != settings.apiURL {
            cache.forgetServer()
        }
        r.print("connected to \(settings.apiURL) as \(settings.user) (PingFederate \(connection?.version ?? "unknown"))")
        openJournal(settings, i, &r)
    }

    /// `GET /version`: a JSON object with a `version` string, or this is not PingFederate's Admin API.
    private func readVersion(_ i: Invocation) throws(ShellError) -> String? {
        let request = APIRequest(.get, "/version")
        let response = try send(i, request)
        if let problem = AnswerCheck.versionProblem(response, to: request) {
            let url = connection.map { $0.settings.apiURL + request.target } ?? request.target
            throw ShellError(
                .connection, command: i.name, "this is not PingFederate's admin API: to GET \(url) the server answered \(problem)")
        }
        return response.body?["version"]?.stringValue
    }

    /// 200 on a cluster's console node, 403 on a standalone server; nil when the answer says neither.
    private func readClusterMode(_ i: Invocation) throws(ShellError) -> Bool? {
        switch try call(i, APIRequest(.get, "/cluster/status")).status {
        case 200: true
        case 403: false
        default: nil
        }
    }

    func applyConnectionOptions(_ i: Invocation, to settings: inout ConnectionSettings) throws(ShellError) {
        if let user = i.value("--user") { settings.user = user }
        let sources: [(String, (String) -> ConnectionSettings.CredentialSource)] = [
            ("--password-env", { .passwordEnvironment($0) }), ("--password-file", { .passwordFile($0) }),
            ("--token-env", { .tokenEnvironment($0) }),
        ]
        let given = sources.filter { i.options[$0.0] != nil }
        if let second = CommandTable.secondCredentialSource(among: given.map(\.0)) {
            throw i.error(CommandTable.oneCredentialSource, at: i.options[second], .usage)
        }
        if let (name, make) = given.first, let value = i.value(name) { settings.credentials = make(value) }
        try applyOAuthOptions(i, to: &settings)
        if let ca = i.value("--ca-file") { settings.caFile = ca }
        if i.flag("--insecure") { settings.insecure = true }
        if let runtime = i.options["--runtime-url"] {
            guard ConnectionSettings.apiURL(from: runtime.text) != nil else {
                throw i.error("'\(runtime.text)' is not an http or https URL", at: runtime, .usage)
            }
            settings.runtimeURL = runtime.text
        }
        if let timeout = i.options["--timeout"] {
            guard let seconds = Int(timeout.text), seconds > 0 else {
                throw i.error("'\(timeout.text)' is not a number of seconds", at: timeout, .usage)
            }
            settings.timeoutSeconds = seconds
        }
    }

    /// `--oauth-client ID --oauth-secret-env VAR [--oauth-token-url URL]`: all or nothing.
    private func applyOAuthOptions(_ i: Invocation, to settings: inout ConnectionSettings) throws(ShellError) {
        guard let client = i.value("--oauth-client") else {
            if let stray = ["--oauth-secret-env", "--oauth-token-url"].first(where: { i.options[$0] != nil }) {
                throw i.error("\(stray) goes with --oauth-client ID", at: i.options[stray], .usage)
            }
            return
        }
        guard let variable = i.value("--oauth-secret-env") else {
            throw i.error("--oauth-client needs --oauth-secret-env VAR (a secret never goes on the command line)", at: i.options["--oauth-client"], .usage)
        }
        if let url = i.options["--oauth-token-url"], ConnectionSettings.apiURL(from: url.text) == nil {
            throw i.error("'\(url.text)' is not an http or https URL", at: url, .usage)
        }
        settings.credentials = .oauthClient(id: client, secretEnvironment: variable, tokenURL: i.value("--oauth-token-url"))
    }

    func disconnect(_ i: Invocation, _ r: inout CommandResult) {
        guard let connection else {
            r.print("not connected")
            return
        }
        disconnectQuietly()
        r.print("disconnected from \(connection.settings.apiURL)")
    }

    func disconnectQuietly() {
        setServer(nil)
        connection = nil
        cache.forgetServer()
    }

    func status(_ i: Invocation, _ r: inout CommandResult) {
        if jsonOutput {
            r.emit(statusJSON)
            return
        }
        guard let connection else {
            r.print("not connected")
            r.print("staged:   \(stagedCount) client(s)")
            return
        }
        let mode = connection.clustered.map { $0 ? "clustered (console node)" : "standalone" } ?? "unknown"
        r.print("server:   \(connection.settings.apiURL)")
        if let profile = connection.settings.profile { r.print("profile:  \(profile)") }
        r.print("user:     \(connection.settings.user)")
        r.print("version:  \(connection.version ?? "unknown")")
        r.print("cluster:  \(mode)")
        r.print("selected: \(selected ?? "none")")
        r.print("staged:   \(stagedCount) client(s)")
        if let store = journalStore, let pending = store.pendingConfirmation() {
            let left = ConfirmDuration.clock(Int(pending.deadline - store.secondsSince1970()))
            let watched = store.watchdogIsWaiting(for: pending.number) ? "a watchdog reverts it then" : "no watchdog is waiting"
            r.print("confirm:  commit \(pending.number) within \(left) (\(watched)); 'confirm' keeps it")
        }
    }

    /// `status` as data: `cluster` is `standalone`, `clustered` or `unknown`; absent values are null.
    private var statusJSON: JSONValue {
        var object: JSONObject = ["connected": .bool(connection != nil)]
        if let connection {
            object["server"] = .string(connection.settings.apiURL)
            object["profile"] = connection.settings.profile.map(JSONValue.string) ?? .null
            object["user"] = .string(connection.settings.user)
            object["version"] = connection.version.map(JSONValue.string) ?? .null
            object["cluster"] = .string(connection.clustered.map { $0 ? "clustered" : "standalone" } ?? "unknown")
        }
        object["selected"] = selected.map(JSONValue.string) ?? .null
        object["staged"] = .int(Int64(stagedCount))
        if let store = journalStore, let pending = store.pendingConfirmation() {
            object["awaitingConfirmation"] = [
                "commit": .int(Int64(pending.number)), "secondsLeft": .int(max(0, pending.deadline - store.secondsSince1970())),
                "watchdog": .bool(store.watchdogIsWaiting(for: pending.number)),
            ]
        }
        return .object(object)
    }

    func defineProfile(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let name = i.argument(0) ?? ""
        guard let url = i.options["--url"] else { throw i.error("missing --url URL", .usage) }
        guard let api = ConnectionSettings.apiURL(from: url.text) else {
            throw i.error("'\(url.text)' is not an http or https URL", at: url, .usage)
        }
        var settings = ConnectionSettings(apiURL: api, profile: name)
        try applyConnectionOptions(i, to: &settings)
        profiles[name] = settings
        cache.profiles = profiles.keys.sorted()
    }

    func listProfiles(_ r: inout CommandResult) {
        let rows = profiles.keys.sorted().compactMap { name in
            profiles[name].map { [name, $0.apiURL, $0.user] }
        }
        if rows.isEmpty {
            r.print("no profiles; define one with 'profile define NAME --url URL'")
            return
        }
        r.output += TextTable.render(header: ["PROFILE", "URL", "USER"], rows: rows)
    }

    func clusterStatus(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let response = try call(i, APIRequest(.get, "/cluster/status"))
        if response.status == 403 {
            r.print("standalone server: no cluster to replicate to")
            return
        }
        let body = try expectSuccess(i, response, "reading the cluster status")
        if jsonOutput || i.flag("--json") {
            r.emit(body ?? .null)
            return
        }
        let required = body?["replicationRequired"]?.boolValue == true
        r.print("replication required: \(required ? "yes" : "no")")
        let nodes = (body?["nodes"]?.arrayValue ?? []).map { node in
            [node["mode"]?.stringValue ?? "?", node["address"]?.stringValue ?? "?", node["version"]?.stringValue ?? ""]
        }
        r.output += TextTable.render(header: ["", "", ""], rows: nodes).dropFirst().map { "  " + $0 }
    }

    func replicate(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let response = try call(i, APIRequest(.post, "/cluster/replicate"))
        if response.status == 403 {
            r.print("standalone server: nothing to replicate")
            return
        }
        _ = try expectSuccess(i, response, "replicating")
        r.print("replicated the configuration to the cluster")
    }
}
