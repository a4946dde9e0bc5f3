import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The certificate as clients find it on disk: the file printed after `ca-file`, and for a
/// generated certificate its key beside it (mode 0600).
struct CertificateFiles {
    /// Absolute path of the certificate PEM (mode 0644).
    let certificatePath: String
    let keyPath: String?
    /// A directory made for these files, removed again at shutdown.
    let temporaryDirectory: String?

    /// Writes a generated pair to `caOut`, or to a fresh `pfsh-emulator-XXXXXX` directory under
    /// `$TMPDIR` (or `/tmp`) when no path is given.
    static func publishGenerated(_ pair: CertificatePair, caOut: String?) throws(EmulatorServerError) -> CertificateFiles {
        var temporaryDirectory: String?
        let certificatePath: String
        if let caOut {
            certificatePath = absolute(caOut)
        } else {
            let directory = try makeTemporaryDirectory()
            temporaryDirectory = directory
            certificatePath = directory + "/ca.pem"
        }
        let keyPath = keyPath(besides: certificatePath)
        try FileWriter.store(Array(pair.certificatePEM.utf8), at: certificatePath, mode: 0o644)
        try FileWriter.store(Array(pair.privateKeyPEM.utf8), at: keyPath, mode: 0o600)
        return CertificateFiles(certificatePath: certificatePath, keyPath: keyPath, temporaryDirectory: temporaryDirectory)
    }

    /// For `--cert`: the given file is what clients trust, unless `--ca-out` asks for a copy.
    static func publishGiven(_ pair: CertificatePair, certificateFile: String, caOut: String?)
        throws(EmulatorServerError) -> CertificateFiles
    {
        guard let caOut else {
            return CertificateFiles(certificatePath: absolute(certificateFile), keyPath: nil, temporaryDirectory: nil)
        }
        let path = absolute(caOut)
        try FileWriter.store(Array(pair.certificatePEM.utf8), at: path, mode: 0o644)
        return CertificateFiles(certificatePath: path, keyPath: nil, temporaryDirectory: nil)
    }

    /// Removes the files and the directory if this run made the directory; a given `--ca-out` stays.
    func removeTemporary() {
        guard let temporaryDirectory else { return }
        unlink(certificatePath)
        if let keyPath { unlink(keyPath) }
        rmdir(temporaryDirectory)
    }

    /// `ca.pem` → `ca-key.pem`, in the same directory.
    static func keyPath(besides certificatePath: String) -> String {
        let stem = (certificatePath as NSString).deletingPathExtension
        return stem + "-key.pem"
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private static func makeTemporaryDirectory() throws(EmulatorServerError) -> String {
        let environment = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        let base = environment.isEmpty ? "/tmp" : absolute(environment)
        var template = Array((base + "/pfsh-emulator-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }
        }
        guard made != nil else { throw EmulatorServerError.system("cannot make a directory in", base) }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
