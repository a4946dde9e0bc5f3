import Foundation
import NIOCore
import NIOSSL
import PFShellEmulator
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `pfsh-emulator` from checked options: builds the state, the handler and the certificate,
/// listens, announces the URLs, and on SIGTERM or SIGINT shuts down and prints the connection count.
public enum EmulatorLauncher {
    /// The process exit status: 0 after a graceful shutdown, 1 when start-up or the listener fails
    /// (the reason is printed on stderr, prefixed `pfsh-emulator: `).
    public static func run(_ options: EmulatorOptions) async -> Int32 {
        // A reader closing our stdout or stderr must not kill the process.
        signal(SIGPIPE, SIG_IGN)
        let prepared: Prepared
        do {
            prepared = try prepare(options)
        } catch {
            return fail(error.message)
        }
        defer { prepared.certificateFiles?.removeTemporary() }
        var services = prepared.services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) }
        if options.exitWithParent {
            services.append(.init(service: EndOfInputWatcher(), successTerminationBehavior: .gracefullyShutdownGroup))
        }
        let group = ServiceGroup(
            configuration: .init(
                services: services,
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: EmulatorServer.quietLogger
            ))
        do {
            try await group.run()
        } catch {
            return fail(describeListenerFailure(error, options: options))
        }
        StandardOutput.line("stats connections-accepted \(prepared.stats.connectionsAccepted)")
        return 0
    }

    private struct Prepared {
        let services: [any Service]
        /// The Admin API listener's connections: the `stats connections-accepted` line counts these only.
        let stats: ConnectionStats
        let certificateFiles: CertificateFiles?
    }

    private static func prepare(_ options: EmulatorOptions) throws(EmulatorServerError) -> Prepared {
        let configuration = try EmulatorSetup.configuration(options)
        let clock = EmulatorClock()
        let (api, runtime) = try EmulatorSetup.handlers(options, configuration: configuration, clock: clock)
        var tls: TLSConfiguration?
        var certificateFiles: CertificateFiles?
        if !options.http {
            let pair = try EmulatorSetup.certificate(options)
            tls = try pair.tlsConfiguration()
            certificateFiles = try EmulatorSetup.publish(pair, options)
        }
        let log = options.log ? RequestLog() : nil
        let faults = options.faults.map { FaultInjector(plan: $0, seed: options.faultSeed ?? .random(in: .min ... .max)) }
        func settings(port: Int) -> ListenerSettings {
            ListenerSettings(
                host: options.host, port: port, tls: tls, log: log, faults: faults, latency: options.latency)
        }
        let server = EmulatorServer.admin(api, settings(port: options.port), testClock: options.testClock ? clock : nil)
        let runtimeServer = EmulatorServer.runtime(runtime, settings(port: options.runtimePort))
        let announcement = StartupAnnouncement(
            listeners: ["admin-url", "runtime-url"], caFile: certificateFiles?.certificatePath, faultSeed: faults?.seed)
        let scheme = options.http ? "http" : "https"
        let host = urlHost(options.host)
        let adminService = try server.service { port in
            await announcement.listening("admin-url", url: "\(scheme)://\(host):\(port)\(AdminAPI.basePath)")
        }
        let runtimeService = try runtimeServer.service { port in
            await announcement.listening("runtime-url", url: "\(scheme)://\(host):\(port)")
        }
        return Prepared(
            services: [
                NamedListener(service: adminService, port: options.port),
                NamedListener(service: runtimeService, port: options.runtimePort),
            ],
            stats: server.listener.stats, certificateFiles: certificateFiles)
    }

    /// The host as it goes into a URL: a wildcard address becomes the loopback one, and an IPv6
    /// address gets brackets.
    static func urlHost(_ host: String) -> String {
        switch host {
        case "0.0.0.0": return "127.0.0.1"
        case "::", "[::]": return "[::1]"
        default: return host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        }
    }

    private static func describeListenerFailure(_ error: any Error, options: EmulatorOptions) -> String {
        var error = error
        var port = options.port
        if let failure = error as? NamedListener.Failure {
            error = failure.underlying
            port = failure.port
        }
        let address = "\(urlHost(options.host)):\(port)"
        if error is SocketAddressError || error is SocketAddressError.UnknownHost {
            return "cannot listen on \(address): unknown host"
        }
        if let error = error as? IOError {
            return "cannot listen on \(address): \(EmulatorServerError.systemMessage(error.errnoCode))"
        }
        return "the listener on \(address) failed: \(CertificatePair.describe(error))"
    }

    private static func fail(_ message: String) -> Int32 {
        StandardOutput.errorLine("pfsh-emulator: \(message)")
        return 1
    }
}

/// A listener that, when it fails, says which port it was asked for, so a start-up failure names the
/// right one of the two listeners.
private struct NamedListener: Service {
    struct Failure: Error {
        let port: Int
        let underlying: any Error
    }

    let service: any Service
    let port: Int

    func run() async throws {
        do {
            try await service.run()
        } catch {
            throw Failure(port: port, underlying: error)
        }
    }
}
