/// A script read whole before its first line runs, as a compiler reads a program: every syntax
/// error, and every `${NAME}` that nothing gives a value (not `-v`, not an earlier `let`, not the
/// environment for `${env.NAME}`, and no `:-` default), so that a script that cannot finish
/// changes nothing. Files it `source`s with a literal path are read the same way, at that point.
public struct ScriptPreflight {
    /// Variables known so far: given, or set by a `let` already read.
    private var known: Set<String>
    private let environment: Set<String>
    /// A sourced file's text, nil when it cannot be read; pure, so the edge reads the disk.
    private let readFile: (String) -> String?
    private var depth = 0
    /// The scripts checked and the files they source, each read once: a second reading finds
    /// nothing new (the known variables only grow), and a script that sources itself three times
    /// would otherwise be read 3^16 times, down to the depth limit.
    private var filesRead: Set<String> = []

    public init(variables: Set<String>, environment: Set<String>, readFile: @escaping (String) -> String?) {
        self.known = variables
        self.environment = environment
        self.readFile = readFile
    }

    /// The problems of `text` (the script `file`, its first line numbered `firstLine`), in order.
    /// Variables its `let` lines set stay known for the next text checked.
    public mutating func problems(in text: String, file: String, firstLine: Int = 1) -> [ScriptError] {
        if depth == 0 { filesRead.insert(file) }
        var reader = ScriptReader(text: text, file: file, firstLine: firstLine)
        var found: [ScriptError] = []
        while true {
            let line: RawLine?
            do {
                line = try reader.next()
            } catch {
                return found + [error]
            }
            guard let line else { return found }
            found += problems(of: line)
        }
    }

    private mutating func problems(of line: RawLine) -> [ScriptError] {
        let parsed = line.parse?.parsed ?? ScriptParser.parse(ScriptSource(line.text, start: line.location))
        if let error = parsed.firstError { return [error] }
        let found = parsed.words.flatMap { unknownVariables(in: $0.parts) }
        let literal = parsed.words.map { word in literalText(word.parts) }
        if literal.first == "let", literal.count > 1, let name = literal[1] { known.insert(name) }
        if literal.first == "source", literal.count > 1, let path = literal[1] {
            return found + sourced(path, from: line.location)
        }
        return found
    }

    private func unknownVariables(in parts: [ScriptWordPart]) -> [ScriptError] {
        parts.flatMap { part -> [ScriptError] in
            guard case .expansion(let expansion, _) = part else { return [] }
            let isKnown = expansion.isEnvironment ? environment.contains(expansion.name) : known.contains(expansion.name)
            if isKnown { return [] }
            switch expansion.fallback {
            case .none:
                return [ScriptError(kind: .undefinedVariable(expansion.displayName), location: expansion.location)]
            case .useDefault(let fallback):
                return unknownVariables(in: fallback)
            case .require(let message):
                let kind = ScriptError.Kind.requiredVariable(name: expansion.displayName, message: ScriptExpander.verbatim(message))
                return [ScriptError(kind: kind, location: expansion.location)]
            }
        }
    }

    /// A word with no `${...}` in it, as it reads; nil otherwise.
    private func literalText(_ parts: [ScriptWordPart]) -> String? {
        parts.containsExpansion ? nil : ScriptExpander.verbatim(parts)
    }

    /// A sourced file, read in place once; one that cannot be read is left to the `source` command.
    private mutating func sourced(_ path: String, from location: SourceLocation) -> [ScriptError] {
        let resolved = SourcePath.resolve(path, from: location.file)
        guard depth < 16, filesRead.insert(resolved).inserted, let text = readFile(resolved) else { return [] }
        depth += 1
        defer { depth -= 1 }
        return problems(in: text, file: resolved)
    }

}

/// Where `source PATH` reads from: a relative path is relative to the folder of the script that
/// sources it; from `-c`, a pipe or the prompt, relative to the current folder.
public enum SourcePath {
    public static func resolve(_ path: String, from file: String) -> String {
        if path.hasPrefix("/") || ["-c", "<stdin>", "<terminal>", "pfsh"].contains(file) { return path }
        guard let slash = file.lastIndex(of: "/") else { return path }
        return String(file[...slash]) + path
    }
}
