import Foundation
import PFShellJSON
import PFShellTestSupport
import Testing

/// The project's golden-test tool: runs `Transcripts/NAME.pfsh` through the built `pfsh` against a
/// fresh strict `pfsh-emulator` and compares exit status, stdout and stderr, normalised, with
/// `Transcripts/NAME.expected`.
///
/// `PFSH_RECORD=1 swift test --filter TranscriptTests` rewrites the `.expected` files and fails
/// each test, so that a new baseline is always read before it is trusted.
enum TranscriptHarness {
    /// `Tests/PFShellEndToEndTests`, pfsh's working folder, so that diagnostics read `Transcripts/NAME.pfsh:L:C`.
    static let testFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    static let folder = (testFolder as NSString).appendingPathComponent("Transcripts")
    static var isRecording: Bool { ProcessInfo.processInfo.environment["PFSH_RECORD"] == "1" }

    /// Every `Transcripts/*.pfsh` (files under `Transcripts/included/` are only sourced).
    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".pfsh") }.map { String($0.dropLast(".pfsh".count)) }.sorted()
    }

    static func path(_ name: String, _ suffix: String) -> String {
        (folder as NSString).appendingPathComponent(name + suffix)
    }

    static func check(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let transcript = try Transcript(name: name, path: path(name, ".pfsh"))
        let run = try TranscriptRun(transcript)
        for problem in run.problems { Issue.record("\(name): \(problem)", sourceLocation: sourceLocation) }
        let actual = run.output
        let expectedPath = path(name, ".expected")
        if isRecording {
            try actual.fileText.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            Issue.record("\(name): recorded new baseline; review and rerun", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: expectedPath) else {
            Issue.record("\(name): no \(name).expected; record one with PFSH_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        let expected = try ExpectedOutput(fileText: String(decoding: data, as: UTF8.self))
        if expected != actual {
            let diff = LineDiff.render(expected: expected.fileText, actual: actual.fileText)
            Issue.record("\(name): output differs from \(name).expected (- expected, + actual):\n\(diff)", sourceLocation: sourceLocation)
        }
    }
}

/// One run of a transcript: the emulator, pfsh, and what came out, normalised.
struct TranscriptRun {
    let output: ExpectedOutput
    /// Broken invariants that are not a matter of output: leaked secrets, unexpected refusals.
    var problems: [String] = []

    init(_ transcript: Transcript) throws {
        let server = try TestServer(transcript.emulatorArguments)
        defer { server.stop() }
        let closedPort = transcript.usesClosedPort ? try ClosedPort.find() : nil
        let impostor = try transcript.impostor.map { try Impostor(kind: $0) }
        defer { impostor?.stop() }
        let expand = { (text: String) in
            text.replacingOccurrences(of: "{url}", with: server.url).replacingOccurrences(of: "{ca}", with: server.caFile)
                .replacingOccurrences(of: "{impostor-url}", with: impostor?.url ?? "{impostor-url}")
                .replacingOccurrences(of: "{runtime-url}", with: server.runtimeURL)
                .replacingOccurrences(of: "{tmp}", with: server.directory.path)
                .replacingOccurrences(of: "{closed-url}", with: "https://127.0.0.1:\(closedPort ?? 0)")
        }
        var arguments = transcript.rcFile == nil ? ["--no-rc"] : []
        if transcript.connects { arguments += server.connectionArguments }
        let extra = transcript.arguments.map(expand)
        let tracePath = extra.firstIndex(of: "--trace").flatMap { extra.indices.contains($0 + 1) ? extra[$0 + 1] : nil }
            ?? server.directory.file("harness-trace.jsonl")
        if !extra.contains("--trace") { arguments += ["--trace", tracePath] }
        arguments += extra
        var environment = server.environment
        environment[CommandEchoes.variable] = "1"
        for (name, value) in transcript.environment { environment[name] = expand(value) }
        if let rc = transcript.rcFile {
            let folder = server.directory.file("config/pfsh")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: TranscriptHarness.path(rc, ""), toPath: folder + "/pfshrc")
        }
        let directory = transcript.directory.map { (TranscriptHarness.folder as NSString).appendingPathComponent($0) }
            ?? TranscriptHarness.testFolder
        let result: PfshResult
        if transcript.input == .argv {
            result = try Self.runEach(transcript, after: arguments, environment: environment, directory: directory, expand: expand)
        } else {
            let (scriptArguments, input) = try Self.input(for: transcript, server: server)
            result = try PfshProcess.run(arguments + scriptArguments, environment: environment, directory: directory, input: input)
        }
        if server.stop() != 0 { problems.append("the emulator did not shut down cleanly") }

        let stdout = CommandEchoes.render(Self.withoutMarkers(result.stdout), everyCommand: true)
        let stderr = CommandEchoes.render(Self.withoutMarkers(result.stderr), everyCommand: false)
        let secrets = server.credentialTexts + transcript.environment.filter { $0.name.uppercased().contains("SECRET") }.map(\.value)
        for secret in secrets where (stdout + stderr).contains(secret) {
            problems.append("pfsh printed a secret or the password")
        }
        let trace = (try? String(contentsOfFile: tracePath, encoding: .utf8)) ?? ""
        let audit = TraceAudit(secrets: secrets, expectedRefusals: transcript.refusals)
        problems += audit.problems(in: trace)
        let normalizer = OutputNormalizer(
            temporaryDirectory: server.directory.path, port: server.port, runtimePort: server.runtimePort,
            closedPort: closedPort.map(String.init), impostorPort: impostor?.port)
        output = ExpectedOutput(
            status: result.status, stdout: normalizer.normalize(stdout), stderr: normalizer.normalize(stderr))
    }

    /// `#! input argv`: one run of pfsh per command line, its words after `arguments`, the runs'
    /// outputs laid end to end. Each run is shown as `$ pfsh WORDS`, so pfsh marks no commands.
    private static func runEach(
        _ transcript: Transcript, after arguments: [String], environment: [String: String], directory: String,
        expand: (String) -> String
    ) throws -> PfshResult {
        var environment = environment
        environment[CommandEchoes.variable] = nil
        var stdout = ""
        var stderr = ""
        var status: Int32 = 0
        for line in transcript.commandLines {
            let words = try HeaderWords.split(line, at: "\(transcript.name).pfsh").map(expand)
            let run = try PfshProcess.run(arguments + words, environment: environment, directory: directory)
            stdout += "$ pfsh \(line)\n" + endingInNewline(run.stdout) + "[exit \(run.status)]\n"
            if !run.stderr.isEmpty { stderr += "$ pfsh \(line)\n" + endingInNewline(run.stderr) }
            status = run.status
        }
        return PfshResult(status: status, stdout: stdout, stderr: stderr)
    }

    private static func endingInNewline(_ text: String) -> String {
        text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }

    /// The arguments that name the script and what goes on standard input.
    private static func input(for transcript: Transcript, server: TestServer) throws -> ([String], PfshInput) {
        let relative = "Transcripts/\(transcript.name).pfsh"
        switch transcript.input {
        case .file: return ([relative], .nothing)
        case .dashF: return (["-f", relative], .nothing)
        case .dashC: return (transcript.commandLines.flatMap { ["-c", $0] }, .nothing)
        case .redirect: return ([], .file(transcript.path))
        case .none, .argv: return ([], .nothing)
        case .piped:
            var lines: [PipedLine] = []
            for (index, line) in transcript.lines.enumerated() {
                guard let call = transcript.adminCalls[index] else {
                    lines.append(.text(line))
                    continue
                }
                // The marker's `echo` takes the directive's line, so later line numbers still match the file.
                lines.append(
                    .sync(marker: marker(index)) {
                        let reply = try server.admin(call.method, call.path, call.body)
                        guard (200..<300).contains(reply.status) else {
                            throw PfshProcessError(
                                description: "#! admin \(call.method.rawValue) \(call.path): \(reply.status) \(reply.json.map { JSONPrinter.print($0) } ?? "")")
                        }
                    })
            }
            return ([], .lines(lines))
        }
    }

    static func marker(_ index: Int) -> String { "__sync_\(index + 1)__" }

    /// Drops the sync markers and the `echo` commands that printed them.
    static func withoutMarkers(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in
                let marker = line.hasPrefix(CommandEchoes.echoPrefix + "echo ") ? line.dropFirst(CommandEchoes.echoPrefix.count + 5) : line
                return !(marker.hasPrefix("__sync_") && marker.hasSuffix("__"))
            }
            .joined(separator: "\n")
    }
}

extension Transcript {
    var usesClosedPort: Bool { arguments.contains { $0.contains("{closed-url}") } || environment.contains { $0.value.contains("{closed-url}") } }
}

/// Each command of a transcript before its output, as psql's regression files show them. pfsh
/// marks where each command of its input begins, on stdout and on stderr, when
/// `PFSH_ECHO_COMMANDS=1` (see `Sources/pfsh/CommandEcho.swift`): its first line after U+001E, the
/// others after U+001F, and U+001E alone after the last command. Here the marks become
/// `pfsh> COMMAND` (further lines of the command after `> `) and `[end]`.
enum CommandEchoes {
    static let variable = "PFSH_ECHO_COMMANDS"
    static let echoPrefix = "\u{1E}"
    static let continuationPrefix = "\u{1F}"

    /// On stdout every command is shown; on stderr only the commands that printed something there.
    /// `[end]` is shown only when something was printed after the last command.
    static func render(_ text: String, everyCommand: Bool) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let endsInNewline = lines.last == ""
        if endsInNewline { lines.removeLast() }
        var rendered: [String] = []
        var header: [String] = []
        var isEnd = false
        var body: [String] = []
        func flush() {
            if !header.isEmpty && (!body.isEmpty || (everyCommand && !isEnd)) { rendered += header }
            rendered += body
            header = []
            body = []
        }
        for line in lines {
            if line == echoPrefix {
                flush()
                header = ["[end]"]
                isEnd = true
            } else if line.hasPrefix(echoPrefix) {
                flush()
                header = ["pfsh> " + line.dropFirst(echoPrefix.count)]
                isEnd = false
            } else if line.hasPrefix(continuationPrefix), !header.isEmpty, body.isEmpty {
                header.append("> " + line.dropFirst(continuationPrefix.count))
            } else {
                body.append(line)
            }
        }
        flush()
        guard !rendered.isEmpty else { return "" }
        return rendered.joined(separator: "\n") + (endsInNewline ? "\n" : "")
    }
}
