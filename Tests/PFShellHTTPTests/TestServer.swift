import Foundation

/// The echo server in `Fixtures/echo_server.py`, run as a child process for one test.
final class TestServer {
    enum Failure: Error { case noPort(String) }

    let port: Int
    let scheme: String
    private let process = Process()
    /// Kept open: the server exits when it closes, so a crashed test run leaves no server behind.
    private let input = Pipe()

    init(tls: TestCertificate? = nil) throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/echo_server.py")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", fixture.path] + (tls.map { ["--tls", $0.certFile, $0.keyFile] } ?? [])
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()

        var announced = Data()
        while !announced.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            announced.append(chunk)
        }
        let text = String(decoding: announced, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(text) else {
            process.terminate()
            throw Failure.noPort(text)
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
        guard process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(5)
        while process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
