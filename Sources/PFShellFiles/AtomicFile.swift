#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replacing a whole file so that a reader, or the next start after a crash, sees either the old
/// content or the new one, never a mix: the bytes go to a temporary file in the same folder, which is
/// flushed to disk and renamed over the target, and then the folder itself is flushed so the rename
/// survives a power loss.
///
/// Only the mechanism: what to keep of an existing file (owner, a backup) is the caller's choice,
/// and so is the wording of errors, from the ``Failure`` that names the step.
public enum AtomicFile {
    /// The step that failed, the file it acted on, and the system's error number.
    public struct Failure: Error, Sendable {
        public enum Step: Sendable, Equatable {
            /// The temporary file could not be made; `path` is the target.
            case create
            case write, status, mode, times, flush, close
            /// The temporary file could not be given this owner and group.
            case owner(uid_t, gid_t)
            /// The temporary file could not be renamed over the target (`path`).
            case rename(temporary: String)
            /// `path` is the folder.
            case openFolder, flushFolder
        }

        public let step: Step
        public let path: String
        /// The system's error number.
        public let code: Int32

        init(_ step: Step, _ path: String, code: Int32 = errno) {
            self.step = step
            self.path = path
            self.code = code
        }
    }

    /// Writes `bytes` to the target in one atomic replace: a new temporary file (see
    /// ``writeTemporary(_:beside:infix:mode:owner:modified:)``), renamed over `path`, the folder flushed.
    public static func store(_ bytes: [UInt8], at path: String, infix: String, mode: mode_t) throws(Failure) {
        let temporary = try writeTemporary(bytes, beside: path, infix: infix, mode: mode)
        try replace(path, with: temporary)
        try syncFolder(folderOf(path))
    }

    /// The name every temporary file for `path` starts with: `.<name><infix>`. A crash may leave
    /// one behind; nothing ever reads it.
    public static func temporaryPrefix(for path: String, infix: String) -> String {
        "." + baseName(path) + infix
    }

    /// Makes `.<name><infix>XXXXXX` beside `path` holding `bytes`, given `owner` (when not nil),
    /// exactly `mode` (after the owner, which may clear set-id bits) and `modified` as its times,
    /// flushed and closed. Returns its path; on any failure it is removed again.
    public static func writeTemporary(
        _ bytes: [UInt8], beside path: String, infix: String, mode: mode_t, owner: (uid_t, gid_t)? = nil,
        modified: timespec? = nil
    ) throws(Failure) -> String {
        var template = Array(joinPath(folderOf(path), temporaryPrefix(for: path, infix: infix) + "XXXXXX").utf8CString)
        // mkstemp makes the file 0600 with a name no one else has, so it is never readable by others.
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(.create, path) }
        let temporary = String(cString: template)
        do throws(Failure) {
            try fill(descriptor, bytes, owner: owner, mode: mode, modified: modified, temporary)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        // The descriptor is gone after close() whatever it returns, so it is never closed twice.
        guard close(descriptor) == 0 else {
            let failure = Failure(.close, temporary)
            unlink(temporary)
            throw failure
        }
        return temporary
    }

    /// Renames `temporary` over `path`; on failure the temporary file is removed.
    public static func replace(_ path: String, with temporary: String) throws(Failure) {
        guard rename(temporary, path) == 0 else {
            let failure = Failure(.rename(temporary: temporary), path)
            unlink(temporary)
            throw failure
        }
    }

    /// Flushes `folder`, so that a rename in it survives a power loss.
    public static func syncFolder(_ folder: String) throws(Failure) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(.openFolder, folder) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw Failure(.flushFolder, folder) }
    }

    private static func fill(
        _ descriptor: Int32, _ bytes: [UInt8], owner: (uid_t, gid_t)?, mode: mode_t, modified: timespec?,
        _ temporary: String
    ) throws(Failure) {
        try writeAll(bytes, to: descriptor, temporary)
        if let owner { try give(owner, to: descriptor, temporary) }
        guard fchmod(descriptor, mode) == 0 else { throw Failure(.mode, temporary) }
        if let modified {
            let times = [modified, modified]
            guard futimens(descriptor, times) == 0 else { throw Failure(.times, temporary) }
        }
        guard fsync(descriptor) == 0 else { throw Failure(.flush, temporary) }
    }

    private static func give(_ owner: (uid_t, gid_t), to descriptor: Int32, _ temporary: String) throws(Failure) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(.status, temporary) }
        if info.st_uid != owner.0 || info.st_gid != owner.1, fchown(descriptor, owner.0, owner.1) != 0 {
            throw Failure(.owner(owner.0, owner.1), temporary)
        }
    }

    /// Writes all of `bytes`, going on after a partial write or an interruption; `path` names the file.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, _ temporary: String) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(.write, temporary)
            }
            offset += count
        }
    }

    /// The folder part of `path`: `.` for a bare name, `/` for a file at the root.
    public static func folderOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = path[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }

    public static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func joinPath(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
