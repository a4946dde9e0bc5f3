import Foundation
import PFShellEmulator
import PFShellJSON

/// The `--data` file: the emulator's whole state as pretty JSON. It holds plaintext client secrets,
/// so it is written with mode 0600, and always atomically (see ``FileWriter``).
public struct StateFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The stored state, or nil when the file does not exist yet. A file that exists but cannot be
    /// read, is not JSON, or is not a valid state is an error: it is never silently replaced.
    public func load() throws(EmulatorServerError) -> EmulatorState? {
        guard let bytes = try FileBytes.readIfPresent(path) else { return nil }
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw EmulatorServerError("\(path):\(error.line):\(error.column): \(error.message)")
        }
        do {
            return try EmulatorState(json: json)
        } catch {
            throw EmulatorServerError("\(path): not a valid emulator state: \(error)")
        }
    }

    public func save(_ state: EmulatorState) throws(EmulatorServerError) {
        let text = JSONPrinter.print(state.toJSON(), style: .pretty) + "\n"
        try FileWriter.store(Array(text.utf8), at: path, mode: 0o600)
    }
}
