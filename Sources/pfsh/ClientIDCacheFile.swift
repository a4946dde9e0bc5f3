import FoundationEssentials
import Glibc
import PFShellCore

/// `$XDG_CACHE_HOME/pfsh/clients/KEY` (default `~/.cache/pfsh/clients/KEY`): the client IDs and
/// names pfsh last saw on one server as one user, for completion in the user's own shell. Written
/// (0600, replaced atomically) whenever a listing or a commit changes what the session knows.
struct ClientIDCacheFile {
    let path: String
    let apiURL: String

    init(apiURL: String, user: String, environment: [String: String]) {
        let key = String((user + "@" + apiURL).map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
        let folder = FilePaths.join(PfshFolders(environment: environment).cache, "clients")
        path = FilePaths.join(folder, key)
        self.apiURL = apiURL
    }

    /// The cached clients and how old they are; nil when there is no cache for this server.
    func read() -> (clients: [LiveCache.Entry], age: TimeInterval)? {
        guard let data = FileManager.default.contents(atPath: path),
            let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.first == header else { return nil }
        let clients = lines.dropFirst().map { line -> LiveCache.Entry in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return (id: Self.unescaped(parts[0]), name: parts.count > 1 ? Self.unescaped(parts[1]) : nil)
        }
        return (clients, Date().timeIntervalSince(modified))
    }

    /// Replaces the file with `clients`; a failure only costs completion, so it is silent.
    func write(_ clients: [LiveCache.Entry]) {
        let folder = FilePaths.folder(of: path)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var text = header + "\n"
        for client in clients {
            text += Self.escaped(client.id) + (client.name.map { "\t" + Self.escaped($0) } ?? "") + "\n"
        }
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    private var header: String { "# pfsh client IDs of \(apiURL)" }

    /// Tabs and line breaks inside an ID or a name would break the format: written as `\t`, `\n`, `\\`.
    private static func escaped(_ text: String) -> String {
        text.replacing("\\", with: "\\\\").replacing("\t", with: "\\t")
            .replacing("\n", with: "\\n").replacing("\r", with: "\\r")
    }

    private static func unescaped(_ text: String) -> String {
        var result = ""
        var escape = false
        for character in text {
            if escape {
                result.append(["t": "\t", "n": "\n", "r": "\r"][character] ?? character)
                escape = false
            } else if character == "\\" {
                escape = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension ClientIDCacheFile {
    /// Writes what the session knows: all of it after a full listing, else added to what the file
    /// holds (a session that only created clients does not know the others).
    func save(_ cache: LiveCache) {
        guard !cache.isFull else {
            write(cache.entries)
            return
        }
        var merged = LiveCache()
        merged.replace(read()?.clients ?? [])
        merged.merge(cache.entries)
        write(merged.entries)
    }
}

extension LiveCache {
    /// The cached clients as entries, in ID order.
    var entries: [Entry] { clientIDs.map { (id: $0, name: clientNames[$0]) } }
}
