import Foundation
import PFShellTestSupport

/// The echo server in `Fixtures/echo_server.py`, run as a child process for one test.
final class TestServer {
    enum Failure: Error { case noPort(String) }

    let port: Int
    let scheme: String
    /// Its standard input is a pipe kept open: the server exits when it closes, so a crashed test
    /// run leaves no server behind.
    private let process: RunningProcess

    init(tls: TestCertificate? = nil) throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/echo_server.py")
        process = try ProcessRunner.start(
            "/usr/bin/env", ["python3", fixture.path] + (tls.map { ["--tls", $0.certFile, $0.keyFile] } ?? []), input: .pipe)
        let announced = process.stdout.waitForLine(timeout: 30) { _ in true } ?? ""
        guard let port = Int(announced.trimmingCharacters(in: .whitespaces)) else {
            process.kill()
            throw Failure.noPort(announced + process.stderr.text)
        }
        self.port = port
        scheme = tls == nil ? "http" : "https"
    }

    deinit { stop() }

    func url(_ path: String, host: String = "127.0.0.1") -> String {
        "\(scheme)://\(host):\(port)\(path)"
    }

    /// SIGTERM, then SIGKILL if the server is still there after five seconds.
    func stop() {
        process.stop(grace: 5)
    }
}
