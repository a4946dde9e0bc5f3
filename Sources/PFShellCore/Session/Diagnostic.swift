/// Turns errors and warnings into the text the user sees. The one place messages are formatted:
/// `FILE:LINE:COLUMN: error: COMMAND: message` in scripts, `error: COMMAND: message` at the prompt.
public enum Diagnostic {
    public enum Severity: String, Sendable { case error, warning, note }

    public static func render(_ error: ShellError, showLocation: Bool) -> String {
        var lines = [line(.error, command: error.command, error.message, at: showLocation ? error.location : nil)]
        lines += error.notes.map { "  " + $0 }
        return lines.joined(separator: "\n")
    }

    public static func line(
        _ severity: Severity, command: String?, _ message: String, at location: SourceLocation? = nil
    ) -> String {
        let prefix = location.map { "\($0): " } ?? ""
        let subject = command.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(subject)\(message)"
    }
}
