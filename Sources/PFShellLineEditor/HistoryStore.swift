import CEditLine

/// Command history over libedit's `History` API, saved to a private file after every entry.
///
/// Usable without a terminal, so the editor's history rules can be tested on their own.
/// The file is libedit's own format (`_HiStOrY_V2_`, vis(3)-encoded lines), not GNU readline's.
public final class HistoryStore {
    /// Where the history is loaded from and saved to; `nil` keeps it in memory only.
    public let file: String?
    /// `nil` only if libedit could not allocate one; the store then records nothing.
    let handle: OpaquePointer?

    /// Loads `file` if it exists; a missing or unreadable file starts an empty history.
    public init(file: String?, size: Int = 1000) {
        self.file = file
        handle = history_init()
        guard let handle else { return }
        _ = pfsh_history_setsize(handle, Int32(clamping: max(1, size)))
        _ = pfsh_history_setunique(handle, 1)
        if let file {
            _ = pfsh_history_load(handle, file)
        }
    }

    deinit {
        if let handle { history_end(handle) }
    }

    /// The entries, oldest first.
    public var entries: [String] {
        guard let handle else { return [] }
        var result: [String] = []
        var entry = pfsh_history_step(handle, H_LAST)
        while let text = entry {
            result.append(String(cString: text))
            entry = pfsh_history_step(handle, H_PREV)
        }
        return result
    }

    /// Records `line` unless it is blank, starts with a space (a way to keep a line out of the
    /// history, as in shells) or repeats the newest entry; then saves the file.
    /// Returns whether the line was recorded.
    @discardableResult
    public func add(_ line: String) -> Bool {
        guard let handle, Self.isRecordable(line), line != newest else { return false }
        guard pfsh_history_enter(handle, line) != -1 else { return false }
        save()
        return true
    }

    /// Writes the file with mode 0600 (also tightening an existing file). Returns false on failure;
    /// the history is a convenience, so callers usually ignore it.
    @discardableResult
    public func save() -> Bool {
        guard let handle, let file else { return false }
        return pfsh_history_save_private(handle, file) >= 0
    }

    var newest: String? {
        guard let handle, let text = pfsh_history_step(handle, H_FIRST) else { return nil }
        return String(cString: text)
    }

    static func isRecordable(_ line: String) -> Bool {
        guard let first = line.first, first != " ", first != "\t" else { return false }
        return line.contains { !$0.isWhitespace }
    }
}
