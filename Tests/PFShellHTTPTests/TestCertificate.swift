import Foundation

/// A self-signed P-256 certificate for `localhost` and `127.0.0.1`, made once per test run.
struct TestCertificate: Sendable {
    enum Failure: Error { case openssl(Int32) }

    let certFile: String
    let keyFile: String

    static func shared() throws -> TestCertificate { try generated.get() }

    private static let generated: Result<TestCertificate, any Error> = Result { try generate() }

    private static func generate() throws -> TestCertificate {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("pfsh-http-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cert = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", key, "-out", cert,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure.openssl(process.terminationStatus) }
        return TestCertificate(certFile: cert, keyFile: key)
    }
}
