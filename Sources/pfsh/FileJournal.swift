import FoundationEssentials
import Glibc
import PFShellCore
import PFShellJSON

/// A session's journal file: JSON lines appended with one `write` each, created 0600 on the first
/// record and locked (`flock`) for the session's life, so another pfsh knows it is not abandoned.
final class FileJournalSink: JournalSink {
    let path: String
    private let header: JSONValue
    private var descriptor: Int32 = -1

    init(path: String, header: JSONValue) {
        self.path = path
        self.header = header
    }

    deinit { if descriptor >= 0 { Glibc.close(descriptor) } }

    var isOpen: Bool { descriptor >= 0 }

    func append(_ record: JSONValue) {
        guard openIfNeeded() else { return }
        Posix.write(JSONPrinter.print(record) + "\n", to: descriptor)
    }

    func sync() {
        if descriptor >= 0 { fsync(descriptor) }
    }

    /// Closes the file, removing it when nothing in it is needed any more.
    func close(removing: Bool) {
        guard descriptor >= 0 else { return }
        if removing { unlink(path) } else { fsync(descriptor) }
        Glibc.close(descriptor)
        descriptor = -1
    }

    private func openIfNeeded() -> Bool {
        if descriptor >= 0 { return true }
        let opened = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard opened >= 0 else { return false }
        flock(opened, LOCK_EX | LOCK_NB)
        descriptor = opened
        Posix.write(JSONPrinter.print(header) + "\n", to: descriptor)
        return true
    }
}

/// The journals of one server and user under `$XDG_STATE_HOME/pfsh/journal/KEY/`: a file per
/// session, and `commit.lock`, whose holder writes who it is into it.
final class FileJournalStore: JournalStore {
    let folder: String
    let sink: any JournalSink
    private let ownSink: FileJournalSink
    let timeout: Int
    private let interrupt: InterruptFlag
    /// Journals of interrupted sessions, locked by this session once read, so no other pfsh
    /// resumes them too.
    private var claimed: [(path: String, descriptor: Int32)] = []
    private var lockDescriptor: Int32 = -1

    var interruptRaised: Bool { interrupt.isRaised }

    func setLock(_ descriptor: Int32) { lockDescriptor = descriptor }

    /// The commit lock's descriptor, no longer kept.
    func takeLock() -> Int32 {
        defer { lockDescriptor = -1 }
        return lockDescriptor
    }

    init?(stateFolder: String, settings: ConnectionSettings, interrupt: InterruptFlag) {
        folder = FilePaths.join(FilePaths.join(stateFolder, "journal"), JournalKey.name(apiURL: settings.apiURL, user: settings.user))
        guard Self.makeFolders(folder) else { return nil }
        let pid = getpid()
        let name = "session-\(pid)-\(UInt32.random(in: 0...UInt32.max)).jsonl"
        let header: JSONValue = [
            "record": "session", "server": .string(settings.apiURL), "user": .string(settings.user),
            "pid": .int(Int64(pid)), "started": .int(Int64(time(nil))),
        ]
        ownSink = FileJournalSink(path: FilePaths.join(folder, name), header: header)
        sink = ownSink
        timeout = settings.timeoutSeconds
        self.interrupt = interrupt
    }

    deinit {
        for journal in claimed { close(journal.descriptor) }
        if lockDescriptor >= 0 { close(lockDescriptor) }
    }

    /// At exit: the journal stays only when a later pfsh must finish its work.
    func finish(keep: Bool) {
        ownSink.close(removing: !keep)
        releaseClaimed()
    }

    func interrupted() -> [[JSONValue]] {
        releaseClaimed()
        var found: [(modified: Int, path: String, descriptor: Int32)] = []
        for name in Self.entries(of: folder) where name.hasPrefix("session-") && name.hasSuffix(".jsonl") {
            let path = FilePaths.join(folder, name)
            guard path != ownSink.path else { continue }
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            // A journal whose session still runs is locked by it.
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                close(descriptor)
                continue
            }
            var info = stat()
            fstat(descriptor, &info)
            found.append((Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec), path, descriptor))
        }
        found.sort { $0.modified < $1.modified }
        claimed = found.map { ($0.path, $0.descriptor) }
        return found.map { Self.records(of: $0.descriptor) }
    }

    func discardInterrupted() {
        for journal in claimed { unlink(journal.path) }
        releaseClaimed()
    }

    private func releaseClaimed() {
        for journal in claimed { close(journal.descriptor) }
        claimed = []
    }

    /// The number comes first in each line, so the next one is read from the start of the last
    /// line: a commit costs the size of the commit, not of the whole history.
    func recordCommit(_ entry: JSONObject) -> Int {
        let descriptor = open(FilePaths.join(folder, "commits.jsonl"), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        let number = descriptor >= 0 ? (Self.lastNumber(descriptor) ?? 0) + 1 : 1
        var stamped: JSONObject = ["number": .int(Int64(number)), "time": .int(Int64(time(nil)))]
        for (key, value) in entry.pairs { stamped[key] = value }
        guard descriptor >= 0 else { return number }
        Posix.write(JSONPrinter.print(.object(stamped)) + "\n", to: descriptor)
        fsync(descriptor)
        close(descriptor)
        return number
    }

    /// `N` of the last line's leading `{"number":N`; nil for an empty log.
    private static func lastNumber(_ descriptor: Int32) -> Int? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 1 else { return nil }
        var start = Int(info.st_size) - 1  // before the final newline
        var chunk = [UInt8](repeating: 0, count: 4096)
        search: while start > 0 {
            let from = max(0, start - chunk.count)
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, start - from, off_t(from)) }
            guard count > 0 else { return nil }
            for index in stride(from: count - 1, through: 0, by: -1) where chunk[index] == UInt8(ascii: "\n") {
                start = from + index + 1
                break search
            }
            start = from
        }
        let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 40, off_t(start)) }
        guard count > 0 else { return nil }
        let head = String(decoding: chunk[0..<count], as: UTF8.self)
        let prefix = #"{"number":"#
        guard head.hasPrefix(prefix) else { return nil }
        return Int(head.dropFirst(prefix.count).prefix { $0.isNumber })
    }

    func commitLog() -> [JSONValue] {
        let descriptor = open(FilePaths.join(folder, "commits.jsonl"), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        return Self.records(of: descriptor)
    }

    /// The records of a journal; a line cut short by a crash is left out.
    private static func records(of descriptor: Int32) -> [JSONValue] {
        Posix.readAll(descriptor).split(separator: UInt8(ascii: "\n")).compactMap { try? JSONParser.parse(Array($0)) }
    }
}
