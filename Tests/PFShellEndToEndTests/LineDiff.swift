/// A line diff for failure messages: `-` expected, `+` actual, two lines of context, `@@` between hunks.
enum LineDiff {
    static func render(expected: String, actual: String, context: Int = 2) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = script(old, new)
        let changed = edits.indices.filter { edits[$0].0 != " " }
        guard !changed.isEmpty else { return "" }
        var shown = Set<Int>()
        for index in changed {
            for near in max(0, index - context)...min(edits.count - 1, index + context) { shown.insert(near) }
        }
        var lines: [String] = []
        var previous: Int?
        for index in shown.sorted() {
            if let previous, index != previous + 1 { lines.append("@@") }
            lines.append("\(edits[index].0) \(edits[index].1)")
            previous = index
        }
        return lines.joined(separator: "\n")
    }

    /// The edit script from the longest common subsequence: (" ", line), ("-", line) or ("+", line).
    static func script(_ old: [String], _ new: [String]) -> [(Character, String)] {
        var table = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [(Character, String)] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                edits.append((" ", old[i]))
                i += 1
                j += 1
            } else if i < old.count, j == new.count || table[i + 1][j] >= table[i][j + 1] {
                edits.append(("-", old[i]))
                i += 1
            } else {
                edits.append(("+", new[j]))
                j += 1
            }
        }
        return edits
    }
}
