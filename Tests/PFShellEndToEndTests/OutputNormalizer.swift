import Foundation

/// Replaces what changes from run to run (ports, temporary paths, dates, sealed secrets, timings)
/// with fixed placeholders, so a transcript compares equal on every machine and every day. A
/// placeholder may be longer than what it replaces, so a table column can look shifted.
struct OutputNormalizer {
    /// Literal replacements, longest first so a path is replaced before its prefix.
    var literals: [(String, String)] = []

    init(temporaryDirectory: String, port: String, runtimePort: String = "", closedPort: String?, impostorPort: String? = nil) {
        literals = [(temporaryDirectory, "<tmp>"), ("127.0.0.1:\(port)", "127.0.0.1:<port>")]
        if let impostorPort { literals.append(("127.0.0.1:\(impostorPort)", "127.0.0.1:<impostor-port>")) }
        if !runtimePort.isEmpty { literals.append(("127.0.0.1:\(runtimePort)", "127.0.0.1:<runtime-port>")) }
        if let closedPort {
            literals += [("127.0.0.1:\(closedPort)", "127.0.0.1:<closed-port>"), ("port \(closedPort)", "port <closed-port>")]
        }
        literals.sort { $0.0.count > $1.0.count }
    }

    func normalize(_ text: String) -> String {
        var result = text
        for (literal, placeholder) in literals where !literal.isEmpty {
            result = result.replacingOccurrences(of: literal, with: placeholder)
        }
        return Self.patterns(result)
    }

    /// The replacements that need no knowledge of the run.
    static func patterns(_ text: String) -> String {
        text.replacing(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/, with: "<date>")
            .replacing(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/, with: "<time>")
            .replacing(/OBF:JWE:[A-Za-z0-9._~+\/=-]+/, with: "OBF:JWE:<sealed>")
            .replacing(/after \d+ ms/, with: "after <n> ms")
            // The time a commit still waits for confirmation moves on while the transcript runs.
            .replacing(/with \d+:\d{2} left/, with: "with <m:ss> left")
            .replacing(/commit (\d+) within \d+:\d{2}/) { "commit \($0.output.1) within <m:ss>" }
    }
}
