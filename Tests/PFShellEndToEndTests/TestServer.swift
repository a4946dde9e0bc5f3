import Foundation
import PFShellHTTP
import PFShellJSON
import PFShellTestSupport
import Testing

/// One test's world: a fresh strict `pfsh-emulator` with a random administrator password, a
/// temporary folder that is pfsh's HOME and XDG folders, and the environment pfsh runs with.
final class TestServer {
    static let passwordVariable = "PFSH_TEST_PASSWORD"

    let directory: TemporaryDirectory
    private(set) var emulator: EmulatorProcess
    /// What the emulator was started with, for a restart on the same port and data.
    private let startArguments: [String]
    let password: String
    /// `https://127.0.0.1:PORT`, what `--url` takes.
    var url: String { emulator.hostURL }
    var caFile: String { emulator.caFile ?? "" }
    var port: String { String(url.split(separator: ":").last ?? "") }
    /// `https://127.0.0.1:PORT` of the runtime OAuth endpoints (`/as/token.oauth2`, ...).
    var runtimeURL: String { emulator.runtimeURL }
    var runtimePort: String { String(runtimeURL.split(separator: ":").last ?? "") }

    /// Starts the emulator with `--strict`, the password and `arguments` (`--seed demo`, `--cluster`, ...);
    /// with `dataFile`, it saves its state (plaintext secrets included) to `stateFile`.
    init(_ arguments: [String] = ["--seed", "demo"], dataFile: Bool = false) throws {
        directory = try TemporaryDirectory(prefix: "pfsh-e2e")
        password = "Pw-" + UUID().uuidString
        let data = dataFile ? ["--data", directory.file("state.json")] : []
        startArguments = ["--strict", "--password-env", Self.passwordVariable, "--ca-out", directory.file("ca.pem")] + data + arguments
        emulator = try EmulatorProcess.start(startArguments, environment: [Self.passwordVariable: password])
        for folder in ["home", "config", "state"] {
            try FileManager.default.createDirectory(atPath: directory.file(folder), withIntermediateDirectories: true)
        }
    }

    /// The password as given and as a Basic header carries it: neither may ever be printed or traced.
    var credentialTexts: [String] {
        [password, Data("\(EmulatorProcess.user):\(password)".utf8).base64EncodedString()]
    }

    /// `--url`, `--ca-file` and `--password-env`: what a test normally connects with.
    var connectionArguments: [String] {
        ["--url", url, "--ca-file", caFile, "--password-env", Self.passwordVariable]
    }

    /// pfsh's whole environment: its own HOME and XDG folders and the password, nothing inherited
    /// but PATH (so a developer's pfshrc or history never leaks into a test).
    var environment: [String: String] {
        var environment = [
            "HOME": directory.file("home"), "XDG_CONFIG_HOME": directory.file("config"),
            "XDG_STATE_HOME": directory.file("state"), "LANG": "C.UTF-8",
            Self.passwordVariable: password, "PFSH_TEST_URL": url, "PFSH_TEST_CA": caFile,
            "PFSH_TEST_RUNTIME_URL": runtimeURL,
        ]
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return environment
    }

    /// Runs pfsh with `--no-rc`, the connection arguments and `arguments`, traced (unless
    /// `arguments` name a trace file of their own) and audited: no secret in the trace, and no
    /// request the strict emulator refused (`refusals` lists the `errorId`s a test expects).
    func pfsh(
        _ arguments: [String], environment extra: [String: String] = [:], input: PfshInput = .nothing,
        refusals: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> PfshResult {
        runs += 1
        let trace = arguments.firstIndex(of: "--trace").map { arguments[$0 + 1] } ?? directory.file("trace-\(runs).jsonl")
        let traced = arguments.contains("--trace") ? arguments : ["--trace", trace] + arguments
        let result = try PfshProcess.run(
            ["--no-rc"] + connectionArguments + traced, environment: environment.merging(extra) { $1 },
            directory: directory.path, input: input)
        let secrets = credentialTexts + extra.filter { $0.key.uppercased().contains("SECRET") }.map(\.value)
        let text = (try? String(contentsOfFile: trace, encoding: .utf8)) ?? ""
        for problem in TraceAudit(secrets: secrets, expectedRefusals: refusals).problems(in: text) {
            Issue.record("pfsh \(arguments.joined(separator: " ")): \(problem)", sourceLocation: sourceLocation)
        }
        return result
    }

    private var runs = 0

    /// An administrator's request behind pfsh's back, with the X-XSRF-Header and Basic credentials.
    @discardableResult
    func admin(_ method: HTTPMethod, _ path: String, _ body: JSONValue? = nil) throws -> AdminClient.Reply {
        try AdminClient(emulator, credentials: .basic(user: EmulatorProcess.user, password: password)).call(method, path, body)
    }

    /// The emulator's saved state of one client: `fields`, the plaintext `secret` and the dates in
    /// milliseconds (needs `dataFile`).
    func storedClient(_ id: String) throws -> JSONValue? {
        let state = try JSONParser.parse(try String(contentsOfFile: directory.file("state.json"), encoding: .utf8))
        return state["clients"]?.arrayValue?.first { $0["fields"]?["clientId"]?.stringValue == id }
    }

    /// Starts the emulator again, on the same ports and with the same arguments (and data file),
    /// after the first one ended; returns it.
    func restartEmulator() throws -> EmulatorProcess {
        emulator = try EmulatorProcess.start(
            startArguments + ["--port", port, "--runtime-port", runtimePort], environment: [Self.passwordVariable: password])
        return emulator
    }

    /// Stops the emulator; its exit status (0 on a clean shutdown).
    @discardableResult
    func stop() -> Int32 {
        emulator.stop()
    }
}
