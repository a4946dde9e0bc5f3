/// Levenshtein distance, for the "did you mean" of both command words and field names.
enum EditDistance {
    /// Insertions, deletions and substitutions each cost one; case is ignored.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased())
        let b = Array(b.lowercased())
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The most edits that still read as a typo of `word`: two for short words, a quarter of a long one.
    static func limit(for word: String) -> Int {
        max(2, word.count / 4)
    }

    /// The closest candidate within `limit(for:)`; the first of equally close ones.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let most = limit(for: word)
        return candidates.map { ($0, distance(word, $0)) }.filter { $0.1 <= most }.min { $0.1 < $1.1 }?.0
    }
}
