import PFShellCore

/// A request that produced no HTTP response: the core's kind of failure, with libcurl's code. The
/// message never contains a password or token.
public struct TransportError: Error, Sendable, Equatable {
    public typealias Kind = TransportFailure.Kind

    public let kind: Kind
    /// The `CURLcode`, or 0 when the error did not come from libcurl.
    public let curlCode: Int
    /// Lowercase, without trailing period: libcurl's text for the code, then its detail if it adds any.
    public let message: String

    /// The kind for a `CURLcode`.
    static func kind(forCurlCode code: Int) -> Kind {
        switch code {
        case 6: .dns
        case 7: .refused
        case 28: .timeout
        case 42: .cancelled
        // A partial answer, an empty reply, a failed send or receive, or a body libcurl was not
        // allowed to send again on a fresh connection (the request may have reached the server).
        case 18, 52, 55, 56, 65: .connectionLost
        case 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91: .tls
        default: .other
        }
    }
}

extension TransportError: CustomStringConvertible {
    public var description: String {
        curlCode == 0 ? message : "\(message) (curl error \(curlCode))"
    }
}
