import Foundation

/// A script's text, read whole. The bytes are released when this returns, before the script runs,
/// so a long script is held once while it runs.
enum ScriptFile {
    static func text(at path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
