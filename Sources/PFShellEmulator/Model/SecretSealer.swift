import Crypto
import Foundation

/// Seals a client secret into an `encryptedSecret` the way PingFederate presents it: an opaque
/// string that differs on every read (a fresh nonce each time) and that the server can open again,
/// so a full-replace `PUT` that echoes it keeps the secret.
struct SecretSealer {
    static let prefix = "OBF:JWE:"
    let key: SymmetricKey

    init(key: [UInt8]) {
        self.key = SymmetricKey(data: key)
    }

    func seal(_ secret: String, nonce: [UInt8]) -> String {
        guard let nonce = try? AES.GCM.Nonce(data: nonce),
            let box = try? AES.GCM.seal(Data(secret.utf8), using: key, nonce: nonce),
            let combined = box.combined
        else { return Self.prefix }
        return Self.prefix + Self.base64URL(combined)
    }

    /// The secret inside an `encryptedSecret` this server issued; nil for anything else.
    func open(_ sealed: String) -> String? {
        guard sealed.hasPrefix(Self.prefix),
            let data = Self.fromBase64URL(String(sealed.dropFirst(Self.prefix.count))),
            let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(box, using: key)
        else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func fromBase64URL(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
