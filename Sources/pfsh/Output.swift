import Foundation

/// Writes to stdout and stderr unbuffered, so a program driving pfsh line by line sees each answer at once.
enum Output {
    static func out(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
