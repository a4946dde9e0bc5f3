#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file of its own for one secret (the pending copy of a rotation): created new, never over an
/// existing file or through a link, readable by its owner only, on disk before it is used.
public enum SecretFile {
    /// Creates `path` holding `text`, mode 0600, and flushes it and its folder.
    public static func create(_ path: String, text: String) throws(SettingsFile.FileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot create", path, errno) }
        do {
            try AtomicFile.writeAll(Array(text.utf8), to: fd, path)
        } catch {
            close(fd)
            unlink(path)
            throw failure("cannot write", path, error.code)
        }
        // fchmod as well: the umask may have taken bits away, never added them, but be exact.
        guard fchmod(fd, 0o600) == 0, fsync(fd) == 0 else {
            let code = errno
            close(fd)
            unlink(path)
            throw failure("cannot write", path, code)
        }
        close(fd)
        try? AtomicFile.syncFolder(AtomicFile.folderOf(path))
    }

    /// Removes `path`; one that is already gone is no error.
    public static func remove(_ path: String) throws(SettingsFile.FileError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw failure("cannot remove", path, errno) }
        try? AtomicFile.syncFolder(AtomicFile.folderOf(path))
    }

    private static func failure(_ what: String, _ path: String, _ code: Int32) -> SettingsFile.FileError {
        let text = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return SettingsFile.FileError(message: "\(what) '\(path)': \(text.prefix(1).lowercased() + text.dropFirst())")
    }
}
