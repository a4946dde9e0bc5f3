/// The folder name of a server's journals: readable (`pf.example.com_9999-administrator`) and
/// made unique by a hash of the whole admin URL and user.
public enum JournalKey {
    public static func name(apiURL: String, user: String) -> String {
        let readable = ConnectionSettings.hostAndPort(apiURL) + "-" + user
        let safe = String(readable.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
        let digest = SHA256Digest.hash(Array((apiURL + "\n" + user).utf8)).prefix(4)
        let hex = digest.map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
        return String(safe.prefix(80)) + "-" + hex
    }
}
