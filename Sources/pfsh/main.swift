import FoundationEssentials
import Glibc
import PFShellCore

let arguments = Array(Swift.CommandLine.arguments.dropFirst())

// `pfsh __man`: the manual page pfsh(1) as roff, for the install scripts; not in --help.
if arguments == ["__man"] {
    print(ManualPage.render(version: PfshVersion.current), terminator: "")
    exit(0)
}

// `pfsh __complete SHELL -- WORDS...`: what the scripts in completions/ ask; not in --help.
if arguments.first == "__complete" {
    exit(ShellComplete.run(Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
}

// `pfsh __watchdog`: started by `commit confirmed`, its job on standard input; not in --help.
if arguments == ["__watchdog"] {
    exit(Watchdog.run())
}

let options: ProgramOptions
do {
    options = try ProgramOptions.parse(arguments)
} catch {
    Output.err("pfsh: \(error.message)")
    exit(ExitStatus.usage.rawValue)
}

if options.help {
    print(ProgramHelp.text, terminator: "")
    exit(0)
}

if options.version {
    print("pfsh \(PfshVersion.current)")
    exit(0)
}

if !options.fanOutProfiles.isEmpty {
    exit(FanOut(options: options).run().rawValue)
}

exit(Launcher(options: options).run().rawValue)
