/// A logical line's text as Unicode scalars, and how to turn a scalar index into a location.
///
/// The parser works on scalars so that a quote followed by a combining mark still counts as a
/// quote; locations are computed on demand, in characters as people count them, which keeps a
/// rescan of a long quoted block (the line assembler rescans on every line) cheap.
struct ScriptSource: Sendable {
    let scalars: [Unicode.Scalar]
    private let start: SourceLocation

    init(_ text: String, start: SourceLocation) {
        self.scalars = Array(text.unicodeScalars)
        self.start = start
    }

    var count: Int { scalars.count }

    /// The text of a range of scalars.
    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// The physical line and character column of the scalar at `index` (or of the end).
    func location(at index: Int) -> SourceLocation {
        var line = start.line
        var lineStart = 0
        for position in 0..<index where scalars[position] == "\n" {
            line += 1
            lineStart = position + 1
        }
        let firstColumn = lineStart == 0 ? start.column : 1
        return SourceLocation(file: start.file, line: line, column: firstColumn + text(lineStart..<index).count)
    }

    /// The UTF-8 offset of the scalar at `index` (or of the end).
    func utf8Offset(at index: Int) -> Int {
        scalars[0..<index].reduce(0) { $0 + $1.utf8.count }
    }

    /// The index of the last scalar boundary at or before a UTF-8 offset, clamped to the text.
    func index(atUTF8Offset offset: Int) -> Int {
        var bytes = 0
        for (index, scalar) in scalars.enumerated() {
            bytes += scalar.utf8.count
            if bytes > offset { return index }
        }
        return scalars.count
    }
}
