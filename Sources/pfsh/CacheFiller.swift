import FoundationEssentials
import Glibc
import PFShellCore
import PFShellHTTP
import PFShellJSON
import Synchronization

/// Fills the completion cache off the main thread, over a connection of its own, so neither
/// connecting nor a keystroke waits for a listing of thousands of clients: once after connecting,
/// then whenever the cache is more than a minute old. The main thread takes the result when it
/// next shows a prompt or completes a word.
final class CacheFiller: Sendable {
    struct Fill: Sendable {
        let apiURL: String
        /// The cache's revision when the fill started.
        let cacheRevision: Int
        let clients: [LiveCache.Entry]
        let accessTokenManagers: [String]
    }

    private struct State {
        var running = false
        var filledURL: String?
        var filledAt: ContinuousClock.Instant?
        var result: Fill?
    }

    static let maximumAge: Duration = .seconds(60)
    private let state = Mutex(State())

    /// Starts a fill unless one runs, or the cache of this server is younger than a minute.
    func startIfDue(apiURL: String, options: TransportOptions, cacheRevision: Int) {
        let due = state.withLock { state -> Bool in
            let fresh = state.filledURL == apiURL && state.filledAt.map { .now - $0 < Self.maximumAge } == true
            guard !state.running, !fresh else { return false }
            state.running = true
            return true
        }
        guard due else { return }
        Posix.startThread { [self] in
            let fill = Self.fetch(apiURL: apiURL, options: options, cacheRevision: cacheRevision)
            state.withLock { state in
                state.running = false
                state.filledURL = apiURL
                state.filledAt = .now
                if let fill { state.result = fill }
            }
        }
    }

    /// Waits up to `limit` for the first fill of this server, so that a Tab pressed right after
    /// connecting still sees live IDs; later Tabs never wait.
    func awaitFirstFill(of apiURL: String, limit: Duration = .milliseconds(300)) {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let waiting = state.withLock { $0.running && $0.filledURL != apiURL }
            guard waiting else { return }
            Posix.sleep(milliseconds: 10)
        }
    }

    /// The newest fill not yet taken.
    func take() -> Fill? {
        state.withLock { state in
            defer { state.result = nil }
            return state.result
        }
    }

    /// Forgets when the cache was filled, so the next prompt fills it again (after a commit elsewhere, say).
    func expire() {
        state.withLock { $0.filledAt = nil }
    }

    /// Both listings, or nil when either fails: a half-filled cache would hide IDs without saying so.
    private static func fetch(apiURL: String, options: TransportOptions, cacheRevision: Int) -> Fill? {
        guard let port = try? CurlServerPort(apiURL: apiURL, options: options, trace: nil),
            let clients = items(port, "/oauth/clients"),
            let managers = items(port, "/oauth/accessTokenManagers")
        else { return nil }
        return Fill(
            apiURL: apiURL, cacheRevision: cacheRevision,
            clients: clients.compactMap { item in item["clientId"]?.stringValue.map { (id: $0, name: item["name"]?.stringValue) } },
            accessTokenManagers: managers.compactMap { $0["id"]?.stringValue })
    }

    private static func items(_ port: CurlServerPort, _ path: String) -> [JSONValue]? {
        let request = APIRequest(.get, path)
        guard let response = try? port.send(request), response.isSuccess, AnswerCheck.problem(response, to: request) == nil,
            let items = response.body?["items"]?.arrayValue
        else { return nil }
        return items
    }
}

extension Session {
    /// Puts a background fill into the cache, if it is of the server this session is connected to.
    /// When the session learned IDs meanwhile (a listing, a commit), the fill adds to them rather
    /// than replacing what is newer than itself.
    func absorb(_ fill: CacheFiller.Fill?) {
        guard let fill, fill.apiURL == connection?.settings.apiURL else { return }
        if cache.revision == fill.cacheRevision {
            cache.replace(fill.clients)
        } else {
            cache.merge(fill.clients)
        }
        cache.accessTokenManagers = fill.accessTokenManagers
    }
}
