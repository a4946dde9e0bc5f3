import PFShellJSON

extension Session {
    /// `client export ID... | --all [--file PATH] [--json]`: a script that recreates the clients
    /// (or, with `--json`, the API objects without their secrets).
    func exportClients(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        _ = try requireServer(i)
        let ids = i.arguments.map(\.text)
        let all = i.flag("--all")
        guard all != !ids.isEmpty else {
            throw i.error(all ? "give client IDs or --all, not both" : "give the IDs of the clients to export, or --all", at: nil, .usage)
        }
        var clients: [JSONObject] = []
        if all {
            clients = try listItems(i, APIRequest(.get, "/oauth/clients"), "listing clients").compactMap(\.objectValue)
        } else {
            for word in i.arguments {
                guard let client = try fetchClient(i, word.text) else { throw i.error("no client '\(word.text)' on the server", at: word) }
                clients.append(client)
            }
        }
        let json = jsonOutput || i.flag("--json")
        guard let path = i.value("--file") else {
            if json {
                r.emit(ClientExport.json(clients))
            } else {
                r.output += ClientExport.script(clients, server: connection?.settings.apiURL ?? "").split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            }
            return
        }
        let text = json ? JSONPrinter.print(ClientExport.json(clients), style: .pretty) + "\n" : ClientExport.script(clients, server: connection?.settings.apiURL ?? "")
        try services.writeSettingsFile(text, to: path)
        r.print("exported \(clients.count) client(s) to \(path)")
    }
}
