import Foundation
import PFShellTestSupport
import Testing

/// `pfsh __man` is the manual page pfsh(1): `man -l` renders it without a warning, and it lists
/// every command `help` lists and every option `--help` lists.
@Suite struct ManualPageRenderingTests {
    @Test func manRendersEveryCommandAndOption() throws {
        let directory = try TemporaryDirectory(prefix: "pfsh-man")
        let page = try ProcessRunner.run(PfshProcess.binary, ["__man"])
        #expect(page.status == 0)
        try page.stdout.write(toFile: directory.file("pfsh.1"), atomically: true, encoding: .utf8)
        let rendered = try ManualReader.render(directory.file("pfsh.1"))
        #expect(rendered.status == 0)
        #expect(rendered.stderr == "")
        let text = rendered.stdout
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "SCRIPTS", "FILES", "ENVIRONMENT", "EXIT STATUS"] {
            #expect(text.contains("\n\(section)\n"), "no section \(section)")
        }
        let help = try PfshProcess.run(["--no-rc", "-c", "help"], environment: ["HOME": directory.path], directory: directory.path)
        let commands = CoverageTests.commands(inHelp: help.stdout)
        #expect(commands.count >= 40)
        for command in commands {
            #expect(text.contains("       \(command.joined(separator: " "))"), "no entry for \(command.joined(separator: " "))")
        }
        for option in try Self.pfshOptions() {
            #expect(text.contains(option), "no option \(option)")
        }
    }

    /// `--url`, `-c`, ...: the options `pfsh --help` lists.
    static func pfshOptions() throws -> [String] {
        let help = try ProcessRunner.run(PfshProcess.binary, ["--help"])
        let options = help.stdout.components(separatedBy: "OPTIONS:").last ?? ""
        return options.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first.map(String.init).flatMap { $0.hasPrefix("-") ? $0.trimmingCharacters(in: [","]) : nil }
        }
    }
}

/// `man -l` on a page: what a reader sees, and groff's warnings on stderr.
enum ManualReader {
    static func render(_ path: String) throws -> ProcessResult {
        try ProcessRunner.run(
            "/usr/bin/env", ["man", "--warnings", "-l", path],
            environment: ["MANWIDTH": "100", "MANPAGER": "cat", "PAGER": "cat", "LANG": "C.UTF-8"])
    }
}
