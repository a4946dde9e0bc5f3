import Foundation

/// `--sandbox`: the emulator that ships beside pfsh, started with demo data on a free loopback port
/// and a random administrator password, and stopped when pfsh exits.
final class Sandbox {
    let process = Process()
    let adminURL: String
    let caFile: String
    let runtimeURL: String?
    /// The environment variable, set for pfsh itself only, that carries the random password.
    static let passwordVariable = "PFSH_SANDBOX_PASSWORD"
    let password: String

    struct StartError: Error {
        let message: String
    }

    init(password: String) throws(StartError) {
        self.password = password
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let executable = beside.appendingPathComponent("pfsh-emulator").path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw StartError(message: "--sandbox needs pfsh-emulator beside pfsh (\(executable))")
        }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--port", "0", "--runtime-port", "0", "--seed", "demo", "--password-env", Self.passwordVariable]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.passwordVariable] = password
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw StartError(message: "cannot start pfsh-emulator: \(error.localizedDescription)")
        }
        var lines: [String: String] = [:]
        for line in Self.lines(out.fileHandleForReading) {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.first == "ready" { break }
            if parts.count == 2 { lines[parts[0]] = parts[1] }
        }
        guard let admin = lines["admin-url"], let ca = lines["ca-file"] else {
            process.terminate()
            throw StartError(message: "pfsh-emulator did not start")
        }
        adminURL = admin
        caFile = ca
        runtimeURL = lines["runtime-url"]
    }

    /// Reads lines until end of file, one byte at a time so nothing past `ready` is consumed.
    private static func lines(_ handle: FileHandle) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        while let byte = try? handle.read(upToCount: 1), let first = byte.first {
            if first == UInt8(ascii: "\n") {
                let line = String(decoding: current, as: UTF8.self)
                lines.append(line)
                current = []
                if line == "ready" { break }
            } else {
                current.append(first)
            }
        }
        return lines
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
