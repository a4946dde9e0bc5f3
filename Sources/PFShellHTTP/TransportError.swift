/// A request that produced no HTTP response. The message never contains a password or token.
public struct TransportError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case dnsFailure
        case connectionRefused
        case tlsFailure
        case timeout
        case cancelled
        case other
    }

    public let kind: Kind
    /// The `CURLcode`, or 0 when the error did not come from libcurl.
    public let curlCode: Int
    /// Lowercase, without trailing period: libcurl's text for the code, then its detail if it adds any.
    public let message: String

    public init(kind: Kind, curlCode: Int, message: String) {
        self.kind = kind
        self.curlCode = curlCode
        self.message = message
    }

    /// The kind for a `CURLcode`.
    static func kind(forCurlCode code: Int) -> Kind {
        switch code {
        case 6: .dnsFailure
        case 7: .connectionRefused
        case 28: .timeout
        case 42: .cancelled
        case 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91: .tlsFailure
        default: .other
        }
    }
}

extension TransportError: CustomStringConvertible {
    public var description: String {
        curlCode == 0 ? message : "\(message) (curl error \(curlCode))"
    }
}
