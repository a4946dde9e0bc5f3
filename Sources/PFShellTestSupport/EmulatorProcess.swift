import Foundation

/// A running `pfsh-emulator` on a free loopback port, started for one test and stopped after it.
public final class EmulatorProcess: Sendable {
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    public let process: RunningProcess
    public let adminURL: String
    /// The runtime OAuth endpoints' base URL, `https://127.0.0.1:PORT` (from the `runtime-url` line).
    public let runtimeURL: String
    public let caFile: String?

    public static let user = "administrator"
    public static let password = "2FederateM0re"

    /// Starts the emulator with `--port 0 --runtime-port 0` plus `arguments` (a later `--runtime-port`
    /// in `arguments` wins) and waits for its `ready` line.
    public static func start(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> EmulatorProcess {
        let process = try ProcessRunner.start(
            BuiltProducts.path("pfsh-emulator"), ["--port", "0", "--runtime-port", "0"] + arguments,
            environment: .inherited(adding: environment), input: .pipe)
        let out = process.stdout
        guard out.waitForLine(timeout: 30, where: { $0 == "ready" }) != nil,
            let admin = out.lines.first(where: { $0.hasPrefix("admin-url ") }),
            let runtime = out.lines.first(where: { $0.hasPrefix("runtime-url ") })
        else {
            process.stop()
            throw StartError(description: "pfsh-emulator did not start: \(process.stderr.text)\(out.text)")
        }
        let ca = out.lines.first { $0.hasPrefix("ca-file ") }.map { String($0.dropFirst("ca-file ".count)) }
        return EmulatorProcess(
            process: process, adminURL: String(admin.dropFirst("admin-url ".count)),
            runtimeURL: String(runtime.dropFirst("runtime-url ".count)), caFile: ca)
    }

    private init(process: RunningProcess, adminURL: String, runtimeURL: String, caFile: String?) {
        self.process = process
        self.adminURL = adminURL
        self.runtimeURL = runtimeURL
        self.caFile = caFile
    }

    /// `https://127.0.0.1:PORT`, the admin host without the API path.
    public var hostURL: String {
        adminURL.replacingOccurrences(of: "/pf-admin-api/v1", with: "")
    }

    public var standardOutput: String { process.stdout.text }
    public var standardError: String { process.stderr.text }

    /// Lines of standard error (the request log) that start with a prefix, counted as they arrive.
    public final class LineCounter {
        private let emulator: EmulatorProcess
        private let prefix: [UInt8]
        private var offset = 0
        private var counted = 0

        public init(_ emulator: EmulatorProcess, prefix: String) {
            self.emulator = emulator
            self.prefix = Array(prefix.utf8)
        }

        /// How many complete lines so far start with the prefix.
        public var count: Int {
            let fresh = emulator.process.stderr.bytes(from: offset)
            guard let end = fresh.lastIndex(of: UInt8(ascii: "\n")) else { return counted }
            counted += fresh[...end].split(separator: UInt8(ascii: "\n")).count { $0.starts(with: prefix) }
            offset += end + 1
            return counted
        }
    }

    /// Stops the emulator with SIGTERM and waits; returns its exit status.
    @discardableResult
    public func stop() -> Int32 {
        process.result(status: process.stop(grace: 60)).status
    }

    /// Ends the emulator at once, as a crash would.
    public func kill() {
        process.kill()
    }

    /// The number on the `stats connections-accepted N` line printed at a clean exit.
    public var connectionsAcceptedAtExit: Int? {
        process.stdout.lines.first { $0.hasPrefix("stats connections-accepted ") }
            .flatMap { Int($0.dropFirst("stats connections-accepted ".count)) }
    }
}
