import FoundationEssentials
import Glibc

/// `--ca-file` checked before connecting, so that a wrong path or file is named as such rather
/// than reported as the server's certificate failing.
enum CAFile {
    /// What is wrong with the file at `path` as a CA bundle; nil when it holds a PEM certificate.
    static func problem(_ path: String) -> String? {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return "the CA file '\(path)' does not exist"
        }
        if isDirectory { return "cannot read the CA file '\(path)': it is a directory" }
        guard let data = FileManager.default.contents(atPath: path) else {
            return "cannot read the CA file '\(path)': permission denied or not a regular file"
        }
        guard String(decoding: data, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            return "the CA file '\(path)' holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----)"
        }
        return nil
    }
}
