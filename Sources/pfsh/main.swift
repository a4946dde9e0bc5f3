import ArgumentParser
import Foundation
import PFShellCore

let arguments = Array(Swift.CommandLine.arguments.dropFirst())

// `pfsh __man`: the manual page pfsh(1) as roff, for the install scripts; not in --help.
if arguments == ["__man"] {
    print(ManualPage.render(version: PfshVersion.current, options: PfshOptions.manualOptions), terminator: "")
    exit(0)
}

// `pfsh __complete SHELL -- WORDS...`: what the scripts in completions/ ask; not in --help.
if arguments.first == "__complete" {
    exit(ShellComplete.run(Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
}

/// Usage errors exit 2, as the README documents; argument-parser would use 64.
let options: PfshOptions
do {
    options = try PfshOptions.parseCommandLine(arguments)
} catch {
    if PfshOptions.exitCode(for: error) == .success {
        print(PfshOptions.helpMessage().replacingOccurrences(of: "USAGE:", with: PfshOptions.helpText + "\n\nUSAGE:"))
        exit(0)
    }
    FileHandle.standardError.write(Data(("pfsh: " + PfshOptions.message(for: error) + "\n").utf8))
    exit(ExitStatus.usage.rawValue)
}

if options.version {
    print("pfsh \(PfshVersion.current)")
    exit(0)
}

exit(Launcher(options: options).run().rawValue)
