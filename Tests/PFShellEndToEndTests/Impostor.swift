import Foundation
import PFShellTestSupport

/// `Fixtures/impostor_server.py`: a plain-HTTP server on loopback that is not PingFederate's admin
/// API (a web page, bad JSON, a redirect, ...), for the transcripts in which pfsh must say so.
final class Impostor {
    /// Its standard input is a pipe kept open: the server exits when it closes, so a crashed test
    /// run leaves no server behind.
    let process: RunningProcess
    let port: String

    var url: String { "http://127.0.0.1:\(port)" }

    init(kind: String) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/impostor_server.py")
        process = try ProcessRunner.start("/usr/bin/env", ["python3", script.path, kind], input: .pipe)
        guard let line = process.stdout.waitForLine(timeout: 30, where: { Int($0) != nil }) else {
            process.kill()
            throw PfshProcessError(description: "the impostor server (\(kind)) did not start")
        }
        port = line
    }

    func stop() {
        process.closeInput()
        process.stop()
    }
}
