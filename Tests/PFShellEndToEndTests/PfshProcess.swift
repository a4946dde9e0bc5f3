import Foundation
import PFShellTestSupport

/// How a finished `pfsh` ended and what it printed.
struct PfshResult: Sendable {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// What `pfsh` reads on standard input.
enum PfshInput {
    /// `/dev/null`: the script comes from the command line.
    case nothing
    /// `pfsh < FILE`: a real file on standard input.
    case file(String)
    /// A pipe fed one line at a time; a `sync` waits until pfsh has run every earlier line.
    case lines([PipedLine])
}

enum PipedLine {
    case text(String)
    /// Sent as `echo MARKER`; once MARKER is on pfsh's stdout, `action` runs, then feeding goes on.
    case sync(marker: String, action: () throws -> Void)
}

struct PfshProcessError: Error, CustomStringConvertible {
    let description: String
}

/// Runs the built `pfsh` with an exact environment (nothing of the test runner's leaks in).
enum PfshProcess {
    static let binary = BuiltProducts.path("pfsh")
    static let timeout: TimeInterval = 120

    /// A write to the pipe of a pfsh that already stopped must fail with EPIPE, not kill the tests.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    static func run(
        _ arguments: [String], environment: [String: String], directory: String, input: PfshInput = .nothing
    ) throws -> PfshResult {
        _ = ignoreBrokenPipes
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = OutputCollector()
        let err = OutputCollector()
        process.standardOutput = out.pipe
        process.standardError = err.pipe
        var feeder: Pipe?
        switch input {
        case .nothing:
            process.standardInput = FileHandle.nullDevice
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else { throw PfshProcessError(description: "cannot read \(path)") }
            process.standardInput = handle
        case .lines:
            let pipe = Pipe()
            feeder = pipe
            process.standardInput = pipe
        }
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        if case .lines(let lines) = input, let feeder {
            try feed(lines, to: feeder.fileHandleForWriting, of: process, watching: out)
        }
        try waitForExit(process)
        out.waitForClose(timeout: 5)
        err.waitForClose(timeout: 5)
        return PfshResult(status: process.terminationStatus, stdout: out.text, stderr: err.text)
    }

    private static func feed(_ lines: [PipedLine], to handle: FileHandle, of process: Process, watching out: OutputCollector) throws {
        defer { try? handle.close() }
        for line in lines {
            switch line {
            case .text(let text):
                guard write(text, to: handle) else { return }
            case .sync(let marker, let action):
                guard write("echo \(marker)", to: handle) else { return }
                let deadline = Date().addingTimeInterval(timeout)
                while !out.hasLine(marker) {
                    // pfsh stopped reading (an error ended the script): the rest is never run.
                    guard process.isRunning else { return }
                    guard Date() < deadline else { throw PfshProcessError(description: "pfsh never printed \(marker)") }
                    Thread.sleep(forTimeInterval: 0.01)
                }
                try action()
            }
        }
    }

    /// False once pfsh has closed its end of the pipe.
    private static func write(_ line: String, to handle: FileHandle) -> Bool {
        (try? handle.write(contentsOf: Data((line + "\n").utf8))) != nil
    }

    private static func waitForExit(_ process: Process) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        guard !process.isRunning else {
            process.terminate()
            process.waitUntilExit()
            throw PfshProcessError(description: "pfsh did not finish within \(Int(timeout)) s")
        }
        process.waitUntilExit()
    }
}
