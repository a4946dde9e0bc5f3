#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and replacing a settings file that holds a secret (ThingWorx's platform-settings.json and
/// the like).
///
/// - Writes are atomic: a temporary file in the same folder, written, given the original's owner,
///   group and mode, fsync'd, then renamed over the target; the folder is fsync'd after.
/// - The previous file is kept as `PATH.bak` with its own owner, group, mode and modification time
///   (a hard link to the old file when the file system allows, else a copy); an older `.bak` is replaced.
/// - A new file is created 0600 with the caller's owner and group.
/// - A target that is a symbolic link is refused, never followed or replaced: renaming over a link
///   would silently turn it into a plain file, and writing through it would touch a file the user
///   did not name. The error names the link's target so the user can pass that path.
/// - A target that is not a regular file, or whose owner or group cannot be given to the new file
///   (not running as its owner or root), is refused before anything is written.
public enum SettingsFile {
    /// Why a read or write failed; `message` is lowercase and names the path.
    public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
        public let message: String
        public init(message: String) { self.message = message }
        public var description: String { message }
    }

    /// Mode of a file that did not exist.
    public static let newFileMode: mode_t = 0o600
    /// Appended to the path for the previous file.
    public static let backupSuffix = ".bak"
    /// Larger files are refused: a settings file is a few kilobytes.
    public static let maximumSize = 16 << 20

    /// Reads the file as UTF-8 text; nil when it does not exist. Follows symbolic links (reading through
    /// one is harmless); refuses a folder or device, a file over 16 MiB and text that is not UTF-8.
    public static func read(_ path: String) throws(FileError) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT { return nil }
            throw FileError(message: "cannot read '\(path)': \(describe(code))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(message: "cannot read '\(path)': \(describe(errno))") }
        guard isRegular(info.st_mode) else { throw FileError(message: "cannot read '\(path)': not a regular file") }
        guard Int(info.st_size) <= maximumSize else {
            throw FileError(message: "cannot read '\(path)': larger than \(maximumSize >> 20) MiB, not a settings file")
        }
        let bytes = try readAll(fd, path: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FileError(message: "cannot read '\(path)': not UTF-8 text")
        }
        return text
    }

    /// Replaces (or creates) the file with `text`, atomically, keeping the previous file as `PATH.bak`.
    public static func write(_ text: String, to path: String) throws(FileError) {
        try write(text, to: path, linkBackup: true)
    }

    /// `linkBackup` false forces the copying backup (tests cover both ways).
    static func write(_ text: String, to path: String, linkBackup: Bool) throws(FileError) {
        let original = try inspectTarget(path)
        let folder = folderOf(path)

        // 1. The new content in a temporary file beside the target, with the target's owner and mode.
        let temporary = try writeTemporary(
            Array(text.utf8), folder: folder, base: baseName(path), owner: original.map { ($0.st_uid, $0.st_gid) },
            mode: original.map { $0.st_mode & 0o7777 } ?? newFileMode, modified: nil, for: path)

        // 2. The previous file kept as PATH.bak.
        if let original {
            do {
                try backUp(path, original: original, folder: folder, linkBackup: linkBackup)
            } catch {
                unlink(temporary)
                throw error
            }
        }

        // 3. The switch.
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileError(message: "cannot write '\(path)': \(describe(code))")
        }
        syncFolder(folder)
    }

    // MARK: - Steps

    /// The target's status; nil when it does not exist. Refuses a link, a non-regular file and a
    /// missing folder.
    private static func inspectTarget(_ path: String) throws(FileError) -> stat? {
        var info = stat()
        if lstat(path, &info) != 0 {
            let code = errno
            if code == ENOENT {
                var folderInfo = stat()
                let folder = folderOf(path)
                guard stat(folder, &folderInfo) == 0, isDirectory(folderInfo.st_mode) else {
                    throw FileError(message: "cannot write '\(path)': folder '\(folder)' does not exist")
                }
                return nil
            }
            throw FileError(message: "cannot write '\(path)': \(describe(code))")
        }
        if isLink(info.st_mode) {
            let target = linkTarget(path).map { " to '\($0)'" } ?? ""
            throw FileError(
                message: "'\(path)' is a symbolic link\(target); pfsh does not write through links, give the file's real path")
        }
        guard isRegular(info.st_mode) else { throw FileError(message: "cannot write '\(path)': not a regular file") }
        return info
    }

    /// Makes `.<base>.pfsh-XXXXXX` in `folder` holding `bytes`, owned and moded as asked, fsync'd;
    /// returns its path. Removed again on any failure.
    private static func writeTemporary(
        _ bytes: [UInt8], folder: String, base: String, owner: (uid_t, gid_t)?, mode: mode_t,
        modified: timespec?, for path: String
    ) throws(FileError) -> String {
        var template = Array(joinPath(folder, ".\(base).pfsh-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileError(message: "cannot write '\(path)': \(describe(errno))") }
        let temporary = String(cString: template)
        var closed = false
        func fail(_ message: String) -> FileError {
            if !closed { close(fd) }
            unlink(temporary)
            return FileError(message: message)
        }
        do {
            try writeAll(fd, bytes, path: path)
        } catch {
            throw fail(error.message)
        }
        if let owner {
            let (uid, gid) = owner
            var info = stat()
            guard fstat(fd, &info) == 0 else { throw fail("cannot write '\(path)': \(describe(errno))") }
            if info.st_uid != uid || info.st_gid != gid, fchown(fd, uid, gid) != 0 {
                throw fail(
                    "cannot write '\(path)': it belongs to uid \(uid) gid \(gid) and a new file cannot be given that owner "
                        + "(\(describe(errno))); run as its owner or root")
            }
        }
        // After chown, which may clear set-id bits.
        guard fchmod(fd, mode) == 0 else { throw fail("cannot write '\(path)': \(describe(errno))") }
        if let modified {
            let times = [modified, modified]
            guard futimens(fd, times) == 0 else { throw fail("cannot write '\(path)': \(describe(errno))") }
        }
        guard fsync(fd) == 0 else { throw fail("cannot write '\(path)': \(describe(errno))") }
        closed = true
        guard close(fd) == 0 else { throw fail("cannot write '\(path)': \(describe(errno))") }
        return temporary
    }

    /// `PATH.bak` becomes the previous file: a hard link to it (the same inode, so owner, group, mode,
    /// times and extended attributes are the original's), or where links are not possible, a copy
    /// given the original's owner, group, mode and modification time. Replaced atomically.
    private static func backUp(_ path: String, original: stat, folder: String, linkBackup: Bool) throws(FileError) {
        let backup = path + backupSuffix
        var existing = stat()
        if lstat(backup, &existing) == 0, isDirectory(existing.st_mode) {
            throw FileError(message: "cannot keep the previous file: '\(backup)' is a folder")
        }
        if linkBackup {
            // link() needs a free name: link to a fresh temporary name, then rename over PATH.bak.
            var template = Array(joinPath(folder, ".\(baseName(path)).bak-pfsh-XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { throw FileError(message: "cannot keep the previous file as '\(backup)': \(describe(errno))") }
            close(fd)
            let name = String(cString: template)
            unlink(name)
            if link(path, name) == 0 {
                guard rename(name, backup) == 0 else {
                    let code = errno
                    unlink(name)
                    throw FileError(message: "cannot keep the previous file as '\(backup)': \(describe(code))")
                }
                return
            }
            // Hard links not supported here (or refused): copy instead.
        }
        guard let old = try readBytes(path) else {
            throw FileError(message: "cannot keep the previous file: '\(path)' disappeared")
        }
        let copy = try writeTemporary(
            old, folder: folder, base: baseName(path) + backupSuffix, owner: (original.st_uid, original.st_gid),
            mode: original.st_mode & 0o7777, modified: modificationTime(original), for: backup)
        guard rename(copy, backup) == 0 else {
            let code = errno
            unlink(copy)
            throw FileError(message: "cannot keep the previous file as '\(backup)': \(describe(code))")
        }
    }

    /// Best effort: the rename is durable once the folder is synced; a failure here leaves a correct file.
    private static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    // MARK: - Helpers

    private static func readBytes(_ path: String) throws(FileError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            let code = errno
            if code == ENOENT { return nil }
            throw FileError(message: "cannot read '\(path)': \(describe(code))")
        }
        defer { close(fd) }
        return try readAll(fd, path: path)
    }

    private static func readAll(_ fd: Int32, path: String) throws(FileError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(message: "cannot read '\(path)': \(describe(errno))")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > maximumSize {
                throw FileError(message: "cannot read '\(path)': larger than \(maximumSize >> 20) MiB, not a settings file")
            }
        }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileError) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(message: "cannot write '\(path)': \(describe(errno))")
            }
            offset += count
        }
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func folderOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = path[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }

    static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func joinPath(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private static func modificationTime(_ info: stat) -> timespec {
        #if os(Linux)
        info.st_mtim
        #else
        info.st_mtimespec
        #endif
    }

    private static func isRegular(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFREG }
    private static func isDirectory(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFDIR }
    private static func isLink(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFLNK }

    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        let message = String(cString: text)
        return message.prefix(1).lowercased() + message.dropFirst()
    }
}

// Outside the enum, whose `read` and `write` would shadow the system calls.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
