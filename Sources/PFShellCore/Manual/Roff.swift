import PFShellJSON

/// Writing man(7) source: escapes and the few constructs the manual page uses.
enum Roff {
    /// Text as roff prints it: a backslash is `\e`, every `-` a typable `\-` (a bare `-` may print as
    /// a hyphen that cannot be pasted into a shell).
    static func escape(_ text: String) -> String {
        TextEscaping.escape(text) { character in
            switch character {
            case "\\": "\\e"
            case "-": "\\-"
            default: nil
            }
        }
    }

    /// A line of running text, already styled; one starting with `.` or `'` would be read as a request.
    static func line(_ styled: String) -> String {
        styled.hasPrefix(".") || styled.hasPrefix("'") ? "\\&" + styled : styled
    }

    /// A line of plain text.
    static func text(_ text: String) -> String { line(escape(text)) }

    static func bold(_ text: String) -> String { "\\fB\(escape(text))\\fR" }

    static func italic(_ text: String) -> String { "\\fI\(escape(text))\\fR" }

    /// A paragraph with a hanging tag: `.TP`, the tag line, then the body.
    static func tagged(_ tag: String, _ body: [String]) -> [String] {
        [".TP", line(tag)] + body
    }

    /// A code sample, set as it is typed.
    static func example(_ lines: [String]) -> [String] {
        [".PP", ".RS 4", ".nf"] + lines.map(text) + [".fi", ".RE"]
    }
}
