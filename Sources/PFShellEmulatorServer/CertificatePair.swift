import NIOSSL

/// A server certificate (or chain) and its private key, both as PEM text.
public struct CertificatePair: Sendable {
    public let certificatePEM: String
    public let privateKeyPEM: String

    public init(certificatePEM: String, privateKeyPEM: String) {
        self.certificatePEM = certificatePEM
        self.privateKeyPEM = privateKeyPEM
    }

    /// Reads the PEM files given with `--cert` and `--key`, and checks that each holds what it should.
    public static func load(certificateFile: String, keyFile: String) throws(EmulatorServerError) -> CertificatePair {
        let certificateBytes = try FileBytes.contents(of: certificateFile, what: "certificate")
        let keyBytes = try FileBytes.contents(of: keyFile, what: "private key")
        guard (try? certificates(certificateBytes)) != nil else {
            throw EmulatorServerError("the certificate file \(certificateFile) holds no pem certificate")
        }
        guard (try? privateKey(keyBytes)) != nil else {
            throw EmulatorServerError("the private key file \(keyFile) holds no pem private key")
        }
        return CertificatePair(
            certificatePEM: String(decoding: certificateBytes, as: UTF8.self),
            privateKeyPEM: String(decoding: keyBytes, as: UTF8.self)
        )
    }

    /// A server TLS configuration holding this pair. It also builds a TLS context once, so a key that
    /// does not match the certificate fails here, at start, rather than on the first connection.
    public func tlsConfiguration() throws(EmulatorServerError) -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try Self.certificates(Array(certificatePEM.utf8))
            key = try Self.privateKey(Array(privateKeyPEM.utf8))
        } catch {
            throw EmulatorServerError("the certificate or key is not valid pem: \(Self.describe(error))")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) },
            privateKey: .privateKey(key)
        )
        // At shutdown, an idle keep-alive client (pfsh, whose sandbox is stopping) never answers the
        // close_notify; waiting NIOSSL's default 5 s for it would only delay the exit.
        configuration.shutdownTimeout = .milliseconds(200)
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw EmulatorServerError("the private key does not match the certificate: \(Self.describe(error))")
        }
        return configuration
    }

    private static func certificates(_ pem: [UInt8]) throws -> [NIOSSLCertificate] {
        let chain = try NIOSSLCertificate.fromPEMBytes(pem)
        guard !chain.isEmpty else { throw EmulatorServerError("no certificate") }
        return chain
    }

    private static func privateKey(_ pem: [UInt8]) throws -> NIOSSLPrivateKey {
        try NIOSSLPrivateKey(bytes: pem, format: .pem)
    }

    static func describe(_ error: any Error) -> String {
        String(describing: error).lowercased()
    }
}
