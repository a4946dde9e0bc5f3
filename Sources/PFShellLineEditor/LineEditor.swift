import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interactive line editing over libedit's native API: Emacs bindings (then `~/.editrc` or `$EDITRC`),
/// history, Tab completion through a closure, Ctrl-C and Ctrl-D.
///
/// Use it only when standard input is a terminal (`LineEditor.isTerminal(STDIN_FILENO)`); otherwise
/// read with `readPlainLine()`. One editor per process: it owns stdin/stdout and the SIGINT disposition.
/// Creating it installs a SIGINT handler that only raises a flag, so Ctrl-C no longer ends the process;
/// poll `LineEditor.takeInterrupt()` while a command runs to stop it. It also sets `LC_CTYPE` from the
/// environment, or to `C.UTF-8` when that is not UTF-8, because libedit drops non-ASCII input otherwise.
public final class LineEditor {
    /// The prompt shown by `readLine()`.
    public var prompt: String
    /// The prompt for `readLine(continuation: true)`; by default blanks as wide as `prompt`, ending in `> `.
    public var continuationPrompt: String {
        get { customContinuationPrompt ?? Self.defaultContinuation(for: prompt) }
        set { customContinuationPrompt = newValue }
    }

    /// `nil` if libedit could not start; `readLine` then reads plain lines.
    private let editLine: OpaquePointer?
    private let history: HistoryStore
    private let completion: (String, Int) -> CompletionResult
    private var customContinuationPrompt: String?
    /// The C string libedit's prompt callback returns: it must stay valid while `el_gets` runs.
    private var promptBuffer: UnsafeMutablePointer<CChar>?

    /// - Parameters:
    ///   - programName: the name `~/.editrc` lines may be prefixed with (`pfsh:bind ...`).
    ///   - historyFile: loaded now, saved after every `addToHistory`; `nil` keeps no file.
    ///   - completion: called on Tab with the whole line and the cursor's UTF-8 offset.
    public init(
        programName: String,
        historyFile: String?,
        historySize: Int = 1000,
        completion: @escaping (String, Int) -> CompletionResult
    ) {
        _ = pfsh_el_setup_locale()
        _ = pfsh_el_install_sigint_flag()
        prompt = ""
        history = HistoryStore(file: historyFile, size: historySize)
        self.completion = completion
        editLine = pfsh_el_init(programName)
        guard let editLine else { return }

        // libedit passes only the EditLine pointer to callbacks: the editor travels as client data.
        _ = pfsh_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = pfsh_el_set_editor(editLine, "emacs")
        _ = pfsh_el_set_signal(editLine, 1)
        _ = pfsh_el_set_prompt(editLine) { editLine in
            guard let editLine, let editor = LineEditor.from(editLine), let buffer = editor.promptBuffer else {
                return pfsh_el_empty_string()
            }
            return buffer
        }
        if let handle = history.handle {
            _ = pfsh_el_set_history(editLine, handle)
        }
        _ = pfsh_el_add_function(editLine, "pfsh-complete", "complete the word before the cursor") { editLine, _ in
            guard let editLine, let editor = LineEditor.from(editLine) else { return UInt8(CC_ERROR) }
            return editor.complete(editLine)
        }
        _ = pfsh_el_bind(editLine, "^I", "pfsh-complete")
        // Last, so the user's file can rebind anything, Tab included.
        _ = el_source(editLine, nil)
        // `bind -v` resets every key to vi's defaults, where Tab inserts a tab: complete there too,
        // as readline does in vi insert mode.
        if pfsh_el_editor_is_vi(editLine) != 0 { _ = pfsh_el_bind(editLine, "^I", "pfsh-complete") }
    }

    /// Above this many candidates, Tab asks before listing them, as readline does.
    public static let candidatesShownWithoutAsking = 100

    deinit {
        if let editLine { el_end(editLine) }
        free(promptBuffer)
    }

    /// Whether `fd` is a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool {
        isatty(fd) == 1
    }

    /// True once for each Ctrl-C (SIGINT) since the last call. For stopping a running command;
    /// `readLine` consumes the flag itself.
    public static func takeInterrupt() -> Bool {
        pfsh_el_take_sigint() != 0
    }

    /// Reads one line with editing. On Ctrl-C and Ctrl-D it prints a newline, so whatever comes next
    /// starts on a fresh line.
    public func readLine(continuation: Bool = false) -> ReadResult {
        guard let editLine else {
            return readPlainLine().map(ReadResult.line) ?? .endOfInput
        }
        installPrompt(continuation ? continuationPrompt : prompt)
        _ = pfsh_el_take_sigint()  // a Ctrl-C from before this read is not about this line
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count), count > 0 else {
            let interrupted = pfsh_el_take_sigint() != 0
            write("\n")
            return interrupted ? .interrupted : .endOfInput
        }
        var line = String(cString: raw)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        return .line(line)
    }

    /// Records a line in the history and saves the file; blank lines, lines starting with a space
    /// and repeats of the previous line are skipped.
    public func addToHistory(_ line: String) {
        history.add(line)
    }

    // MARK: - Internals

    private static func from(_ editLine: OpaquePointer) -> LineEditor? {
        guard let data = pfsh_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    private static func defaultContinuation(for prompt: String) -> String {
        String(repeating: " ", count: max(0, prompt.count - 2)) + "> "
    }

    private func installPrompt(_ text: String) {
        guard let copy = strdup(text) else { return }
        free(promptBuffer)
        promptBuffer = copy
    }

    private func write(_ text: String) {
        let out = pfsh_el_stdout()
        fputs(text, out)
        fflush(out)
    }

    /// The Tab command: asks the closure, then inserts, lists or beeps. Returns a libedit `CC_*` code.
    private func complete(_ editLine: OpaquePointer) -> UInt8 {
        guard let info = el_line(editLine)?.pointee, let start = info.buffer, let cursor = info.cursor,
            let end = info.lastchar
        else { return UInt8(CC_ERROR) }
        let bytes = UnsafeRawBufferPointer(start: start, count: end - start)
        let cursorOffset = cursor - start
        let line = String(decoding: bytes, as: UTF8.self)
        let result = completion(line, cursorOffset)
        let wordStart = min(max(0, result.wordStart), cursorOffset)
        let word = bytes[wordStart..<cursorOffset]

        switch result.candidates.count {
        case 0:
            return UInt8(CC_REFRESH_BEEP)
        case 1:
            let candidate = result.candidates[0]
            let text = candidate.replacement + (candidate.appendSpace ? " " : "")
            return replace(word, with: text, in: editLine) ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
        default:
            let prefix = CompletionLayout.longestCommonPrefix(result.candidates.map(\.replacement))
            if prefix.utf8.count > word.count || (prefix.utf8.count == word.count && !prefix.utf8.elementsEqual(word)) {
                _ = replace(word, with: prefix, in: editLine)
            }
            guard result.candidates.count <= Self.candidatesShownWithoutAsking || confirmListing(result.candidates.count, editLine)
            else { return UInt8(CC_REDISPLAY) }
            let columns = Int(pfsh_el_terminal_columns(editLine))
            let rows = CompletionLayout.rows(result.candidates.map(\.display), width: columns > 0 ? columns : 80)
            write("\n" + rows.joined(separator: "\n") + "\n")
            return UInt8(CC_REDISPLAY)
        }
    }

    /// `display all 1111 possibilities? (y or n)`: true on `y` (or `Y`, or a space), false on anything else.
    private func confirmListing(_ count: Int, _ editLine: OpaquePointer) -> Bool {
        write("\ndisplay all \(count) possibilities? (y or n)")
        var answer: CChar = 0
        let read = el_getc(editLine, &answer)
        let yes = read == 1 && [UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: " ")].contains(UInt8(bitPattern: answer))
        if !yes { write("\n") }
        return yes
    }

    /// Replaces the word before the cursor; inserts only the missing tail when the text extends the word.
    private func replace(_ word: Slice<UnsafeRawBufferPointer>, with text: String, in editLine: OpaquePointer) -> Bool {
        // Copy first: `word` points into libedit's buffer, which the edits below change.
        let wordBytes = Array(word)
        var insertion = Substring(text)
        if text.utf8.starts(with: wordBytes) {
            insertion = Substring(decoding: text.utf8.dropFirst(wordBytes.count), as: UTF8.self)
        } else {
            // el_deletestr counts characters (wide chars), i.e. code points: count UTF-8 lead bytes.
            let characters = wordBytes.filter { $0 & 0xC0 != 0x80 }.count
            if characters > 0 { el_deletestr(editLine, Int32(characters)) }
        }
        guard !insertion.isEmpty else { return true }
        return el_insertstr(editLine, String(insertion)) == 0
    }
}
