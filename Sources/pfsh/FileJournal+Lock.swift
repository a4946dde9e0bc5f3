import FoundationEssentials
import Glibc
import PFShellCore

/// One pfsh at a time commits to a server from one user's journals: `commit.lock` is held with
/// `flock` for the commit, and its holder writes its process ID and start time into it.
extension FileJournalStore {
    func lockForCommit() throws(ShellError) {
        let path = FilePaths.join(folder, "commit.lock")
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ShellError(.command, command: "commit", "cannot open the commit lock '\(path)'")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let holder = Self.holder(descriptor)
            Output.err("pfsh: waiting for \(holder) to finish its commit to this server")
            guard waitForLock(descriptor) else {
                close(descriptor)
                throw ShellError(
                    .command, command: "commit",
                    "\(holder) is still committing to this server after \(timeout) s; nothing was sent")
            }
        }
        ftruncate(descriptor, 0)
        let text = "pfsh (process \(getpid()), committing since \(Self.clock()))\n"
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        setLock(descriptor)
    }

    func unlockAfterCommit() {
        let descriptor = takeLock()
        guard descriptor >= 0 else { return }
        ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Waits up to the connection's timeout, in 50 ms steps; Ctrl-C stops waiting.
    private func waitForLock(_ descriptor: Int32) -> Bool {
        for _ in 0..<(timeout * 20) {
            if interruptRaised { return false }
            Posix.sleep(milliseconds: 50)
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
        }
        return false
    }

    /// What the holder wrote into the lock file, or a plain description.
    private static func holder(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        let text = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.isEmpty ? "another pfsh" : line
    }

    /// The time now, `2026-11-30 02:10:00 UTC`.
    private static func clock() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S UTC", &parts)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension FileJournalStore {
    /// Makes `path` and its parents, 0700.
    static func makeFolders(_ path: String) -> Bool {
        var made = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            made += "/" + part
            if mkdir(made, 0o700) != 0 && errno != EEXIST { return false }
        }
        return true
    }

    /// The names in a folder.
    static func entries(of folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
