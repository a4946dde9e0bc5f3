import Foundation
import NIOSSL
import PFShellTestSupport
import SwiftASN1
import Testing
import X509

@testable import PFShellEmulatorServer

@Suite struct CertificateTests {
    @Test func generatedPairLoadsIntoNIOSSL() throws {
        let pair = try SelfSignedCertificate.generate()
        #expect(pair.certificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----"))
        #expect(pair.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(try NIOSSLCertificate.fromPEMBytes(Array(pair.certificatePEM.utf8)).count == 1)
        _ = try NIOSSLPrivateKey(bytes: Array(pair.privateKeyPEM.utf8), format: .pem)
        _ = try pair.tlsConfiguration()
    }

    /// The profile that curl, Python's strict mode and BoringSSL accept as a self-trusted server.
    @Test func generatedCertificateHasTheServerProfile() throws {
        let certificate = try Certificate(pemEncoded: try SelfSignedCertificate.generate().certificatePEM)
        let extensions = certificate.extensions
        #expect(try extensions.basicConstraints == .isCertificateAuthority(maxPathLength: 0))
        #expect(extensions[oid: .X509ExtensionID.basicConstraints]?.critical == true)
        let usage = try #require(try extensions.keyUsage)
        #expect(usage.digitalSignature && usage.keyCertSign)
        #expect(try extensions.extendedKeyUsage?.contains(.serverAuth) == true)
        let names = try #require(try extensions.subjectAlternativeNames)
        #expect(names.contains(.dnsName("localhost")))
        #expect(names.contains(.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))))
        let keyIdentifier = try #require(try extensions.subjectKeyIdentifier)
        #expect(try extensions.authorityKeyIdentifier?.keyIdentifier == keyIdentifier.keyIdentifier)
        #expect(certificate.issuer == certificate.subject)
    }

    @Test func givenFilesLoadAndMismatchedKeyIsRefused() throws {
        let directory = try TemporaryDirectory()
        let first = try SelfSignedCertificate.generate()
        let second = try SelfSignedCertificate.generate()
        try directory.write(first.certificatePEM, to: "cert.pem")
        try directory.write(first.privateKeyPEM, to: "key.pem")
        try directory.write(second.privateKeyPEM, to: "other-key.pem")
        let loaded = try CertificatePair.load(certificateFile: directory.file("cert.pem"), keyFile: directory.file("key.pem"))
        _ = try loaded.tlsConfiguration()
        let mismatched = try CertificatePair.load(
            certificateFile: directory.file("cert.pem"), keyFile: directory.file("other-key.pem"))
        #expect(throws: EmulatorServerError.self) { try mismatched.tlsConfiguration() }
    }

    @Test func notPEMIsAnErrorNamingTheFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("garbage\n", to: "cert.pem")
        let error = #expect(throws: EmulatorServerError.self) {
            try CertificatePair.load(certificateFile: directory.file("cert.pem"), keyFile: directory.file("cert.pem"))
        }
        #expect(error?.message.contains(directory.file("cert.pem")) == true)
    }

    @Test func publishedFilesHaveTheirModes() throws {
        let directory = try TemporaryDirectory()
        let files = try CertificateFiles.publishGenerated(try SelfSignedCertificate.generate(), caOut: directory.file("ca.pem"))
        #expect(files.certificatePath == directory.file("ca.pem"))
        #expect(files.keyPath == directory.file("ca-key.pem"))
        #expect(try directory.mode("ca.pem") == 0o644)
        #expect(try directory.mode("ca-key.pem") == 0o600)
    }
}
