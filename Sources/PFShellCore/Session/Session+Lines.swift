/// The one path of a line, whoever reads it (a script, `-c`, a pipe, the prompt, pfsh's own
/// arguments, the session tests): expand and split it, parse it against the command table, run it.
extension Session {
    /// Runs one logical line; `environment` answers `${env.NAME}`. A syntax or expansion error is a
    /// usage error at its place in the line.
    public func run(_ line: RawLine, environment: [String: String]) -> CommandResult {
        let words: CommandLine
        do {
            words = try Lexer.words(line, variables: Variables(session: self, environment: environment))
        } catch {
            return .failure(ShellError(script: error))
        }
        return run(words)
    }

    /// Runs a line already split into words (pfsh's own arguments are never split again).
    public func run(_ line: CommandLine) -> CommandResult {
        do {
            guard let invocation = try CommandParser.parse(line) else { return CommandResult() }
            return run(invocation)
        } catch {
            return .failure(error)
        }
    }

    /// `${NAME}` reads the session's variables (`-v`, `let`); `${env.NAME}` the environment given.
    struct Variables: VariableLookup {
        let session: Session
        let environment: [String: String]

        func value(of name: String) -> String? { session.variables[name] }
        func environment(_ name: String) -> String? { environment[name] }
    }
}

extension ShellError {
    /// A line that cannot be read (an open quote, a bad `${`, an unset variable) is a usage error.
    public init(script error: ScriptError) {
        self.init(.usage, error.message, location: error.location)
    }
}
