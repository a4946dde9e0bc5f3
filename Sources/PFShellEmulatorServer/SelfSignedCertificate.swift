import Crypto
import Foundation
import SwiftASN1
import X509

/// Makes the certificate the emulator serves when none is given: a P-256 key and a certificate that
/// is its own trust anchor, so clients verify it with `--cacert ca.pem`.
///
/// The profile is the one curl, Python (also with `VERIFY_X509_STRICT`) and BoringSSL all accept:
/// CA:TRUE (critical), key usage digitalSignature + keyCertSign (critical; without digitalSignature
/// BoringSSL refuses an EC server certificate), EKU serverAuth, SAN localhost/127.0.0.1/::1, SKI and
/// an AKI equal to it.
public enum SelfSignedCertificate {
    public static func generate(validForDays days: Int = 365, now: Date = Date()) throws(EmulatorServerError)
        -> CertificatePair
    {
        do {
            let signingKey = P256.Signing.PrivateKey()
            let key = Certificate.PrivateKey(signingKey)
            let name = try DistinguishedName {
                OrganizationName("pfsh emulator")
                CommonName("localhost")
            }
            let certificate = try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(),
                publicKey: key.publicKey,
                notValidBefore: now.addingTimeInterval(-3600),
                notValidAfter: now.addingTimeInterval(Double(days) * 86_400),
                issuer: name,
                subject: name,
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try extensions(for: key.publicKey),
                issuerPrivateKey: key
            )
            return CertificatePair(
                certificatePEM: try certificate.serializeAsPEM().pemString,
                privateKeyPEM: signingKey.pemRepresentation
            )
        } catch {
            throw EmulatorServerError("cannot make a self-signed certificate: \(CertificatePair.describe(error))")
        }
    }

    private static func extensions(for publicKey: Certificate.PublicKey) throws -> Certificate.Extensions {
        let keyIdentifier = SubjectKeyIdentifier(hash: publicKey)
        return try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
            Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
            try ExtendedKeyUsage([.serverAuth])
            SubjectAlternativeNames([
                .dnsName("localhost"),
                .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                .ipAddress(ASN1OctetString(contentBytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
            ])
            keyIdentifier
            AuthorityKeyIdentifier(keyIdentifier: keyIdentifier.keyIdentifier)
        }
    }
}
