/// The value lists of the 12.1 Client model's enumerated fields, in the spec's order.
enum ClientEnums {
    static let serverDefaultOrOverride = ["SERVER_DEFAULT", "OVERRIDE_SERVER_DEFAULT"]
    static let expiryType = ["INDEFINITE_EXPIRY", "SERVER_DEFAULT", "OVERRIDE_SERVER_DEFAULT"]
    static let grantTimeUnit = ["MINUTES", "DAYS", "HOURS"]
    static let rollingIntervalTimeUnit = ["SECONDS", "MINUTES", "HOURS"]
    static let refreshRolling = ["SERVER_DEFAULT", "DONT_ROLL", "ROLL"]
    static let replicationStatus = ["REPLICATED", "NOT_REPLICATED"]
    static let serverDefaultNoYes = ["SERVER_DEFAULT", "NO", "YES"]
    static let cibaDeliveryMode = ["POLL", "PING"]
    static let clientAuthType = ["NONE", "SECRET", "CERTIFICATE", "PRIVATE_KEY_JWT", "CLIENT_SECRET_JWT"]
    static let logoutMode = ["NONE", "OIDC_FRONT_CHANNEL", "OIDC_BACK_CHANNEL", "PING_FRONT_CHANNEL"]

    /// Request objects are signed with the client's key, so no HMAC algorithms (9 values).
    static let requestObjectSigning = [
        "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512",
    ]
    /// Response signing for introspection and JARM (12 values).
    static let responseSigning = [
        "RS256", "RS384", "RS512", "HS256", "HS384", "HS512",
        "ES256", "ES384", "ES512", "PS256", "PS384", "PS512",
    ]
    /// Token endpoint authentication JWTs (12 values, HMAC last as in the spec).
    static let tokenEndpointAuthSigning = [
        "RS256", "RS384", "RS512", "ES256", "ES384", "ES512",
        "PS256", "PS384", "PS512", "HS256", "HS384", "HS512",
    ]
    /// ID token signing: NONE plus 12 algorithms.
    static let idTokenSigning = [
        "NONE", "HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
        "ES256", "ES384", "ES512", "PS256", "PS384", "PS512",
    ]
    /// JWE key management algorithms (13 values).
    static let keyEncryption = [
        "DIR", "A128KW", "A192KW", "A256KW", "A128GCMKW", "A192GCMKW", "A256GCMKW",
        "ECDH_ES", "ECDH_ES_A128KW", "ECDH_ES_A192KW", "ECDH_ES_A256KW", "RSA_OAEP", "RSA_OAEP_256",
    ]
    /// JWE content encryption algorithms (6 values).
    static let contentEncryption = [
        "AES_128_CBC_HMAC_SHA_256", "AES_192_CBC_HMAC_SHA_384", "AES_256_CBC_HMAC_SHA_512",
        "AES_128_GCM", "AES_192_GCM", "AES_256_GCM",
    ]
}
