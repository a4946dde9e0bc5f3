import Crypto
import Foundation

/// Proof Key for Code Exchange (RFC 7636).
enum PKCE {
    /// A `code_verifier` or `code_challenge`: 43 to 128 unreserved characters (RFC 7636 §4.1, §4.2).
    static func isWellFormed(_ value: String) -> Bool {
        (43...128).contains(value.utf8.count)
            && value.unicodeScalars.allSatisfy { $0.isASCII && (isAlphanumeric($0) || "-._~".unicodeScalars.contains($0)) }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Whether `verifier` answers `challenge`: equal for `plain`, BASE64URL(SHA256(verifier)) for `S256`.
    static func verify(_ verifier: String, against challenge: CodeChallenge) -> Bool {
        guard isWellFormed(verifier) else { return false }
        switch challenge.method {
        case .plain:
            return ClientAuthentication.equal(verifier, challenge.value)
        case .s256:
            return ClientAuthentication.equal(s256(verifier), challenge.value)
        }
    }

    static func s256(_ verifier: String) -> String {
        let digest = SHA256.hash(data: Data(verifier.utf8))
        return Data(digest).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
