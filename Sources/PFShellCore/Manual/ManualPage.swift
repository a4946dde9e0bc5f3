/// The manual page `pfsh(1)` as man(7) source, generated like `help` from the command table, so the
/// page lists exactly the commands pfsh runs, and pfsh's own options from `ProgramOptions.table`,
/// as `pfsh --help` does.
public enum ManualPage {
    public static func render(version: String) -> String {
        var lines = [#".TH PFSH 1 "" "pfsh \#(Roff.escape(version))" "User Commands""#]
        lines += section("NAME", [Roff.text("pfsh - the PingFederate shell: configure OAuth clients through the Admin API")])
        lines += section("SYNOPSIS", synopsis)
        lines += section("DESCRIPTION", ManualText.description)
        lines += section("OPTIONS", ProgramOptions.table.flatMap(optionEntry))
        lines += section("COMMANDS", commands)
        lines += section("SCRIPTS", ManualText.scripts)
        lines += section("FILES", ManualText.files)
        lines += section("ENVIRONMENT", ManualText.environment)
        lines += section("EXIT STATUS", exitStatus)
        lines += section("EXAMPLES", ManualText.examples)
        return lines.joined(separator: "\n") + "\n"
    }

    static func section(_ title: String, _ body: [String]) -> [String] {
        [".SH \(title)"] + body
    }

    static let synopsis: [String] = [
        Roff.line("\(Roff.bold("pfsh")) [\(Roff.italic("OPTIONS"))] [\(Roff.italic("SCRIPT"))\(Roff.escape(".pfsh")) | \(Roff.bold("-f")) \(Roff.italic("FILE")) | \(Roff.bold("-c")) \(Roff.italic("COMMAND"))...]"),
        ".br",
        Roff.line("\(Roff.bold("pfsh")) [\(Roff.italic("OPTIONS"))] [\(Roff.bold("--commit"))] \(Roff.italic("COMMAND")) [\(Roff.italic("WORD"))...]"),
    ]

    static func optionEntry(_ option: OptionSpec) -> [String] {
        let names = ((option.shortName.map { [$0] } ?? []) + [option.name]).map(Roff.bold).joined(separator: ", ")
        let value = option.valueName.map { " " + Roff.italic($0) } ?? ""
        return Roff.tagged(names + value, [Roff.text(option.summary)])
    }

    /// Every command of the table, grouped as `help` groups them, with its options.
    static var commands: [String] {
        var lines = ManualText.commandsIntroduction
        var groups: [String] = []
        for spec in CommandTable.all where !groups.contains(spec.group) { groups.append(spec.group) }
        for group in groups {
            lines.append(".SS \(group)")
            for spec in CommandTable.all where spec.group == group { lines += commandEntry(spec) }
        }
        return lines
    }

    static func commandEntry(_ spec: CommandSpec) -> [String] {
        var body = [Roff.text(spec.summary + (spec.stages ? " (stages a change)" : ""))]
        for option in spec.options {
            let names = ([option.name] + (option.shortName.map { [$0] } ?? [])).map(Roff.bold).joined(separator: ", ")
            let value = option.valueName.map { " " + Roff.italic($0) } ?? ""
            body += [".RS", ".TP", Roff.line(names + value), Roff.text(option.summary), ".RE"]
        }
        return Roff.tagged(usage(spec), body)
    }

    /// `client new ID` with the command's words bold and its arguments italic.
    static func usage(_ spec: CommandSpec) -> String {
        let arguments = spec.arguments.map { argument in
            let name = Roff.italic(argument.name) + (argument.isRepeating ? "..." : "")
            return argument.isOptional ? "[\(name)]" : name
        }
        return ([Roff.bold(spec.name)] + arguments).joined(separator: " ")
    }

    static var exitStatus: [String] {
        ExitStatus.allCases.flatMap { Roff.tagged(Roff.bold(String($0.rawValue)), [Roff.text($0.summary)]) }
    }
}
