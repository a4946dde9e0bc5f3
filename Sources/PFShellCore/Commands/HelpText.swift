/// `help` and `help COMMAND`, generated from the command table.
public enum HelpText {
    public static func overview() -> [String] {
        var lines: [String] = []
        var groups: [String] = []
        for spec in CommandTable.all where !groups.contains(spec.group) { groups.append(spec.group) }
        let width = min(44, (CommandTable.all.map { shortUsage($0).count }.max() ?? 20) + 2)
        for group in groups {
            if !lines.isEmpty { lines.append("") }
            lines.append("\(group):")
            for spec in CommandTable.all where spec.group == group {
                let usage = shortUsage(spec)
                let padding = String(repeating: " ", count: max(2, width - usage.count))
                lines.append("  \(usage)\(padding)\(spec.summary)")
            }
        }
        lines.append("")
        lines.append("'help COMMAND' shows a command's options.")
        return lines
    }

    public static func detail(for words: [String]) -> [String]? {
        let specs = CommandTable.all.filter { Array($0.words.prefix(words.count)) == words }
        guard !specs.isEmpty else { return nil }
        var lines: [String] = []
        for spec in specs {
            if !lines.isEmpty { lines.append("") }
            lines.append("usage: \(spec.usage)")
            lines.append("  \(spec.summary)")
            for option in spec.options {
                let usage = option.usage + (option.shortName.map { ", \($0)" } ?? "")
                lines.append("    \(usage)\(String(repeating: " ", count: max(2, 26 - usage.count)))\(option.summary)")
            }
        }
        return lines
    }

    /// The command and its arguments, without options: `client new ID`.
    static func shortUsage(_ spec: CommandSpec) -> String {
        ([spec.name] + spec.arguments.map(\.usage)).joined(separator: " ")
    }
}
