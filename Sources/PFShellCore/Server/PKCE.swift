/// Proof Key for Code Exchange with the S256 method (RFC 7636 §4.2): the challenge is
/// BASE64URL(SHA256(verifier)) without padding.
enum PKCE {
    static func s256Challenge(_ verifier: String) -> String {
        base64URL(SHA256Digest.hash(Array(verifier.utf8)))
    }

    /// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5).
    static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var out = ""
        for start in stride(from: 0, to: bytes.count, by: 3) {
            let chunk = Array(bytes[start..<min(start + 3, bytes.count)])
            let padded = chunk + Array(repeating: 0, count: 3 - chunk.count)
            let bits = Int(padded[0]) << 16 | Int(padded[1]) << 8 | Int(padded[2])
            for index in 0...chunk.count { out.append(alphabet[(bits >> (18 - 6 * index)) & 63]) }
        }
        return out
    }
}
