import Synchronization
import Dispatch
import PFShellHTTP
import Testing

@Suite("transport failures")
struct FailureTests {
    @Test("nothing listening is refused")
    func refused() throws {
        let transport = try CurlTransport(options: TransportOptions())
        let error = transportError { try transport.send(HTTPRequest(method: .get, url: "http://127.0.0.1:1/")) }
        #expect(error?.kind == .refused)
        #expect(error?.curlCode == 7)
        #expect(error?.message.hasPrefix("couldn't connect to server") == true)
    }

    @Test("an unknown host is a DNS failure")
    func unknownHost() throws {
        let transport = try CurlTransport(options: TransportOptions())
        let error = transportError { try transport.send(HTTPRequest(method: .get, url: "http://no-such-host.invalid/")) }
        #expect(error?.kind == .dns)
        #expect(error?.curlCode == 6)
    }

    @Test("a server slower than timeoutMilliseconds is a timeout")
    func timeout() throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions(timeoutMilliseconds: 300))
        let start = ContinuousClock.now
        let error = transportError { try transport.send(HTTPRequest(method: .get, url: server.url("/sleep?ms=3000"))) }
        #expect(error?.kind == .timeout)
        #expect(error?.curlCode == 28)
        #expect(ContinuousClock.now - start < .milliseconds(2500))
    }

    @Test("cancel() from another thread makes the send fail with cancelled; the next send works")
    func cancelFromAnotherThread() throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions())
        let cancelledAt = Mutex<ContinuousClock.Instant?>(nil)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(300)) {
            cancelledAt.withLock { $0 = .now }
            transport.cancel()
        }
        let error = transportError { try transport.send(HTTPRequest(method: .get, url: server.url("/sleep?ms=6000"))) }
        let stopped = ContinuousClock.now
        #expect(error?.kind == .cancelled)
        #expect(error?.curlCode == 42)
        let latency = cancelledAt.withLock { $0.map { stopped - $0 } }
        #expect(latency.map { $0 < .milliseconds(100) } == true, "the send stopped \(String(describing: latency)) after cancel()")
        #expect(try transport.send(HTTPRequest(method: .get, url: server.url("/after"))).status == 200)
    }

    @Test("passwords and tokens never appear in errors or descriptions")
    func secretsStayHidden() throws {
        let password = "hunter2-Secret"
        var options = TransportOptions(credentials: .basic(user: "admin", password: password))
        #expect(!String(describing: options).contains(password))
        #expect(!String(reflecting: options.credentials).contains(password))
        var dumped = ""
        dump(options, to: &dumped)
        #expect(!dumped.contains(password))

        let transport = try CurlTransport(options: options)
        let urls = ["http://127.0.0.1:1/", "http://no-such-host.invalid/", "http://admin:\(password)@127.0.0.1:1/"]
        for url in urls {
            let error = transportError { try transport.send(HTTPRequest(method: .get, url: url)) }
            #expect(error != nil)
            #expect(error.map { !$0.message.contains(password) && !"\($0)".contains(password) } == true)
        }

        options.credentials = .bearer(token: "tok-\(password)")
        transport.options = options
        #expect(!String(describing: options).contains(password))
        let error = transportError {
            try transport.send(HTTPRequest(method: .get, url: "ftp://tok-\(password)@127.0.0.1/"))
        }
        #expect(error?.kind == .other)
        #expect(error.map { !$0.message.contains(password) } == true)
    }
}

/// libcurl sends a request again, on a fresh connection, when a reused connection closes before
/// the answer begins, although the server may have received it. Bodies go through a read callback
/// whose seek callback refuses to rewind, so the request is sent once and the failure says the
/// connection was lost.
@Suite("a request is never sent twice by libcurl")
struct NeverTwiceTests {
    private func dropped(_ transport: CurlTransport, _ server: TestServer) throws -> String {
        text(try transport.send(HTTPRequest(method: .get, url: server.url("/_dropped"))).body)
    }

    @Test("a POST on a reused connection that closes unanswered is not resent: send-fail-rewind")
    func reusedConnection() throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions())
        #expect(try transport.send(HTTPRequest(method: .get, url: server.url("/warm"))).status == 200)
        let error = transportError {
            try transport.send(HTTPRequest(method: .post, url: server.url("/drop"), body: bytes(#"{"clientId":"dropme"}"#)))
        }
        #expect(error?.kind == .connectionLost)
        #expect(error?.curlCode == 65)
        #expect(try dropped(transport, server) == #"{"dropped": 1}"#)
    }

    @Test("when the fresh connection for libcurl's resend fails, the failure is a lost connection, not a refusal")
    func resendCannotConnect() throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions())
        #expect(try transport.send(HTTPRequest(method: .get, url: server.url("/warm"))).status == 200)
        let error = transportError {
            try transport.send(HTTPRequest(method: .post, url: server.url("/drop?exit=1"), body: bytes(#"{"clientId":"gone"}"#)))
        }
        #expect(error?.kind == .connectionLost, "\(String(describing: error))")
        #expect(error?.curlCode == 7)
    }

    @Test("a PUT on a fresh connection that closes unanswered is an empty reply, sent once")
    func freshConnection() throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions())
        let error = transportError {
            try transport.send(HTTPRequest(method: .put, url: server.url("/drop"), body: bytes(#"{"a":1}"#)))
        }
        #expect(error?.kind == .connectionLost)
        #expect(error?.curlCode == 52)
        #expect(try dropped(transport, server) == #"{"dropped": 1}"#)
    }

    @Test("bodies still arrive whole, empty ones included, and a redirect answer is kept")
    func bodiesArriveWhole() throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions())
        let large = String(repeating: "x", count: 300_000)
        let echoed = try transport.send(HTTPRequest(method: .put, url: server.url("/big"), body: bytes(large)))
        #expect(text(echoed.body).contains(#""bodyLength": 300000"#))
        let empty = try transport.send(HTTPRequest(method: .post, url: server.url("/empty")))
        #expect(text(empty.body).contains(#""bodyLength": 0"#))
    }
}
