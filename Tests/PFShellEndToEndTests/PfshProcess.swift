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

    static func run(
        _ arguments: [String], environment: [String: String], directory: String, input: PfshInput = .nothing
    ) throws -> PfshResult {
        let stdin: ProcessRunner.Input
        switch input {
        case .nothing: stdin = .nothing
        case .file(let path): stdin = .file(path)
        case .lines: stdin = .pipe
        }
        let process = try ProcessRunner.start(binary, arguments, environment: .exactly(environment), directory: directory, input: stdin)
        if case .lines(let lines) = input {
            do {
                try feed(lines, to: process)
            } catch {
                process.kill()
                throw error
            }
        }
        process.closeInput()
        guard let status = process.wait(timeout: timeout) else {
            process.kill()
            throw PfshProcessError(description: "pfsh did not finish within \(Int(timeout)) s")
        }
        let result = process.result(status: status)
        return PfshResult(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    private static func feed(_ lines: [PipedLine], to process: RunningProcess) throws {
        for line in lines {
            switch line {
            case .text(let text):
                guard process.write(text + "\n") else { return }
            case .sync(let marker, let action):
                guard process.write("echo \(marker)\n") else { return }
                let deadline = Date().addingTimeInterval(timeout)
                while !process.stdout.hasLine(marker) {
                    // pfsh stopped reading (an error ended the script): the rest is never run.
                    guard process.isRunning else { return }
                    guard Date() < deadline else { throw PfshProcessError(description: "pfsh never printed \(marker)") }
                    Thread.sleep(forTimeInterval: 0.01)
                }
                try action()
            }
        }
    }
}
