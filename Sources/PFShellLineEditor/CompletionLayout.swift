/// Pure helpers for Tab completion: the common prefix to insert and the listing of choices.
enum CompletionLayout {
    /// The longest prefix, in whole characters, that every string shares.
    static func longestCommonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map(Array.init) else { return "" }
        for string in strings.dropFirst() {
            let shared = zip(prefix, string).prefix { $0 == $1 }.count
            prefix = Array(prefix.prefix(shared))
            if prefix.isEmpty { break }
        }
        return String(prefix)
    }

    /// Lays items out in columns, filled top to bottom then left to right like `ls`,
    /// two spaces apart, within `width` terminal columns; returns the rows without trailing spaces.
    static func rows(_ items: [String], width: Int) -> [String] {
        guard !items.isEmpty else { return [] }
        let gap = 2
        let widest = items.map(\.count).max() ?? 0
        let columnCount = max(1, min(items.count, (max(width, 1) + gap) / (widest + gap)))
        let rowCount = (items.count + columnCount - 1) / columnCount
        return (0..<rowCount).map { row in
            var line = ""
            for column in 0..<columnCount {
                let index = column * rowCount + row
                guard index < items.count else { break }
                let item = items[index]
                line += item
                if column < columnCount - 1, index + rowCount < items.count {
                    line += String(repeating: " ", count: widest - item.count + gap)
                }
            }
            return line
        }
    }
}
