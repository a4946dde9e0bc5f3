import Hummingbird
import HummingbirdCore

extension HTTPServerBuilder {
    /// HTTP/1.1 that answers `Expect: 100-continue` with an interim `100 Continue` as soon as the
    /// request head arrives. Hummingbird does not, and curl then waits a full second before sending a
    /// body over 1 MiB. The 100 goes out before any check, which is fine for an emulator.
    static func http1AnsweringExpectContinue(configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            HTTP1Channel(
                responder: { request, writer, channel in
                    if expectsContinue(request.headers) {
                        try await writer.writeInformationalHead(HTTPResponse(status: .continue))
                    }
                    try await responder(request, writer, channel)
                },
                configuration: configuration
            )
        }
    }

    private static func expectsContinue(_ headers: HTTPFields) -> Bool {
        headers.contains { $0.name.canonicalName == "expect" && $0.value.lowercased() == "100-continue" }
    }
}
