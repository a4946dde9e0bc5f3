import ArgumentParser
import PFShellCore
import PFShellJSON

extension PfshOptions {
    /// pfsh's own options as the argument parser describes them (its JSON help, the form its own
    /// manual generator reads), so the manual page and `--help` cannot disagree.
    static var manualOptions: [ManualPage.Option] {
        guard let help = try? JSONParser.parse(_dumpHelp()),
            let arguments = help["command"]?["arguments"]?.arrayValue
        else { return [] }
        return arguments.compactMap(option)
    }

    private static func option(_ argument: JSONValue) -> ManualPage.Option? {
        guard let kind = argument["kind"]?.stringValue, kind != "positional",
            argument["shouldDisplay"]?.boolValue != false,
            let names = argument["names"]?.arrayValue?.compactMap(name), !names.isEmpty
        else { return nil }
        return ManualPage.Option(
            names: names, valueName: kind == "option" ? argument["valueName"]?.stringValue : nil,
            summary: argument["abstract"]?.stringValue ?? "")
    }

    /// `{"kind": "long", "name": "url"}` as `--url`.
    private static func name(_ name: JSONValue) -> String? {
        guard let text = name["name"]?.stringValue else { return nil }
        return name["kind"]?.stringValue == "long" ? "--" + text : "-" + text
    }
}
