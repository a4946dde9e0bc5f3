/// How a connection is made: the admin API URL and where the credentials come from.
public struct ConnectionSettings: Sendable, Equatable {
    public enum CredentialSource: Sendable, Equatable {
        /// Ask at the terminal without echo (interactive sessions only).
        case prompt
        case passwordEnvironment(String)
        case passwordFile(String)
        case tokenEnvironment(String)
        /// A client-credentials token from the runtime, as this OAuth client, whose secret is in
        /// the environment variable; refreshed when it expires.
        case oauthClient(id: String, secretEnvironment: String, tokenURL: String?)
    }

    /// The admin API base, always ending in `/pf-admin-api/v1`.
    public var apiURL: String
    public var user: String
    public var credentials: CredentialSource
    public var caFile: String?
    public var insecure: Bool
    public var timeoutSeconds: Int
    /// The profile this came from, shown in the prompt.
    public var profile: String?
    /// The runtime OAuth endpoints' base (`https://host:9031`) when known better than the default.
    public var runtimeURL: String?

    public init(
        apiURL: String, user: String = "administrator", credentials: CredentialSource = .prompt, caFile: String? = nil,
        insecure: Bool = false, timeoutSeconds: Int = 30, profile: String? = nil
    ) {
        self.apiURL = apiURL
        self.user = user
        self.credentials = credentials
        self.caFile = caFile
        self.insecure = insecure
        self.timeoutSeconds = timeoutSeconds
        self.profile = profile
    }

    /// `https://pf.example.com:9999` → `https://pf.example.com:9999/pf-admin-api/v1`; a URL that
    /// already holds the API path is kept.
    public static func apiURL(from text: String) -> String? {
        var url = text
        while url.hasSuffix("/") { url.removeLast() }
        guard let parts = URIParts(url), parts.isWeb, parts.rest.hasPrefix("//"), parts.authority?.isEmpty == false,
            !url.contains(" ")
        else { return nil }
        return url.lowercased().hasSuffix("/pf-admin-api/v1") ? url : url + "/pf-admin-api/v1"
    }

    /// `host:port` of a URL, for the prompt; the text itself when it is not a URL.
    public static func hostAndPort(_ url: String) -> String {
        URIParts(url)?.hostAndPort ?? url
    }

    /// The host of a plain `http://` URL that leaves this machine (not loopback); nil otherwise.
    public static func cleartextHost(_ url: String) -> String? {
        guard let parts = URIParts(url), parts.scheme == "http", let host = parts.host.map(String.init) else { return nil }
        let loopback = host.lowercased() == "localhost" || host.hasPrefix("127.") || host == "[::1]"
        return loopback ? nil : host
    }
}

/// Where a secret comes from for `secret set`.
public enum SecretSource: Sendable, Equatable {
    case environment(String)
    case file(String)
    case standardInput
    case prompt
}

/// What the session needs from the outside world; the edge implements it, tests fake it.
public protocol ShellServices: AnyObject {
    /// Opens a connection (reading the password or token as the settings say) and returns the port,
    /// leaving the active one alone until `activate` says otherwise.
    func connect(_ settings: ConnectionSettings) throws(ShellError) -> any ServerPort
    /// The port the session uses from now on; nil when it is disconnected.
    func activate(_ port: (any ServerPort)?)
    func readSecret(_ source: SecretSource) throws(ShellError) -> String
    /// A random secret from a CSPRNG, of letters and digits.
    func randomSecret(length: Int) -> String
    /// A text file's contents, or nil when it does not exist.
    func readTextFile(_ path: String) throws(ShellError) -> String?
    /// Replaces a settings file atomically, keeping a backup and the file's owner and mode.
    func writeSettingsFile(_ text: String, to path: String) throws(ShellError)
    /// One exchange with the runtime OAuth endpoints, trusting what the admin connection trusts. It
    /// never follows a redirect, and keeps the cookies the runtime sets, as a browser would.
    func runtime(_ request: RuntimeRequest) throws(ShellError) -> RuntimeResponse
    /// Drops the cookies the runtime set, so that a sign-on starts like a fresh browser's.
    func forgetRuntimeCookies()
    /// The journals of a server and user; nil when none are kept.
    func journalStore(for settings: ConnectionSettings) -> (any JournalStore)?
    /// Waits before a retry; throws a `.connection` error "cancelled" when the user pressed Ctrl-C
    /// during the command (so `pause(milliseconds: 0)` asks only that).
    func pause(milliseconds: Int) throws(ShellError)
    /// Starts the watchdog process that reverts `pending` at its deadline unless it is confirmed;
    /// it gets the connection's credentials from this process, never from its arguments.
    func startWatchdog(for pending: PendingConfirmation, settings: ConnectionSettings) throws(ShellError)
    /// All of standard input, for `api put --data -`.
    func readStandardInput() throws(ShellError) -> String
    /// Asks a yes-or-no question at the terminal; true without asking when no one is there to answer.
    func confirm(_ question: String) -> Bool
    /// Creates `path`, which must not exist, holding `text` (a secret), mode 0600, on disk before
    /// it returns.
    func writeSecretFile(_ text: String, to path: String) throws(ShellError)
    func removeFile(_ path: String) throws(ShellError)
}

extension ShellServices {
    public func confirm(_ question: String) -> Bool { true }

    public func writeSecretFile(_ text: String, to path: String) throws(ShellError) {
        throw ShellError(.command, "no files can be written here")
    }

    public func removeFile(_ path: String) throws(ShellError) {
        throw ShellError(.command, "no files can be removed here")
    }

    public func readStandardInput() throws(ShellError) -> String {
        throw ShellError(.usage, "standard input cannot be read here")
    }

    public func startWatchdog(for pending: PendingConfirmation, settings: ConnectionSettings) throws(ShellError) {
        throw ShellError(.command, "this session cannot start a watchdog process")
    }
}
