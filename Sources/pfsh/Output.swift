import Glibc

/// Writes to stdout and stderr unbuffered, so a program driving pfsh line by line sees each answer at once.
enum Output {
    static func out(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        Posix.write(lines.joined(separator: "\n") + "\n", to: STDOUT_FILENO)
    }

    static func err(_ text: String) {
        Posix.write(text + "\n", to: STDERR_FILENO)
    }
}
