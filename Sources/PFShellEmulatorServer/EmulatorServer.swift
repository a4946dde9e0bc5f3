import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import PFShellEmulator
import ServiceLifecycle

/// One of the emulator's listeners, the Admin API's or the runtime's (PingFederate's engine port
/// 9031): HTTPS (or plain HTTP) on one address, keep-alive with no idle timeout,
/// `Expect: 100-continue` answered, every accepted connection counted. The two differ only in the
/// handler they serve.
///
/// It is handed out as a `Service` rather than run here, so the caller can put both listeners in
/// one `ServiceGroup` with the same certificate and shut them down together.
public struct EmulatorServer: Sendable {
    public let listener: ListenerSettings
    private let responder: @Sendable () -> any HTTPResponder<ChannelRequestContext>

    private init(listener: ListenerSettings, handler: some ListenerHandler) {
        self.listener = listener
        self.responder = {
            ListenerResponder(handler: handler, faults: listener.faults, latency: listener.latency, log: listener.log)
        }
    }

    /// The Admin API listener; with a `testClock`, it also answers `/emulator/clock` (`--test-clock`).
    public static func admin(_ api: AdminAPI, _ listener: ListenerSettings, testClock: EmulatorClock? = nil)
        -> EmulatorServer
    {
        EmulatorServer(listener: listener, handler: AdminHandler(api: api, stats: listener.stats, testClock: testClock))
    }

    /// The runtime listener: the OAuth endpoints of ``RuntimeAPI``.
    public static func runtime(_ runtime: RuntimeAPI, _ listener: ListenerSettings) -> EmulatorServer {
        EmulatorServer(listener: listener, handler: RuntimeHandler(runtime: runtime))
    }

    /// The listener as a service. `onListening` is called once with the bound port, after the socket
    /// is listening; a bind failure surfaces as an error thrown from the service group's `run()`.
    public func service(
        logger: Logger = EmulatorServer.quietLogger,
        onListening: @escaping @Sendable (Int) async -> Void
    ) throws(EmulatorServerError) -> any Service {
        try Self.listener(
            responder: responder(), host: listener.host, port: listener.port, tls: listener.tls, stats: listener.stats,
            logger: logger, onListening: onListening)
    }

    /// One Hummingbird listener for `responder`: HTTP/1.1 (with TLS unless `tls` is nil), no idle
    /// timeout, `Expect: 100-continue` answered, connections counted in `stats`.
    static func listener(
        responder: some HTTPResponder<ChannelRequestContext>, host: String, port: Int, tls: TLSConfiguration?,
        stats: ConnectionStats, logger: Logger, onListening: @escaping @Sendable (Int) async -> Void
    ) throws(EmulatorServerError) -> any Service {
        Application(
            responder: responder,
            server: try serverBuilder(tls: tls),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port),
                availableConnectionsDelegate: stats.delegate
            ),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }

    private static func serverBuilder(tls: TLSConfiguration?) throws(EmulatorServerError) -> HTTPServerBuilder {
        // No idle timeout: a test may leave one connection quiet between requests for a long time.
        let http = HTTPServerBuilder.http1AnsweringExpectContinue(configuration: HTTP1Channel.Configuration())
        guard let tls else { return http }
        do {
            return try .tls(http, tlsConfiguration: tls)
        } catch {
            throw EmulatorServerError("cannot set up tls: \(CertificatePair.describe(error))")
        }
    }

    /// Hummingbird and ServiceLifecycle log to stderr by default; the emulator's stderr carries only
    /// its own request log and failure messages.
    public static let quietLogger = Logger(label: "pfsh-emulator") { _ in SwiftLogNoOpLogHandler() }
}
