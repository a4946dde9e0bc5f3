import PFShellCore
import CCurl

/// HTTP over one libcurl easy handle that lives as long as the transport, so its connection cache,
/// DNS cache and TLS sessions are reused across requests.
///
/// Not thread-safe: call `send(_:)` and change `options` from one thread at a time. Only `cancel()`
/// may be called from any thread.
public final class CurlTransport: @unchecked Sendable {
    /// `curl_global_init` must run once per process before any handle exists; a static `let` is initialised once, thread-safely.
    private static let globalInitCode: CURLcode = pfsh_curl_global_init()

    private let handle: UnsafeMutableRawPointer
    private let cancelFlag: OpaquePointer
    /// libcurl writes the detail of a failure here; it must stay valid through every `curl_easy_perform`.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// Applied to every later request; changing it keeps the handle and its live connections.
    public var options: TransportOptions
    /// The sum of `newConnections` over the handle's life, failed requests included.
    public private(set) var connectionsOpened = 0

    public init(options: TransportOptions) throws(TransportError) {
        let initCode = Self.globalInitCode
        guard initCode == CURLE_OK else { throw Self.libraryError(initCode, what: "curl_global_init failed") }
        guard let handle = curl_easy_init() else {
            throw Self.libraryError(CURLE_FAILED_INIT, what: "curl_easy_init failed")
        }
        guard let cancelFlag = pfsh_curl_cancel_flag_create() else {
            curl_easy_cleanup(handle)
            throw Self.libraryError(CURLE_OUT_OF_MEMORY, what: "cannot allocate the cancel flag")
        }
        self.handle = handle
        self.cancelFlag = cancelFlag
        let size = Int(CURL_ERROR_SIZE)
        errorBuffer = .allocate(capacity: size)
        errorBuffer.initialize(repeating: 0, count: size)
        self.options = options
    }

    deinit {
        curl_easy_cleanup(handle)
        pfsh_curl_cancel_flag_destroy(cancelFlag)
        errorBuffer.deallocate()
    }

    /// The libcurl build in use, e.g. `libcurl/7.88.1 OpenSSL/3.0.19 …`.
    public static var libraryVersion: String {
        guard let version = curl_version() else { return "libcurl" }
        return String(cString: version)
    }

    /// Drops every cookie the handle keeps (``TransportOptions/keepsCookies``).
    public func forgetCookies() {
        _ = pfsh_curl_setopt_string(handle, CURLOPT_COOKIELIST, "ALL")
    }

    /// Makes the `send(_:)` in flight on another thread fail with `.cancelled`. Safe from any thread.
    /// A cancel while no request is in flight has no effect: each `send` starts uncancelled.
    /// The transfer's wait is woken at once, so the abort takes effect within milliseconds.
    public func cancel() {
        pfsh_curl_cancel_flag_set(cancelFlag, 1)
    }

    /// Performs one request. Any HTTP status is a response; only a failure to get one throws.
    public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        pfsh_curl_cancel_flag_set(cancelFlag, 0)
        // Clears every option of the previous request but keeps live connections and caches.
        curl_easy_reset(handle)
        errorBuffer[0] = 0

        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        let sink = ResponseSink()

        var bodyWentOut = false
        let code: CURLcode = try withExtendedLifetime(sink) { () throws(TransportError) -> CURLcode in
            try configureConnection(url: request.url)
            try configureCallbacks(sink: sink)
            let body = try configureMethod(request)
            defer {
                if let body {
                    bodyWentOut = pfsh_curl_body_read(body) > 0
                    pfsh_curl_body_destroy(body)
                }
            }
            headerList = try buildHeaderList(request.headers, hasBody: body != nil)
            try check(pfsh_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList)))
            let code = pfsh_curl_perform(handle, cancelFlag)
            // The list is freed on return: do not leave libcurl holding it.
            _ = pfsh_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, nil)
            return code
        }

        var connects = 0
        _ = pfsh_curl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
        connectionsOpened += connects
        guard code == CURLE_OK else { throw transferError(code, bodyWentOut: bodyWentOut) }

        var status = 0
        try check(pfsh_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status))
        var microseconds: curl_off_t = 0
        _ = pfsh_curl_getinfo_offset(handle, CURLINFO_TOTAL_TIME_T, &microseconds)
        return HTTPResponse(
            status: status,
            headers: sink.headers,
            body: sink.body,
            newConnections: connects,
            milliseconds: Double(microseconds) / 1000
        )
    }

    // MARK: - Per-request configuration

    private func configureConnection(url: String) throws(TransportError) {
        try check(pfsh_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)))
        try check(pfsh_curl_setopt_string(handle, CURLOPT_URL, url))
        try check(pfsh_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        // Signals would interrupt other threads' syscalls; timeouts then rely on the resolver being threaded.
        try check(pfsh_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(pfsh_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, max(1, options.connectTimeoutMilliseconds)))
        try check(pfsh_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, max(1, options.timeoutMilliseconds)))
        try check(pfsh_curl_setopt_string(handle, CURLOPT_USERAGENT, options.userAgent))
        // A redirect is an answer to report, never a request to make.
        try check(pfsh_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0))
        if options.keepsCookies {
            // An empty file name turns the in-memory cookie engine on; its cookies outlive curl_easy_reset.
            try check(pfsh_curl_setopt_string(handle, CURLOPT_COOKIEFILE, ""))
        }
        if options.insecure {
            try check(pfsh_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 0))
            try check(pfsh_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 0))
        } else if let caFile = options.caFile {
            try check(pfsh_curl_setopt_string(handle, CURLOPT_CAINFO, caFile))
        }
        if case .basic(let user, let password) = options.credentials {
            try check(pfsh_curl_setopt_long(handle, CURLOPT_HTTPAUTH, PFSH_CURLAUTH_BASIC))
            try check(pfsh_curl_setopt_string(handle, CURLOPT_USERNAME, user))
            try check(pfsh_curl_setopt_string(handle, CURLOPT_PASSWORD, password))
        }
    }

    private func configureCallbacks(sink: ResponseSink) throws(TransportError) {
        let context = Unmanaged.passUnretained(sink).toOpaque()
        try check(pfsh_curl_setopt_data_cb(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            let length = size * count
            guard let context else { return 0 }
            Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
                .appendBody(UnsafeRawBufferPointer(start: data, count: length))
            return length
        })
        try check(pfsh_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context))
        try check(pfsh_curl_setopt_data_cb(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            let length = size * count
            guard let context else { return 0 }
            Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
                .appendHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
            return length
        })
        try check(pfsh_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context))
    }

    /// Setting a body makes libcurl POST; any other method then goes in CUSTOMREQUEST.
    /// Returns the body libcurl reads, which the caller destroys after the transfer; nil for none.
    private func configureMethod(_ request: HTTPRequest) throws(TransportError) -> OpaquePointer? {
        var bytes = request.body
        if bytes == nil, request.method == .post || request.method == .put {
            bytes = []  // a zero-length body still gets `Content-Length: 0`
        }
        if let bytes {
            guard let body = bytes.withUnsafeBytes({ pfsh_curl_body_create($0.baseAddress, $0.count) }) else {
                throw Self.libraryError(CURLE_OUT_OF_MEMORY, what: "cannot copy the request body")
            }
            do {
                try check(pfsh_curl_set_body(handle, body))
                if request.method != .post {
                    try check(pfsh_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method.rawValue))
                }
            } catch {
                pfsh_curl_body_destroy(body)
                throw error
            }
            return body
        }
        if request.method == .get {
            try check(pfsh_curl_setopt_long(handle, CURLOPT_HTTPGET, 1))
        } else {
            try check(pfsh_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method.rawValue))
        }
        return nil
    }

    /// Returns a list the caller frees with `curl_slist_free_all`, also when this throws part-way.
    private func buildHeaderList(
        _ headers: [(name: String, value: String)],
        hasBody: Bool
    ) throws(TransportError) -> UnsafeMutablePointer<curl_slist>? {
        // An empty `Expect:` stops libcurl from waiting for `100 Continue` before large bodies.
        var lines = ["Expect:"]
        let names = Set(headers.map { HeaderName.folded($0.name) })
        if case .bearer(let token) = options.credentials, !names.contains("authorization") {
            lines.append("Authorization: Bearer \(token)")
        }
        if hasBody, !names.contains("content-type") {
            // Otherwise libcurl labels every body `application/x-www-form-urlencoded`.
            lines.append("Content-Type:")
        }
        for header in headers {
            guard !header.name.isEmpty, HeaderName.isSafe(header.name), !header.name.contains(":") else {
                throw TransportError(kind: .other, curlCode: 0, message: "invalid header name")
            }
            guard HeaderName.isSafe(header.value) else {
                throw TransportError(
                    kind: .other, curlCode: 0, message: "header \(header.name) contains a line break")
            }
            // libcurl removes a header given as `Name:`; `Name;` sends it with an empty value.
            lines.append(header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)")
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let appended = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                throw Self.libraryError(CURLE_OUT_OF_MEMORY, what: "cannot build the header list")
            }
            list = appended
        }
        return list
    }

    // MARK: - Errors

    private func check(_ code: CURLcode) throws(TransportError) {
        guard code == CURLE_OK else { throw transferError(code) }
    }

    /// libcurl resends a request whose reused connection closed unanswered on a fresh one, and
    /// when that connection fails the error is the connect's, although the body already went out
    /// once: then the request may have arrived, and the failure is a lost connection.
    private func transferError(_ code: CURLcode, bodyWentOut: Bool) -> TransportError {
        let error = transferError(code)
        guard bodyWentOut, [.dns, .refused, .tls].contains(error.kind) else { return error }
        return TransportError(
            kind: .connectionLost, curlCode: error.curlCode,
            message: "the connection closed after the request was sent, and a new one failed: " + error.message)
    }

    private func transferError(_ code: CURLcode) -> TransportError {
        let summary = curl_easy_strerror(code).map { String(cString: $0) } ?? "curl error"
        let detail = String(cString: errorBuffer)
        var text = Self.tidy(summary)
        let tidyDetail = Self.tidy(detail)
        if !tidyDetail.isEmpty, tidyDetail != text { text += ": " + tidyDetail }
        let secrets = options.credentials.secrets
        return TransportError(
            kind: TransportError.kind(forCurlCode: Int(code.rawValue)),
            curlCode: Int(code.rawValue),
            message: SecretRedaction.redact(text, secrets: secrets)
        )
    }

    private static func libraryError(_ code: CURLcode, what: String) -> TransportError {
        TransportError(kind: .other, curlCode: Int(code.rawValue), message: what)
    }

    /// Lowercase, one line, no trailing period.
    private static func tidy(_ text: String) -> String {
        var result = Substring(text.lowercased())
        while let last = result.last, last == "." || last.isWhitespace { result = result.dropLast() }
        while let first = result.first, first.isWhitespace { result = result.dropFirst() }
        return String(result.map { $0.isNewline ? " " : $0 })
    }
}
