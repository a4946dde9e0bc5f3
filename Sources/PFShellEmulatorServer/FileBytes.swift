#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with the system's reason on failure, which `FileManager` does not give.
enum FileBytes {
    /// The file's bytes, or nil when it does not exist.
    static func readIfPresent(_ path: String) throws(EmulatorServerError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw EmulatorServerError.system("cannot open", path)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw EmulatorServerError.system("cannot read", path)
            }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
        }
    }

    /// The file's bytes; a missing file is an error naming `what` and the path.
    static func contents(of path: String, what: String) throws(EmulatorServerError) -> [UInt8] {
        guard let bytes = try readIfPresent(path) else {
            throw EmulatorServerError("the \(what) file \(path) does not exist")
        }
        return bytes
    }
}
