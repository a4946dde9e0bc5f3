import Foundation
import PFShellTestSupport
import Testing

/// The transcripts together run every command of the command table (as `help` lists it).
@Suite struct CoverageTests {
    @Test func everyCommandAppearsInATranscript() throws {
        let directory = try TemporaryDirectory(prefix: "pfsh-coverage")
        let help = try PfshProcess.run(
            ["--no-rc", "-c", "help"], environment: ["HOME": directory.path], directory: directory.path)
        #expect(help.status == 0)
        let commands = Self.commands(inHelp: help.stdout)
        #expect(commands.count >= 40, "\(commands)")
        let used = try Self.scriptLines().compactMap { Self.longestCommand(in: $0, among: commands) }
        let missing = commands.filter { !used.contains($0) }
        #expect(missing.isEmpty, "no transcript runs: \(missing.map { $0.joined(separator: " ") })")
    }

    /// `  client new ID    stage a new client`: the leading lowercase words of each entry's usage,
    /// the column before the summary.
    static func commands(inHelp text: String) -> [[String]] {
        text.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { line in
            let usage = line.dropFirst(2).components(separatedBy: "  ")[0]
            return Array(usage.split(separator: " ").map(String.init).prefix { $0.wholeMatch(of: /[a-z][a-z-]*/) != nil })
        }.filter { !$0.isEmpty }
    }

    /// Every line of every transcript, sourced file and the example script, `-c`-style or not.
    static func scriptLines() throws -> [[String]] {
        let folder = TranscriptHarness.folder
        var files = TranscriptHarness.names.map { TranscriptHarness.path($0, ".pfsh") }
        files += try FileManager.default.contentsOfDirectory(atPath: folder + "/included").map { folder + "/included/" + $0 }
        files.append(BuiltProducts.packageRoot.appendingPathComponent("scripts/examples/thingworx.pfsh").path)
        return try files.flatMap { file in
            try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map {
                $0.split(separator: " ").map(String.init)
            }
        }
    }

    static func longestCommand(in words: [String], among commands: [[String]]) -> [String]? {
        let aliases = ["exit": "quit", "?": "help"]
        var words = words
        if let first = words.first, let alias = aliases[first] { words[0] = alias }
        return commands.filter { Array(words.prefix($0.count)) == $0 }.max { $0.count < $1.count }
    }
}
