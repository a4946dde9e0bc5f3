import Foundation
import Testing

/// Every golden transcript under `Transcripts/`, each against its own emulator.
@Suite struct TranscriptTests {
    @Test(arguments: TranscriptHarness.names)
    func transcript(_ name: String) throws {
        try TranscriptHarness.check(name)
    }

    /// A baseline without its script would never be checked again.
    @Test func everyBaselineHasItsScript() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TranscriptHarness.folder)
        let scripts = Set(TranscriptHarness.names)
        for file in files where file.hasSuffix(".expected") {
            #expect(scripts.contains(String(file.dropLast(".expected".count))), "\(file) has no .pfsh")
        }
        #expect(scripts.count >= 10)
    }
}
