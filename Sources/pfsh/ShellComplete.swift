import FoundationEssentials
import Glibc
import PFShellCore
import PFShellHTTP
import PFShellJSON

/// `pfsh __complete bash|zsh|fish -- WORDS...`: what the completion scripts in `completions/` ask.
/// It runs the completer of the pfsh prompt over the words after `pfsh`, with the profiles of
/// pfshrc (only its `profile define` lines: nothing else there runs) and the server's client IDs
/// from the per-server cache, asking the server within a fixed budget when that cache is missing
/// or stale. It never prompts and never writes to the terminal: one candidate a line on stdout.
enum ShellComplete {
    enum Shell: String {
        case bash, zsh, fish
    }

    /// A cache younger than this is used as it is.
    static let freshFor: TimeInterval = 300
    /// The most a Tab waits for the server.
    static let budgetMilliseconds = 300

    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        guard let first = arguments.first, let shell = Shell(rawValue: first) else { return ExitStatus.usage.rawValue }
        var words = Array(arguments.dropFirst())
        if words.first == "--" { words.removeFirst() }
        if words.isEmpty { words = [""] }
        let profiles = ProfileFile.profiles(environment: environment)
        let connection = ProgramCompleter.connection(words)
        var clients: [LiveCache.Entry] = []
        if let settings = settings(connection, profiles: profiles) {
            clients = liveClients(settings, words: words, environment: environment)
        }
        let context = CompletionContext(
            clientIDs: clients.map(\.id), profiles: profiles.keys.sorted(), files: LineCompletion.listFolder)
        let names = Dictionary(clients.compactMap { client in client.name.map { (client.id, $0) } }, uniquingKeysWith: { first, _ in first })
        let candidates = ProgramCompleter.complete(words, context: context, clientNames: names)
        for candidate in candidates { print(format(candidate, for: shell)) }
        return 0
    }

    /// bash: `TEXT\tSPACE`; zsh: `TEXT\tDESCRIPTION\tSPACE`; fish: `TEXT\tDESCRIPTION`.
    static func format(_ candidate: ProgramCompleter.Candidate, for shell: Shell) -> String {
        let text = candidate.text.replacing("\t", with: " ").replacing("\n", with: " ")
        let description = (candidate.description ?? "").replacing("\t", with: " ").replacing("\n", with: " ")
        let space = candidate.complete ? "1" : "0"
        switch shell {
        case .bash: return "\(text)\t\(space)"
        case .zsh: return "\(text)\t\(description)\t\(space)"
        case .fish: return description.isEmpty ? text : "\(text)\t\(description)"
        }
    }

    /// The server the words name: a profile, or `--url` with the options beside it.
    private static func settings(
        _ connection: ProgramCompleter.Connection, profiles: [String: ConnectionSettings]
    ) -> ConnectionSettings? {
        var settings: ConnectionSettings
        if let name = connection.profile, let profile = profiles[name] {
            settings = profile
        } else if let url = connection.url, let api = ConnectionSettings.apiURL(from: url) {
            settings = ConnectionSettings(apiURL: api)
        } else {
            return nil
        }
        let values = connection.values
        if let user = values["--user"] { settings.user = user }
        if let name = values["--password-env"] { settings.credentials = .passwordEnvironment(name) }
        if let path = values["--password-file"] { settings.credentials = .passwordFile(path) }
        if let name = values["--token-env"] { settings.credentials = .tokenEnvironment(name) }
        if let ca = values["--ca-file"] { settings.caFile = ca }
        if values["--insecure"] != nil { settings.insecure = true }
        return settings
    }

    /// The cached clients; when the cache is missing or stale and the word is a client ID, the
    /// server is asked (`filter=` the word, within the budget) and the cache refreshed.
    private static func liveClients(
        _ settings: ConnectionSettings, words: [String], environment: [String: String]
    ) -> [LiveCache.Entry] {
        let file = ClientIDCacheFile(apiURL: settings.apiURL, user: settings.user, environment: environment)
        let cached = file.read()
        guard cached.map({ $0.age > freshFor }) ?? true, ProgramCompleter.isClientID(words),
            let credentials = credentials(settings, environment: environment)
        else { return cached?.clients ?? [] }
        let word = words.last ?? ""
        guard let found = fetch(settings, credentials: credentials, filter: word) else { return cached?.clients ?? [] }
        var cache = LiveCache()
        cache.replace(cached?.clients ?? [])
        if word.isEmpty { cache.replace(found) } else { cache.learn(filter: word, found: found) }
        file.write(cache.entries)
        return cache.entries
    }

    /// Credentials that need no one at the keyboard; nil when the profile would prompt.
    private static func credentials(_ settings: ConnectionSettings, environment: [String: String]) -> Credentials? {
        switch settings.credentials {
        case .passwordEnvironment(let name):
            return environment[name].flatMap { $0.isEmpty ? nil : .basic(user: settings.user, password: $0) }
        case .passwordFile(let path):
            return PasswordFile.firstLine(of: path).map { .basic(user: settings.user, password: $0) }
        case .tokenEnvironment(let name):
            return environment[name].flatMap { $0.isEmpty ? nil : .bearer(token: $0) }
        case .prompt, .oauthClient:
            return nil  // no token request within a Tab's budget: the cache answers
        }
    }

    private static func fetch(_ settings: ConnectionSettings, credentials: Credentials, filter: String) -> [LiveCache.Entry]? {
        let options = TransportOptions(
            caFile: settings.caFile, insecure: settings.insecure, connectTimeoutMilliseconds: budgetMilliseconds,
            timeoutMilliseconds: budgetMilliseconds, credentials: credentials, userAgent: "pfsh/\(PfshVersion.current)")
        let request = APIRequest(.get, "/oauth/clients", query: filter.isEmpty ? [] : [QueryItem("filter", filter)])
        guard let port = try? CurlServerPort(apiURL: settings.apiURL, options: options, trace: nil),
            let response = try? port.send(request), response.isSuccess, AnswerCheck.problem(response, to: request) == nil,
            let items = response.body?["items"]?.arrayValue
        else { return nil }
        return items.compactMap { item in item["clientId"]?.stringValue.map { (id: $0, name: item["name"]?.stringValue) } }
    }
}

/// The profiles of pfshrc, from its `profile define` lines only: nothing else in the file runs.
enum ProfileFile {
    static func profiles(environment: [String: String]) -> [String: ConnectionSettings] {
        let path = PfshFolders(environment: environment).startupFile
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        return Session.profiles(definedIn: String(decoding: data, as: UTF8.self), file: path, environment: environment)
    }
}

