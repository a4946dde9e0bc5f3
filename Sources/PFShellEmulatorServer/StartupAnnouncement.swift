import Foundation

/// The lines `pfsh-emulator` prints on stdout once every listener is listening, in a fixed order
/// whatever order the listeners come up in: one `<name>-url URL` line per listener, then
/// `ca-file PATH` (HTTPS only), `fault-seed N` (with `--faults`), then `ready`. Written with
/// `FileHandle`, not `print`, so each line reaches a pipe at once instead of sitting in a block buffer.
actor StartupAnnouncement {
    private let listeners: [String]
    private let caFile: String?
    private let faultSeed: UInt64?
    private var urls: [String: String] = [:]
    private var announced = false

    /// - Parameter listeners: the line keys in the order to print them, e.g. `["admin-url"]`.
    init(listeners: [String], caFile: String?, faultSeed: UInt64? = nil) {
        self.listeners = listeners
        self.caFile = caFile
        self.faultSeed = faultSeed
    }

    func listening(_ key: String, url: String) {
        urls[key] = url
        guard !announced, listeners.allSatisfy({ urls[$0] != nil }) else { return }
        announced = true
        for key in listeners {
            StandardOutput.line("\(key) \(urls[key] ?? "")")
        }
        if let caFile { StandardOutput.line("ca-file \(caFile)") }
        if let faultSeed { StandardOutput.line("fault-seed \(faultSeed)") }
        StandardOutput.line("ready")
    }
}
