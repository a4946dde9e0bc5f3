import PFShellJSON

extension Session {
    func diff(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let clients: [StagedClient]
        if let id = i.argument(0) {
            guard let client = changeset[id] else { throw i.error("client '\(id)' has no staged changes", at: i.arguments.first) }
            clients = [client]
        } else {
            clients = changeset.changed
        }
        if jsonOutput {
            r.emit(.array(clients.map(ClientDiff.json)))
            return
        }
        let lines = clients.flatMap { ClientDiff.lines($0, server: conflictCopies[$0.clientId]) }
        r.output += lines.isEmpty ? ["no staged changes"] : lines
    }

    func pending(_ r: inout CommandResult) {
        let clients = changeset.changed
        if jsonOutput {
            r.emit(.array(clients.map(ClientDiff.summaryJSON)))
            return
        }
        guard !clients.isEmpty else {
            r.print("no staged changes")
            return
        }
        r.output += clients.map(ClientDiff.summary)
    }

    func undo(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        guard let step = undoStack.popLast() else { throw i.error("nothing to undo") }
        changeset.restore(step.record)
        selected = step.selected
        r.print("undone; \(stagedCount) client(s) with staged changes")
    }

    func discard(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        if i.flag("--all") {
            guard i.arguments.isEmpty else { throw i.error("give either an ID or --all", .usage) }
            let count = stagedCount
            changeset.removeAll()
            selected = nil
            r.print("discarded the staged changes of \(count) client(s)")
            return
        }
        let id = try argumentOrSelected(i, 0)
        guard changeset[id] != nil else { throw i.error("client '\(id)' has no staged changes", at: i.arguments.first) }
        changeset.remove(id)
        if selected == id { selected = nil }
        r.print("discarded the staged changes of '\(id)'")
    }

    func letVariable(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let name = i.arguments[0]
        guard let first = name.text.first, first == "_" || first.isLetter,
            name.text.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }), name.text.allSatisfy(\.isASCII)
        else { throw i.error("'\(name.text)' is not a variable name (letters, digits, _)", at: name, .usage) }
        variables[name.text] = i.arguments[1].text
    }

    func help(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        guard !i.arguments.isEmpty else {
            r.output += HelpText.overview()
            return
        }
        let words = i.arguments.map(\.text)
        guard let text = HelpText.detail(for: words) else {
            throw i.error("no command '\(words.joined(separator: " "))'; 'help' lists them", at: i.arguments.first)
        }
        r.output += text
    }
}
