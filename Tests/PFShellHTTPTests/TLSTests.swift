import PFShellHTTP
import Testing

@Suite("TLS")
struct TLSTests {
    @Test("HTTPS verifies against the CA file, by IP and by host name", arguments: ["127.0.0.1", "localhost"])
    func verifiedWithCAFile(host: String) throws {
        let certificate = try TestCertificate.shared()
        let server = try TestServer(tls: certificate)
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions(caFile: certificate.certFile))
        let response = try transport.send(HTTPRequest(method: .post, url: server.url("/tls", host: host), body: bytes("ü")))
        #expect(response.status == 200)
        #expect(try Echo(response).body == "ü")
    }

    @Test("HTTPS without the CA file is a TLS failure")
    func untrusted() throws {
        let server = try TestServer(tls: TestCertificate.shared())
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions())
        let error = transportError { try transport.send(HTTPRequest(method: .get, url: server.url("/tls"))) }
        #expect(error?.kind == .tls)
        #expect(error?.curlCode == 60)
        #expect(error.map { $0.message == $0.message.lowercased() } == true)
    }

    @Test("insecure mode accepts the unknown certificate")
    func insecure() throws {
        let server = try TestServer(tls: TestCertificate.shared())
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions(insecure: true))
        #expect(try transport.send(HTTPRequest(method: .get, url: server.url("/tls"))).status == 200)
    }
}
