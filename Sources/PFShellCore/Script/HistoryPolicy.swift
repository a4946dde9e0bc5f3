/// Which lines the prompt keeps in its history file. Secrets never appear on a command line, but
/// a `let` of a variable whose name holds secret material (`FieldCatalog.holdsSecret`) might
/// carry one, so that line is left out, and so is a line refused for carrying secret material
/// (`secret set hunter2`, `set clientAuth.secret hunter2`).
public enum HistoryPolicy {
    public static func shouldRecord(_ line: String, result: CommandResult) -> Bool {
        result.error?.carriesSecret != true && shouldRecord(line)
    }

    public static func shouldRecord(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard words.first == "let", words.count > 1 else { return true }
        return !FieldCatalog.holdsSecret(key: String(words[1]))
    }
}
