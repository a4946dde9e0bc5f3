import PFShellFiles

/// A script's text, read whole. The bytes are released when this returns, before the script runs,
/// so a long script is held once while it runs.
enum ScriptFile {
    static func text(at path: String) -> String? {
        (try? WholeFile.read(path)).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A password file's password: its first line, without a carriage return around it.
enum PasswordFile {
    static func firstLine(of path: String) -> String? {
        guard let bytes = try? WholeFile.read(path) else { return nil }
        var line = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        while line.last == "\r" { line = line.dropLast() }
        while line.first == "\r" { line = line.dropFirst() }
        return String(line)
    }
}
