/// `record start FILE` and `record stop`.
extension Session {
    func startRecording(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        if let recording { throw i.error("already recording into '\(recording.path)'; 'record stop' first") }
        let path = i.arguments[0].text
        recording = SessionRecording(path: path)
        recordedSecrets = []
        try saveRecording(i)
        r.print("recording into '\(path)': the commands that stage what you commit, written at each commit")
    }

    func stopRecording(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        guard let recording else { throw i.error("not recording; 'record start FILE' starts") }
        try saveRecording(i)
        self.recording = nil
        r.print("recorded into '\(recording.path)'")
    }

    /// After each command that ran (a failed staging command stages nothing and is not kept).
    func keepInRecording(_ i: Invocation, touched: Set<String>) {
        guard recording != nil else { return }
        switch i.spec.id {
        case .letVariable: recording?.variable(i.line.text)
        case .undo: recording?.undone()
        case .discard: recording?.discarded()
        case .commit, .commitConfirmed, .resume:
            let applied = Set(commitLogEntries.compactMap { $0["clientId"]?.stringValue })
            recording?.committed(applied, line: i.spec.id == .resume ? "commit" : i.line.text)
            try? saveRecording(i)
        default:
            guard i.spec.stages, !touched.isEmpty else { return }
            recording?.staged(recordedLine(i), clients: touched)
        }
    }

    /// The line as typed, or, for a secret that was typed, piped or generated, a `secret set --env`
    /// line naming a variable after the client.
    private func recordedLine(_ i: Invocation) -> String {
        let generatedRotation = i.spec.id == .secretRotate && i.value("--env") == nil && i.value("--file") == nil
        let typedSecret =
            i.spec.id == .secretGenerate || generatedRotation
            || (i.spec.id == .secretSet && (i.flag("--prompt") || i.flag("--stdin")))
        guard typedSecret, let id = i.value("--client") ?? selected else { return i.line.text }
        let variable = ClientExport.secretVariable(["clientId": .string(id)])
        if !recordedSecrets.contains(variable) { recordedSecrets.append(variable) }
        let command = generatedRotation ? "secret rotate" + (i.value("--retain").map { " --retain \($0)" } ?? "") : "secret set"
        return "\(command) --env \(variable)" + (i.value("--client").map { " --client \(quoted($0))" } ?? "")
    }

    private func saveRecording(_ i: Invocation) throws(ShellError) {
        guard let recording else { return }
        do {
            try services.writeSettingsFile(recording.script(secrets: recordedSecrets), to: recording.path)
        } catch {
            throw i.error("cannot write the recording '\(recording.path)': \(error.message)")
        }
    }
}
