import PFShellFiles

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The emulator's files (the data file, certificates) replaced through PFShellFiles' ``AtomicFile``,
/// so a reader or the next start after a crash sees the old content or the new, never a mix. Only
/// the mechanism is shared with the shell's settings files: no backup, no owner kept, the mode given.
enum FileWriter {
    /// Temporary files are `.<name>.tmp-XXXXXX`.
    static let temporaryInfix = ".tmp-"

    /// The prefix of the temporary files; a crash may leave one behind, and nothing ever reads it.
    static func temporaryPrefix(for path: String) -> String {
        AtomicFile.temporaryPrefix(for: path, infix: temporaryInfix)
    }

    static func store(_ bytes: [UInt8], at path: String, mode: mode_t) throws(EmulatorServerError) {
        do {
            try AtomicFile.store(bytes, at: path, infix: temporaryInfix, mode: mode)
        } catch {
            throw EmulatorServerError("\(action(error.step)) \(error.path): \(EmulatorServerError.systemMessage(error.code))")
        }
    }

    /// What failed, in the words that come before the path.
    private static func action(_ step: AtomicFile.Failure.Step) -> String {
        switch step {
        case .create, .write, .status, .owner, .times: "cannot write"
        case .mode: "cannot set the mode of"
        case .flush: "cannot flush"
        case .close: "cannot close"
        case .rename(let temporary): "cannot rename \(temporary) to"
        case .openFolder: "cannot open the directory"
        case .flushFolder: "cannot flush the directory"
        }
    }
}
