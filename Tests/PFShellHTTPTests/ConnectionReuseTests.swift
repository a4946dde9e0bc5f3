import PFShellHTTP
import Testing

@Suite("connection reuse")
struct ConnectionReuseTests {
    @Test("30 requests on one transport open exactly one connection")
    func thirtyRequestsOneConnection() throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions())
        var newConnections: [Int] = []
        for index in 0..<30 {
            if index == 15 {
                // Changing options keeps the handle and its connection.
                transport.options.userAgent = "pfsh-changed"
                transport.options.timeoutMilliseconds = 20000
            }
            let method: HTTPMethod = [.get, .post, .put, .delete][index % 4]
            let response = try transport.send(HTTPRequest(method: method, url: server.url("/r/\(index)"), body: bytes("\(index)")))
            #expect(response.status == 200)
            newConnections.append(response.newConnections)
        }
        let count = try transport.send(HTTPRequest(method: .get, url: server.url("/_count")))
        #expect(try Echo.connectionCount(count) == 1)
        #expect(transport.connectionsOpened == 1)
        #expect(newConnections.first == 1)
        #expect(newConnections.dropFirst().allSatisfy { $0 == 0 })
    }

    @Test("HTTPS connections are reused too")
    func httpsReuse() throws {
        let certificate = try TestCertificate.shared()
        let server = try TestServer(tls: certificate)
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions(caFile: certificate.certFile))
        for _ in 0..<10 {
            #expect(try transport.send(HTTPRequest(method: .get, url: server.url("/x"))).status == 200)
        }
        let count = try transport.send(HTTPRequest(method: .get, url: server.url("/_count")))
        #expect(try Echo.connectionCount(count) == 1)
        #expect(transport.connectionsOpened == 1)
    }
}
