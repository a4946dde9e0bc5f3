import PFShellCore

/// A whole script: read into logical lines (numbered without gaps), checked by the preflight
/// (which may source itself), then each line through `LineTarget`; the words of the first line
/// that lexes to any are also read as pfsh's own arguments.
enum ScriptTarget {
    static let file = "fuzz.pfsh"

    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = read(text)
        var preflight = ScriptPreflight(
            variables: FuzzVariables.names, environment: FuzzVariables.environmentNames,
            readFile: FuzzVariables.files(script: text))
        for problem in preflight.problems(in: text, file: file) {
            check(problem.location.line >= 1 && problem.location.column >= 1, "bad problem location \(problem)")
        }
        let words = lines.map { LineTarget.run($0) }
        if let first = words.lazy.compactMap({ $0 }).first(where: { !$0.isEmpty }) { _ = try? ProgramOptions.parse(first) }
    }

    /// The logical lines; each starts where the one before ended, and when the script ends well,
    /// they account for every physical line.
    private static func read(_ text: String) -> [RawLine] {
        var reader = ScriptReader(text: text, file: file)
        var lines: [RawLine] = []
        var nextLine = 1
        while true {
            let line: RawLine?
            do {
                line = try reader.next()
            } catch {
                check(error.location.line >= nextLine && error.location.line < nextLine + physicalLines(text), "bad error location \(error)")
                check((try? reader.next()) == nil, "the reader goes on after an error")
                return lines
            }
            guard let line else { break }
            check(line.location == SourceLocation(file: file, line: nextLine, column: 1), "line \(nextLine) at \(line.location)")
            check(line.physicalLines >= 1, "a line of \(line.physicalLines) physical lines")
            nextLine += line.physicalLines
            lines.append(line)
        }
        check(nextLine - 1 == physicalLines(text), "\(nextLine - 1) lines read of \(physicalLines(text))")
        return lines
    }

    /// Lines separated by `\n`; a final `\n` does not start another, nor does a leading byte order mark.
    private static func physicalLines(_ text: String) -> Int {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        guard let last = scalars.last else { return 0 }
        let newlines = scalars.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        return last == "\n" ? newlines : newlines + 1
    }
}
