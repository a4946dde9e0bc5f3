import FoundationEssentials

/// `--sandbox`: the emulator that ships beside pfsh, started with demo data on a free loopback port
/// and a random administrator password, and stopped when pfsh ends, however it ends: pfsh stops it
/// on the way out and on SIGTERM, SIGHUP and SIGINT, and the emulator (`--exit-with-parent`) also
/// leaves by itself when its standard input, a pipe only pfsh holds open, closes, as it does when
/// pfsh is killed outright.
final class Sandbox {
    let child: SandboxProcess
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
        let executable = ExecutableLocation.sibling("pfsh-emulator")
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw StartError(message: "--sandbox needs pfsh-emulator beside pfsh (\(executable))")
        }
        var environment = ProcessInfo.processInfo.environment
        environment[Self.passwordVariable] = password
        let arguments = [
            "--port", "0", "--runtime-port", "0", "--seed", "demo", "--password-env", Self.passwordVariable, "--exit-with-parent",
        ]
        child = try SandboxProcess(executable: executable, arguments: arguments, environment: environment)
        SandboxSignals.stopOnSignals(child.pid)
        var lines: [String: String] = [:]
        for line in Self.lines(child.output) {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.count == 2 { lines[parts[0]] = parts[1] }
        }
        guard let admin = lines["admin-url"], let ca = lines["ca-file"] else {
            child.stop()
            throw StartError(message: "pfsh-emulator did not start")
        }
        adminURL = admin
        caFile = ca
        runtimeURL = lines["runtime-url"]
    }

    /// Reads lines until `ready` or end of file, one byte at a time so nothing past `ready` is consumed.
    private static func lines(_ descriptor: Int32) -> [String] {
        var lines: [String] = []
        while let line = Posix.readLine(from: descriptor) {
            lines.append(line)
            if line == "ready" { break }
        }
        return lines
    }

    func stop() {
        SandboxSignals.forget()
        child.stop()
    }
}
