import Foundation
import PFShellTestSupport

/// `Fixtures/impostor_server.py`: a plain-HTTP server on loopback that is not PingFederate's admin
/// API (a web page, bad JSON, a redirect, ...), for the transcripts in which pfsh must say so.
final class Impostor {
    let process = Process()
    let port: String
    /// Kept open: the server exits when it closes, so a crashed test run leaves no server behind.
    private let input = Pipe()

    var url: String { "http://127.0.0.1:\(port)" }

    init(kind: String) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/impostor_server.py")
        let output = OutputCollector()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, kind]
        process.standardInput = input
        process.standardOutput = output.pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard let line = output.waitForLine(timeout: 30, where: { Int($0) != nil }) else {
            process.terminate()
            throw PfshProcessError(description: "the impostor server (\(kind)) did not start")
        }
        port = line
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }
}
