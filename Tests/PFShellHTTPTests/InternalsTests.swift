@testable import PFShellHTTP
import Testing

@Suite("internals")
struct InternalsTests {
    @Test("only the final response's headers are kept")
    func interimHeadersDropped() {
        let sink = ResponseSink()
        for line in [
            "HTTP/1.1 100 Continue\r\n", "X-Interim: 1\r\n", "\r\n",
            "HTTP/1.1 200 OK\r\n", "Content-Type:  text/plain \r\n", "X-Folded: a\r\n", "\tb\r\n", "\r\n",
        ] {
            Array(line.utf8).withUnsafeBytes { sink.appendHeaderLine($0) }
        }
        #expect(sink.headers.map(\.name) == ["Content-Type", "X-Folded"])
        #expect(sink.headers.map(\.value) == ["text/plain", "a b"])
    }

    @Test("curl codes map to kinds", arguments: [
        (6, TransportError.Kind.dns), (7, .refused), (28, .timeout), (42, .cancelled),
        (35, .tls), (60, .tls), (91, .tls), (1, .other), (52, .connectionLost), (56, .connectionLost),
        (65, .connectionLost),
    ])
    func kinds(code: Int, kind: TransportError.Kind) {
        #expect(TransportError.kind(forCurlCode: code) == kind)
    }

    @Test("redaction hides secrets and URL passwords")
    func redaction() {
        #expect(SecretRedaction.redact("bad pw s3cret here s3cret", secrets: ["s3cret", ""]) == "bad pw *** here ***")
        #expect(SecretRedaction.redact("see https://admin:pa:ss@host:9999/x?y", secrets: [])
            == "see https://admin:***@host:9999/x?y")
        #expect(SecretRedaction.redact("http://host/x", secrets: []) == "http://host/x")
    }
}
