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
        let group = ServiceGroup(
            configuration: .init(
                services: [prepared.service],
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
        let service: any Service
        let stats: ConnectionStats
        let certificateFiles: CertificateFiles?
    }

    private static func prepare(_ options: EmulatorOptions) throws(EmulatorServerError) -> Prepared {
        let configuration = try EmulatorSetup.configuration(options)
        let api = try EmulatorSetup.adminAPI(options, configuration: configuration)
        var tls: TLSConfiguration?
        var certificateFiles: CertificateFiles?
        if !options.http {
            let pair = try EmulatorSetup.certificate(options)
            tls = try pair.tlsConfiguration()
            certificateFiles = try EmulatorSetup.publish(pair, options)
        }
        let server = EmulatorServer(
            api: api, host: options.host, port: options.port, tls: tls, log: options.log ? RequestLog() : nil)
        let announcement = StartupAnnouncement(listeners: ["admin-url"], caFile: certificateFiles?.certificatePath)
        let scheme = options.http ? "http" : "https"
        let host = urlHost(options.host)
        let service = try server.service { port in
            await announcement.listening("admin-url", url: "\(scheme)://\(host):\(port)\(AdminAPI.basePath)")
        }
        return Prepared(service: service, stats: server.stats, certificateFiles: certificateFiles)
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
        let address = "\(urlHost(options.host)):\(options.port)"
        if error is SocketAddressError || error is SocketAddressError.UnknownHost {
            return "cannot listen on \(address): unknown host"
        }
        if let error = error as? IOError {
            return "cannot listen on \(address): \(AtomicFile.systemMessage(error.errnoCode))"
        }
        return "the listener on \(address) failed: \(CertificatePair.describe(error))"
    }

    private static func fail(_ message: String) -> Int32 {
        StandardOutput.errorLine("pfsh-emulator: \(message)")
        return 1
    }
}
