/// `pfsh --help`: what pfsh is, its exit statuses, and its options from `ProgramOptions.table`.
public enum ProgramHelp {
    public static var text: String {
        let options = ProgramOptions.table.flatMap { entry(label(of: $0), $0.summary) }
        return (introduction + [""]
            + wrapList(ExitStatus.allCases.map { "\($0.rawValue) \($0.summary)" }, first: "exit status: ") + [""]
            + ["USAGE: pfsh [<options>] [<command-or-script> ...]", "", "ARGUMENTS:"]
            + entry("<command-or-script>", "a command and its words, run once (see 'pfsh help'), or a .pfsh script to run")
            + ["", "OPTIONS:"] + options).joined(separator: "\n") + "\n"
    }

    static let introduction = [
        "pfsh: the PingFederate shell. Stage OAuth client changes against the Admin API, review them",
        "with diff, and write them with commit; replay saved .pfsh scripts. 'pfsh [<options>] COMMAND",
        "[WORD ...]' runs one command ('pfsh help' lists them); one that stages a change needs --commit.",
    ]

    /// `-h, --help`, `--url <URL>`.
    static func label(of option: OptionSpec) -> String {
        let names = (option.shortName.map { [$0] } ?? []) + [option.name]
        return names.joined(separator: ", ") + (option.valueName.map { " <\($0)>" } ?? "")
    }

    /// A label and its summary in two columns, the summary wrapped at 80 characters.
    static func entry(_ label: String, _ summary: String) -> [String] {
        let indent = String(repeating: " ", count: 26)
        var lines = wrapWords(summary, width: 80 - indent.count).map { indent + $0 }
        let head = "  " + label
        if head.count + 2 <= indent.count {
            lines[0] = head + String(repeating: " ", count: indent.count - head.count) + lines[0].dropFirst(indent.count)
        } else {
            lines.insert(head, at: 0)
        }
        return lines
    }

    static func wrapWords(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        return lines + [current]
    }

    /// Items joined with `; `, a line never broken inside one.
    static func wrapList(_ items: [String], first: String, width: Int = 92) -> [String] {
        var lines: [String] = []
        var current = first
        for (index, item) in items.enumerated() {
            let piece = item + (index < items.count - 1 ? ";" : "")
            if current != first && current.count + 1 + piece.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty || current == first ? "" : " ") + piece
        }
        return lines + [current]
    }
}
