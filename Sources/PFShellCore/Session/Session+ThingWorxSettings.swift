extension Session {
    /// `thingworx settings` and `thingworx resource-settings`: merge the client into ThingWorx's
    /// JSON settings file, showing the change first with the secret masked.
    func writeThingWorxSettings(_ i: Invocation, _ kind: ThingWorxSettings.Kind, _ r: inout CommandResult) throws(ShellError) {
        let id: String
        if let given = i.value("--client") { id = given } else { id = try selectedOrFail(i) }
        let runtime = i.value("--runtime-url") ?? runtimeEndpoints(i).base
        guard let path = i.value("--file") else {
            if kind == .resourceServer { throw i.error("missing --file PATH (resourceServerSettings.json)", .usage) }
            r.output += ThingWorxSettings.preview(kind: kind, clientId: id, runtimeURL: runtime)
            return
        }
        if changeset[id]?.newSecret != nil {
            r.warn(i.name, "the secret of '\(id)' is staged but not committed; ThingWorx will be refused until you commit")
        }
        let existing = try services.readTextFile(path)
        let plan: ThingWorxSettings.Plan
        do {
            plan = try ThingWorxSettings.plan(
                existing: existing, kind: kind, clientId: id, secret: knownSecret(for: id), runtimeURL: runtime)
        } catch {
            let place = error.line.map { "\(path):\($0):\(error.column ?? 1): " } ?? "\(path): "
            throw i.error("\(place)\(error.message); the file was left untouched", at: i.options["--file"])
        }
        guard plan.changed else {
            r.print("\(path) is up to date")
            return
        }
        r.output += plan.diff
        if plan.keptExistingSecret { r.print("kept the client secret the file already holds") }
        if i.flag("--dry-run") || alwaysDryRun {
            r.print("dry run: \(path) not written")
            return
        }
        try services.writeSettingsFile(plan.text, to: path)
        r.print(existing == nil ? "wrote \(path) (new file, mode 0600)" : "wrote \(path) (previous version in \(path).bak)")
    }
}
