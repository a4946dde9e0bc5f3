/// Who is calling the token, introspection or revocation endpoint (RFC 6749 §2.3): a client with a
/// secret sends it with HTTP Basic (id and secret form-encoded, RFC 6749 §2.3.1) or as the
/// `client_id` and `client_secret` parameters, never both; a client whose `clientAuth.type` is
/// `NONE` sends only its `client_id`. A secret client may use its secret or any of its secondary
/// secrets that has not expired. Any failure is PingFederate's 401 `invalid_client`, whatever the
/// reason, so a caller cannot tell an unknown client from a wrong (or expired) secret or a disabled
/// client.
struct ClientAuthentication {
    let exchange: RuntimeExchange
    let parameters: OAuthParameters

    func authenticate() throws(OAuthError) -> RuntimeClient {
        var basic: (id: String, secrets: [String])?
        if let header = exchange.request.header("Authorization"), header.lowercased().hasPrefix("basic ") {
            guard let credentials = Self.decodeBasic(String(header.dropFirst(6))) else {
                throw .invalidClient
            }
            basic = credentials
        }
        let formID = parameters["client_id"]
        let formSecret = parameters["client_secret"]
        if basic != nil, formSecret != nil {
            throw .invalidRequest("The client authenticated in more than one way (HTTP Basic and client_secret).")
        }
        if let basic, let formID, formID != basic.id { throw .invalidClient }
        guard let id = basic?.id ?? formID, let client = exchange.client(id) else { throw .invalidClient }
        let secrets = basic?.secrets ?? formSecret.map { [$0] } ?? []
        switch client.authenticationType {
        case "SECRET":
            let accepted = client.stored.acceptedSecrets(at: exchange.now)
            guard secrets.contains(where: { sent in accepted.contains { Self.equal(sent, $0) } }) else {
                throw .invalidClient
            }
        case "NONE":
            // A public client has no secret; one that sends a non-empty secret is not who it says.
            guard secrets.allSatisfy(\.isEmpty) else { throw .invalidClient }
        default:
            // Mutual TLS and JWT client authentication are not emulated.
            throw .invalidClient
        }
        return client
    }

    /// `Basic base64(id:secret)` → the id and the secret. Both should be form-encoded first
    /// (RFC 6749 §2.3.1); many clients do not, so the secret is tried both decoded and as sent.
    static func decodeBasic(_ encoded: String) -> (id: String, secrets: [String])? {
        let text = encoded.trimmingSpaces
        guard let decoded = Base64.decode(text), Base64.decodeBytes(text) != nil,
            let colon = decoded.firstIndex(of: ":")
        else { return nil }
        let rawID = decoded[..<colon]
        let rawSecret = decoded[decoded.index(after: colon)...]
        let secret = PercentDecoding.decode(rawSecret, plusIsSpace: true)
        return (
            PercentDecoding.decode(rawID, plusIsSpace: true),
            secret == String(rawSecret) ? [secret] : [secret, String(rawSecret)]
        )
    }

    /// Compares secrets in time that depends only on their lengths.
    static func equal(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
