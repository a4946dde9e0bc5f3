import Foundation
@testable import PFShellLineEditor
import PFShellTestSupport
import Testing

@Suite("history store")
struct HistoryStoreTests {
    /// A fresh folder per test, removed afterwards.
    private func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
        let directory = try TemporaryDirectory(prefix: "pfsh-history-tests")
        try body(URL(fileURLWithPath: directory.path))
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("the file is written with mode 0600")
    func privateFile() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("history").path
            let store = HistoryStore(file: file)
            #expect(store.add("connect https://localhost:9999"))
            let permissions = try mode(file)
            #expect(permissions == 0o600)
        }
    }

    @Test("an existing file with a wider mode is tightened to 0600")
    func tightensExistingFile() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("history").path
            #expect(FileManager.default.createFile(atPath: file, contents: Data(), attributes: [.posixPermissions: 0o644]))
            HistoryStore(file: file).add("help")
            let permissions = try mode(file)
            #expect(permissions == 0o600)
        }
    }

    @Test("blank lines, lines starting with a space and consecutive duplicates are not recorded")
    func skippedLines() {
        let store = HistoryStore(file: nil)
        #expect(store.add("help"))
        #expect(!store.add("help"))
        #expect(!store.add(""))
        #expect(!store.add("   "))
        #expect(!store.add(" set password hunter2"))
        #expect(!store.add("\tsecret"))
        #expect(store.add("quit"))
        #expect(store.add("help"))
        #expect(store.entries == ["help", "quit", "help"])
    }

    @Test("a reloaded file gives the same entries, UTF-8 and spaces intact")
    func reload() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("history").path
            let lines = ["cluster list", "set name \"café ✓\"", "a\\b", "tab\there"]
            do {
                let store = HistoryStore(file: file)
                for line in lines { store.add(line) }
            }
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.hasPrefix("_HiStOrY_V2_\n"))
            #expect(HistoryStore(file: file).entries == lines)
        }
    }

    @Test("the size limits the entries kept and saved")
    func sizeLimit() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("history").path
            let store = HistoryStore(file: file, size: 3)
            for index in 1...5 { store.add("command \(index)") }
            #expect(store.entries == ["command 3", "command 4", "command 5"])
            #expect(HistoryStore(file: file, size: 2).entries == ["command 4", "command 5"])
        }
    }

    @Test("a missing file starts empty; an unwritable one does not stop recording")
    func missingAndUnwritable() {
        let store = HistoryStore(file: "/nonexistent-pfsh-dir/history")
        #expect(store.entries.isEmpty)
        #expect(store.add("help"))
        #expect(!store.save())
        #expect(store.entries == ["help"])
    }
}
