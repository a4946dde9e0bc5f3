import Foundation
import PFShellEmulator
import PFShellTestSupport
import Testing

@testable import PFShellEmulatorServer

@Suite struct StateFileTests {
    static func sampleState() -> EmulatorState {
        DemoSeed.state(now: 1_750_000_000_000) { count in
            (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ count) }
        }
    }

    @Test func missingFileLoadsAsNil() throws {
        let directory = try TemporaryDirectory()
        #expect(try StateFile(path: directory.file("state.json")).load() == nil)
    }

    @Test func roundTrip() throws {
        let directory = try TemporaryDirectory()
        let file = StateFile(path: directory.file("state.json"))
        let state = Self.sampleState()
        try file.save(state)
        #expect(try file.load() == state)
        #expect(try directory.names() == ["state.json"])
    }

    @Test func savedWithMode0600EvenOverAWiderFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("{}", to: "state.json")
        chmod(directory.file("state.json"), 0o644)
        try StateFile(path: directory.file("state.json")).save(EmulatorState(sealingKey: Array(repeating: 7, count: 32)))
        #expect(try directory.mode("state.json") == 0o600)
    }

    @Test func staleTemporaryFileFromACrashIsIgnored() throws {
        let directory = try TemporaryDirectory()
        let file = StateFile(path: directory.file("state.json"))
        let state = Self.sampleState()
        try file.save(state)
        // What a crash between write and rename leaves behind: half a file under the temporary name.
        let stale = FileWriter.temporaryPrefix(for: file.path) + "999-dead"
        try directory.write("{\"format\": \"pfsh-emu", to: stale)
        #expect(try file.load() == state)
        try file.save(state)
        #expect(try file.load() == state)
    }

    @Test func onlyATemporaryFileMeansNoState() throws {
        let directory = try TemporaryDirectory()
        let file = StateFile(path: directory.file("state.json"))
        try directory.write("{", to: FileWriter.temporaryPrefix(for: file.path) + "1-1")
        #expect(try file.load() == nil)
    }

    @Test func tornFileIsAnErrorWithPathLineAndColumn() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("state.json")
        try StateFile(path: path).save(Self.sampleState())
        let whole = try String(contentsOfFile: path, encoding: .utf8)
        try directory.write(String(whole.prefix(whole.count / 2)), to: "state.json")
        let error = #expect(throws: EmulatorServerError.self) { try StateFile(path: path).load() }
        let message = error?.message ?? ""
        #expect(message.hasPrefix(path + ":"))
        #expect(message.contains(/^[^\n]+:\d+:\d+: \S/))
    }

    @Test func garbageReportsWhereItStarts() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("state.json")
        try directory.write("{\n  \"format\": @\n}\n", to: "state.json")
        let error = #expect(throws: EmulatorServerError.self) { try StateFile(path: path).load() }
        #expect(error?.message.hasPrefix("\(path):2:13: ") == true)
    }

    @Test func jsonThatIsNotAStateIsAnErrorNamingThePath() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("state.json")
        try directory.write("[1, 2, 3]\n", to: "state.json")
        let error = #expect(throws: EmulatorServerError.self) { try StateFile(path: path).load() }
        #expect(error?.message.hasPrefix("\(path): ") == true)
    }

    @Test func unwritableDirectoryIsAnError() throws {
        let directory = try TemporaryDirectory()
        let file = StateFile(path: directory.file("missing/state.json"))
        #expect(throws: EmulatorServerError.self) { try file.save(EmulatorState(sealingKey: Array(repeating: 1, count: 32))) }
    }
}
