import PFShellFiles

/// The emulator's files read whole, their failures worded as the emulator's errors.
enum FileBytes {
    /// The file's bytes, or nil when it does not exist.
    static func readIfPresent(_ path: String) throws(EmulatorServerError) -> [UInt8]? {
        do {
            return try WholeFile.read(path)
        } catch {
            switch error {
            case .system(let step, let code): throw EmulatorServerError("cannot \(step) \(path): \(WholeFile.reason(code))")
            case .tooLarge: throw EmulatorServerError("cannot read \(path): too large")
            }
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
