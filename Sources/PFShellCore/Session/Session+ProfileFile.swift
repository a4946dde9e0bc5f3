/// The profiles a start-up file defines, for completion in the user's shell: its `profile define`
/// lines run, and nothing else (no `connect`, no prompt, no request).
extension Session {
    public static func profiles(definedIn text: String, file: String, environment: [String: String]) -> [String: ConnectionSettings] {
        let session = Session(services: InertServices())
        var reader = ScriptReader(text: text, file: file)
        while let raw = try? reader.next() {
            guard let line = try? Lexer.words(raw, variables: EnvironmentOnly(values: environment)),
                let invocation = try? CommandParser.parse(line), invocation.spec.id == .profileDefine
            else { continue }
            _ = session.run(invocation)
        }
        return session.profiles
    }

    /// `${env.NAME}` from the environment; a script variable is unset here.
    private struct EnvironmentOnly: VariableLookup {
        let values: [String: String]
        func value(of name: String) -> String? { nil }
        func environment(_ name: String) -> String? { values[name] }
    }

    /// Services for a session that must reach nothing.
    private final class InertServices: ShellServices {
        func connect(_ settings: ConnectionSettings) throws(ShellError) -> any ServerPort {
            throw ShellError(.connection, "not connecting here")
        }
        func activate(_ port: (any ServerPort)?) {}
        func readSecret(_ source: SecretSource) throws(ShellError) -> String { throw ShellError(.command, "no secrets here") }
        func randomSecret(length: Int) -> String { "" }
        func readTextFile(_ path: String) throws(ShellError) -> String? { nil }
        func writeSettingsFile(_ text: String, to path: String) throws(ShellError) { throw ShellError(.command, "no files here") }
        func runtime(_ request: RuntimeRequest) throws(ShellError) -> RuntimeResponse {
            throw ShellError(.connection, "no runtime here")
        }
        func forgetRuntimeCookies() {}
        func pause(milliseconds: Int) throws(ShellError) {}
        func journalStore(for settings: ConnectionSettings) -> (any JournalStore)? { nil }
    }
}
