import Foundation
import PFShellTestSupport

/// A self-signed P-256 certificate for `localhost` and `127.0.0.1`, made once per test run.
struct TestCertificate: Sendable {
    enum Failure: Error { case openssl(Int32, String) }

    let certFile: String
    let keyFile: String

    static func shared() throws -> TestCertificate { try generated.get() }

    private static let generated: Result<TestCertificate, any Error> = Result { try generate() }
    /// Kept for the whole run: every TLS test uses the same certificate.
    private static let directory = Result { try TemporaryDirectory(prefix: "pfsh-http-tests") }

    private static func generate() throws -> TestCertificate {
        let directory = try directory.get()
        let cert = directory.file("cert.pem")
        let key = directory.file("key.pem")
        let result = try ProcessRunner.run(
            "/usr/bin/env",
            [
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key, "-out", cert,
            ])
        guard result.status == 0 else { throw Failure.openssl(result.status, result.stderr) }
        return TestCertificate(certFile: cert, keyFile: key)
    }
}
