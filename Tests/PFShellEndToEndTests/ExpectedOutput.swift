/// A transcript's result as its `.expected` file holds it:
///
///     # exit 1
///     # stdout
///     ...every line pfsh printed on stdout...
///     # stderr
///     ...every line on stderr...
///
/// Output that does not end in a newline gets a last line `\ no newline at end`.
struct ExpectedOutput: Equatable {
    var status: Int32
    var stdout: String
    var stderr: String

    static let noNewline = "\\ no newline at end"

    var fileText: String {
        "# exit \(status)\n# stdout\n" + Self.section(stdout) + "# stderr\n" + Self.section(stderr)
    }

    private static func section(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        return text.hasSuffix("\n") ? text : text + "\n" + noNewline + "\n"
    }

    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    init(fileText: String) throws {
        var lines = fileText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard lines.count >= 3, lines[0].hasPrefix("# exit "), let status = Int32(lines[0].dropFirst("# exit ".count)),
            lines[1] == "# stdout", let split = lines.firstIndex(of: "# stderr")
        else { throw FormatError(description: "expected '# exit N', '# stdout', ..., '# stderr', ...") }
        self.status = status
        stdout = Self.text(lines[2..<split])
        stderr = Self.text(lines[(split + 1)...])
    }

    private static func text(_ lines: ArraySlice<String>) -> String {
        guard !lines.isEmpty else { return "" }
        if lines.last == noNewline { return lines.dropLast().joined(separator: "\n") }
        return lines.joined(separator: "\n") + "\n"
    }
}
