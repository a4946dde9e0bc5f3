import ArgumentParser
import Foundation
import PFShellEmulatorServer

/// Usage errors exit 2, like most Unix tools; swift-argument-parser would use 64 for some of them.
let usageErrorStatus: Int32 = 2

let command: EmulatorCommand
do {
    command = try EmulatorCommand.parse()
} catch {
    if EmulatorCommand.exitCode(for: error) == .success {
        EmulatorCommand.exit(withError: error)  // --help: prints the help on stdout and exits 0
    }
    try? FileHandle.standardError.write(contentsOf: Data((EmulatorCommand.fullMessage(for: error) + "\n").utf8))
    exit(usageErrorStatus)
}
exit(await EmulatorLauncher.run(command.options))
