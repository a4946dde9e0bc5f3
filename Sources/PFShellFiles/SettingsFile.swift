#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and replacing a settings file that holds a secret (ThingWorx's platform-settings.json and
/// the like).
///
/// - Writes are atomic (``AtomicFile``): a temporary file in the same folder, written, given the
///   original's owner, group and mode, fsync'd, then renamed over the target; the folder is fsync'd after.
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
    /// Temporary files are `.<name>.pfsh-XXXXXX`.
    static let temporaryInfix = ".pfsh-"

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
        let folder = AtomicFile.folderOf(path)

        // 1. The new content in a temporary file beside the target, with the target's owner and mode.
        let temporary = try writeTemporary(
            Array(text.utf8), for: path, owner: original.map { ($0.st_uid, $0.st_gid) },
            mode: original.map { $0.st_mode & 0o7777 } ?? newFileMode, modified: nil)

        // 2. The previous file kept as PATH.bak.
        if let original {
            do {
                try backUp(path, original: original, folder: folder, linkBackup: linkBackup)
            } catch {
                unlink(temporary)
                throw error
            }
        }

        // 3. The switch. Syncing the folder is best effort: a failure there leaves a correct file.
        do {
            try AtomicFile.replace(path, with: temporary)
        } catch {
            throw FileError(message: "cannot write '\(path)': \(describe(error.code))")
        }
        try? AtomicFile.syncFolder(folder)
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
                let folder = AtomicFile.folderOf(path)
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

    /// ``AtomicFile/writeTemporary(_:beside:infix:mode:owner:modified:)`` beside `path`, its failure
    /// told as one of writing `path`.
    private static func writeTemporary(
        _ bytes: [UInt8], for path: String, owner: (uid_t, gid_t)?, mode: mode_t, modified: timespec?
    ) throws(FileError) -> String {
        do {
            return try AtomicFile.writeTemporary(
                bytes, beside: path, infix: temporaryInfix, mode: mode, owner: owner, modified: modified)
        } catch {
            guard case .owner(let uid, let gid) = error.step else {
                throw FileError(message: "cannot write '\(path)': \(describe(error.code))")
            }
            throw FileError(
                message: "cannot write '\(path)': it belongs to uid \(uid) gid \(gid) and a new file cannot be given that owner "
                    + "(\(describe(error.code))); run as its owner or root")
        }
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
            let prefix = AtomicFile.temporaryPrefix(for: path, infix: ".bak-pfsh-")
            var template = Array(AtomicFile.joinPath(folder, prefix + "XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { throw FileError(message: "cannot keep the previous file as '\(backup)': \(describe(errno))") }
            close(fd)
            let name = String(cString: template)
            unlink(name)
            if link(path, name) == 0 { return try replaceBackup(backup, with: name) }
            // Hard links not supported here (or refused): copy instead.
        }
        guard let old = try readBytes(path) else {
            throw FileError(message: "cannot keep the previous file: '\(path)' disappeared")
        }
        let copy = try writeTemporary(
            old, for: backup, owner: (original.st_uid, original.st_gid), mode: original.st_mode & 0o7777,
            modified: modificationTime(original))
        try replaceBackup(backup, with: copy)
    }

    private static func replaceBackup(_ backup: String, with temporary: String) throws(FileError) {
        do {
            try AtomicFile.replace(backup, with: temporary)
        } catch {
            throw FileError(message: "cannot keep the previous file as '\(backup)': \(describe(error.code))")
        }
    }

    // MARK: - Helpers

    private static func readBytes(_ path: String) throws(FileError) -> [UInt8]? {
        do {
            return try WholeFile.read(path, flags: O_NOFOLLOW, limit: maximumSize)
        } catch {
            throw readFailure(error, path)
        }
    }

    private static func readAll(_ fd: Int32, path: String) throws(FileError) -> [UInt8] {
        do {
            return try WholeFile.readAll(fd, limit: maximumSize)
        } catch {
            throw readFailure(error, path)
        }
    }

    private static func readFailure(_ failure: WholeFile.Failure, _ path: String) -> FileError {
        switch failure {
        case .tooLarge: FileError(message: "cannot read '\(path)': larger than \(maximumSize >> 20) MiB, not a settings file")
        case .system(_, let code): FileError(message: "cannot read '\(path)': \(describe(code))")
        }
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
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

