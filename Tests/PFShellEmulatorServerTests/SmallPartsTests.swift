import Testing

@testable import PFShellEmulatorServer

@Suite struct SmallPartsTests {
    @Test(arguments: [
        (Duration.microseconds(40), "0.0"),
        (.microseconds(1_250), "1.2"),
        (.milliseconds(12), "12.0"),
        (.seconds(2) + .microseconds(300), "2000.3"),
    ])
    func requestLogMilliseconds(_ duration: Duration, _ expected: String) {
        #expect(RequestLog.milliseconds(duration) == expected)
    }

    @Test(arguments: [
        ("127.0.0.1", "127.0.0.1"), ("localhost", "localhost"), ("0.0.0.0", "127.0.0.1"), ("::1", "[::1]"), ("::", "[::1]"),
    ])
    func urlHost(_ host: String, _ expected: String) {
        #expect(EmulatorLauncher.urlHost(host) == expected)
    }

    @Test func keyFileNameFollowsTheCertificate() {
        #expect(CertificateFiles.keyPath(besides: "/tmp/x/ca.pem") == "/tmp/x/ca-key.pem")
        #expect(CertificateFiles.keyPath(besides: "/tmp/x/server") == "/tmp/x/server-key.pem")
    }
}
