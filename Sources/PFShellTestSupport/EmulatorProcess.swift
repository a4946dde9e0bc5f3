import Foundation

/// A running `pfsh-emulator` on a free loopback port, started for one test and stopped after it.
public final class EmulatorProcess: @unchecked Sendable {
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    public let process: Process
    public let adminURL: String
    /// The runtime OAuth endpoints' base URL, `https://127.0.0.1:PORT` (from the `runtime-url` line).
    public let runtimeURL: String
    public let caFile: String?
    private let stdout: OutputCollector
    private let stderr: OutputCollector

    public static let user = "administrator"
    public static let password = "2FederateM0re"

    /// Starts the emulator with `--port 0 --runtime-port 0` plus `arguments` (a later `--runtime-port`
    /// in `arguments` wins) and waits for its `ready` line.
    public static func start(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> EmulatorProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltProducts.path("pfsh-emulator"))
        process.arguments = ["--port", "0", "--runtime-port", "0"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = OutputCollector()
        let err = OutputCollector()
        process.standardOutput = out.pipe
        process.standardError = err.pipe
        try process.run()
        guard out.waitForLine(timeout: 30, where: { $0 == "ready" }) != nil,
            let admin = out.lines.first(where: { $0.hasPrefix("admin-url ") }),
            let runtime = out.lines.first(where: { $0.hasPrefix("runtime-url ") })
        else {
            process.terminate()
            process.waitUntilExit()
            throw StartError(description: "pfsh-emulator did not start: \(err.text)\(out.text)")
        }
        let ca = out.lines.first { $0.hasPrefix("ca-file ") }.map { String($0.dropFirst("ca-file ".count)) }
        return EmulatorProcess(
            process: process, adminURL: String(admin.dropFirst("admin-url ".count)),
            runtimeURL: String(runtime.dropFirst("runtime-url ".count)), caFile: ca, stdout: out, stderr: err)
    }

    private init(
        process: Process, adminURL: String, runtimeURL: String, caFile: String?, stdout: OutputCollector,
        stderr: OutputCollector
    ) {
        self.process = process
        self.adminURL = adminURL
        self.runtimeURL = runtimeURL
        self.caFile = caFile
        self.stdout = stdout
        self.stderr = stderr
    }

    /// `https://127.0.0.1:PORT`, the admin host without the API path.
    public var hostURL: String {
        adminURL.replacingOccurrences(of: "/pf-admin-api/v1", with: "")
    }

    public var standardOutput: String { stdout.text }
    public var standardError: String { stderr.text }

    /// Stops the emulator with SIGTERM and waits; returns its exit status.
    @discardableResult
    public func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        stdout.waitForClose(timeout: 5)
        stderr.waitForClose(timeout: 5)
        return process.terminationStatus
    }

    /// Ends the emulator at once, as a crash would.
    public func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The number on the `stats connections-accepted N` line printed at a clean exit.
    public var connectionsAcceptedAtExit: Int? {
        stdout.lines.first { $0.hasPrefix("stats connections-accepted ") }
            .flatMap { Int($0.dropFirst("stats connections-accepted ".count)) }
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
