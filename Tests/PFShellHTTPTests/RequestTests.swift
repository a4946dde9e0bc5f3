import PFShellHTTP
import Testing

@Suite("requests and responses")
struct RequestTests {
    @Test("method, header and UTF-8 body round-trip", arguments: [HTTPMethod.get, .post, .put, .delete])
    func roundTrip(method: HTTPMethod) throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions())
        let body = #"{"name":"café ✓ 日本"}"#
        let response = try transport.send(HTTPRequest(
            method: method,
            url: server.url("/clusters/caf%C3%A9?x=1"),
            headers: [(name: "X-Pfsh-Note", value: "ünïcødé ✓"), (name: "Content-Type", value: "application/json")],
            body: bytes(body)
        ))
        #expect(response.status == 200)
        #expect(response.header("content-type") == "application/json; charset=utf-8")
        #expect(response.header("X-ECHO-SERVER") == "pfsh-tests")
        let echo = try Echo(response)
        #expect(echo.method == method.rawValue)
        #expect(echo.path == "/clusters/caf%C3%A9?x=1")
        #expect(echo.body == body)
        #expect(echo.bodyLength == body.utf8.count)
        #expect(echo.header("X-Pfsh-Note") == "ünïcødé ✓")
        #expect(echo.header("Content-Type") == "application/json")
        #expect(echo.header("Expect") == nil)
        #expect(echo.header("User-Agent") == "pfsh")
    }

    @Test("POST and PUT without a body send zero length; GET and DELETE send none")
    func emptyBodies() throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions(userAgent: "pfsh-test/1"))
        for method in [HTTPMethod.post, .put] {
            let echo = try Echo(transport.send(HTTPRequest(method: method, url: server.url("/e"))))
            #expect(echo.method == method.rawValue)
            #expect(echo.header("Content-Length") == "0")
            #expect(echo.header("Content-Type") == nil)
            #expect(echo.bodyLength == 0)
        }
        for method in [HTTPMethod.get, .delete] {
            let echo = try Echo(transport.send(HTTPRequest(method: method, url: server.url("/e"))))
            #expect(echo.method == method.rawValue)
            #expect(echo.header("Content-Length") == nil)
            #expect(echo.header("User-Agent") == "pfsh-test/1")
        }
    }

    @Test("options of one request do not stick to the next")
    func resetBetweenRequests() throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions())
        _ = try transport.send(HTTPRequest(method: .delete, url: server.url("/a"), headers: [(name: "X-Once", value: "1")]))
        _ = try transport.send(HTTPRequest(method: .put, url: server.url("/a"), body: bytes("x")))
        let echo = try Echo(transport.send(HTTPRequest(method: .get, url: server.url("/b"))))
        #expect(echo.method == "GET")
        #expect(echo.header("X-Once") == nil)
        #expect(echo.bodyLength == 0)
    }

    @Test("a large body is sent at once, without waiting for 100-continue")
    func largeBody() throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions())
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 2 * 1024 * 1024)
        let echo = try Echo(transport.send(HTTPRequest(method: .post, url: server.url("/big"), body: body)))
        #expect(echo.bodyLength == body.count)
        #expect(echo.header("Expect") == nil)
    }

    @Test("Basic credentials are sent; a wrong password is a 401 response, not an error")
    func basicAuth() throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions(
            credentials: .basic(user: "admin", password: "s3cret-pw")))
        let ok = try transport.send(HTTPRequest(method: .get, url: server.url("/secure")))
        #expect(ok.status == 200)
        #expect(try Echo(ok).header("Authorization") == "Basic YWRtaW46czNjcmV0LXB3")

        transport.options.credentials = .basic(user: "admin", password: "wrong")
        let denied = try transport.send(HTTPRequest(method: .get, url: server.url("/secure")))
        #expect(denied.status == 401)
        #expect(denied.header("www-authenticate") == #"Basic realm="pf""#)
        #expect(text(denied.body) == #"{"error": "unauthorized"}"#)

        transport.options.credentials = .none
        #expect(try transport.send(HTTPRequest(method: .get, url: server.url("/secure"))).status == 401)
    }

    @Test("a bearer token goes in the Authorization header")
    func bearerAuth() throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions(credentials: .bearer(token: "tok-123")))
        let response = try transport.send(HTTPRequest(method: .post, url: server.url("/secure"), body: bytes("{}")))
        #expect(response.status == 200)
        #expect(try Echo(response).header("Authorization") == "Bearer tok-123")
    }

    @Test("a header with a line break is refused before anything is sent")
    func headerInjection() throws {
        let transport = try CurlTransport(options: TransportOptions())
        let error = transportError {
            try transport.send(HTTPRequest(
                method: .get, url: "http://127.0.0.1:1/", headers: [(name: "X-A", value: "1\r\nX-Evil: 2")]))
        }
        #expect(error?.kind == .other)
        #expect(error?.message == "header X-A contains a line break")
    }

    @Test("the library version names libcurl")
    func libraryVersion() {
        #expect(CurlTransport.libraryVersion.hasPrefix("libcurl/"))
    }
}

@Suite("cookies and redirects")
struct CookieAndRedirectTests {
    @Test("with keepsCookies a cookie comes back on later requests, until forgotten")
    func cookiesAreKept() throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions(keepsCookies: true))
        let first = try Echo(transport.send(HTTPRequest(method: .get, url: server.url("/cookie?v=abc"))))
        #expect(first.header("Cookie") == nil)
        let second = try Echo(transport.send(HTTPRequest(method: .post, url: server.url("/next"), body: bytes("x"))))
        #expect(second.header("Cookie") == "session=abc")
        transport.forgetCookies()
        let third = try Echo(transport.send(HTTPRequest(method: .get, url: server.url("/after"))))
        #expect(third.header("Cookie") == nil)
    }

    @Test("without keepsCookies no cookie is sent back")
    func cookiesAreNotKeptByDefault() throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions())
        _ = try transport.send(HTTPRequest(method: .get, url: server.url("/cookie?v=abc")))
        let next = try Echo(transport.send(HTTPRequest(method: .get, url: server.url("/next"))))
        #expect(next.header("Cookie") == nil)
    }

    @Test("a redirect is returned, never followed")
    func redirectsAreNotFollowed() throws {
        let server = try TestServer()
        defer { server.stop() }
        let transport = try CurlTransport(options: TransportOptions(keepsCookies: true))
        let response = try transport.send(HTTPRequest(method: .get, url: server.url("/redirect")))
        #expect(response.status == 302)
        #expect(response.header("Location") == "/elsewhere")
    }
}
