import FoundationEssentials
import PFShellCore
import PFShellLineEditor

/// Adapts the core's completion to the line editor; lists files for path arguments.
enum LineCompletion {
    static func complete(line: String, cursor: Int, session: Session) -> CompletionResult {
        let result = Completer.complete(line, cursor: cursor, context: session.completionContext(files: listFolder))
        return CompletionResult(
            wordStart: result.wordStart,
            candidates: result.candidates.map {
                Candidate(replacement: $0.replacement, display: $0.display, appendSpace: $0.appendSpace)
            })
    }

    /// The entries of the folder a path prefix points into; folders end in `/`, hidden files only when asked for.
    static func listFolder(_ prefix: String) -> [String] {
        let folder = prefix.contains("/") ? String(prefix[...(prefix.lastIndex(of: "/") ?? prefix.startIndex)]) : "."
        let expanded = FilePaths.expandingTilde(folder, home: ProcessInfo.processInfo.environment["HOME"] ?? "")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: expanded) else { return [] }
        let showHidden = (prefix.split(separator: "/").last ?? "").hasPrefix(".")
        return names.filter { showHidden || !$0.hasPrefix(".") }.map { name in
            var isFolder = false
            _ = FileManager.default.fileExists(atPath: FilePaths.join(expanded, name), isDirectory: &isFolder)
            return isFolder ? name + "/" : name
        }
    }
}
