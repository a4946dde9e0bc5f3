#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files through the C library, with the system's reason on failure (which
/// FileManager does not give): settings files, the emulator's data and certificate files, scripts.
public enum WholeFile {
    public enum Failure: Error, Equatable {
        /// `open` or `read` failed with this `errno`.
        case system(step: String, code: Int32)
        /// The file holds more than the limit given.
        case tooLarge
    }

    /// The file's bytes; nil when it does not exist. `flags` are added to `O_RDONLY | O_CLOEXEC`
    /// (`O_NOFOLLOW` for a file that must not be a link).
    public static func read(_ path: String, flags: Int32 = 0, limit: Int = .max) throws(Failure) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | flags)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw .system(step: "open", code: errno)
        }
        defer { close(descriptor) }
        return try readAll(descriptor, limit: limit)
    }

    /// Everything left to read from an open descriptor.
    public static func readAll(_ descriptor: Int32, limit: Int = .max) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(step: "read", code: errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > limit { throw .tooLarge }
        }
    }

    /// The system's reason for `code`, lowercased to follow `path: `.
    public static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
