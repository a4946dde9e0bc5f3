import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file so that a reader, or the next start after a crash, sees either the old
/// content or the new one, never a mix: the bytes go to a temporary file in the same directory,
/// which is flushed to disk, renamed over the target, and then the directory itself is flushed so
/// the rename survives a power loss.
enum AtomicFile {
    /// The prefix of the temporary files; a crash may leave one behind, and nothing ever reads it.
    static func temporaryPrefix(for path: String) -> String {
        "." + (path as NSString).lastPathComponent + ".tmp-"
    }

    static func store(_ bytes: [UInt8], at path: String, mode: mode_t) throws(EmulatorServerError) {
        let directory = directoryName(of: path)
        let temporary = directory + "/" + temporaryPrefix(for: path) + uniqueSuffix()
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure("cannot write", path) }
        do throws(EmulatorServerError) {
            try setMode(descriptor, mode, temporary)
            try writeAll(bytes, to: descriptor, temporary)
            guard fsync(descriptor) == 0 else { throw failure("cannot flush", temporary) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        // The descriptor is gone after close() whatever it returns, so it is never closed twice.
        guard close(descriptor) == 0 else {
            let error = failure("cannot close", temporary)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure("cannot rename \(temporary) to", path)
            unlink(temporary)
            throw error
        }
        try syncDirectory(directory)
    }

    private static func setMode(_ descriptor: Int32, _ mode: mode_t, _ path: String) throws(EmulatorServerError) {
        // open() applies the umask; fchmod makes the mode exactly what was asked.
        guard fchmod(descriptor, mode) == 0 else { throw failure("cannot set the mode of", path) }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, _ path: String) throws(EmulatorServerError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write", path)
            }
            offset += written
        }
    }

    private static func syncDirectory(_ directory: String) throws(EmulatorServerError) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("cannot open the directory", directory) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("cannot flush the directory", directory) }
    }

    static func directoryName(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    private static func uniqueSuffix() -> String {
        var generator = SystemRandomNumberGenerator()
        return "\(getpid())-" + String(generator.next() as UInt64, radix: 16)
    }

    /// An error naming the path and the system's reason, read from `errno`.
    static func failure(_ action: String, _ path: String) -> EmulatorServerError {
        EmulatorServerError("\(action) \(path): \(systemMessage(errno))")
    }

    static func systemMessage(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
