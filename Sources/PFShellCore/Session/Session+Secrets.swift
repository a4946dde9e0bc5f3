import PFShellJSON

extension Session {
    static let minimumGeneratedLength = 32
    static let defaultGeneratedLength = 40

    func setSecret(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let sources: [(String, SecretSource)] = [
            ("--env", .environment(i.value("--env") ?? "")), ("--file", .file(i.value("--file") ?? "")),
            ("--stdin", .standardInput), ("--prompt", .prompt),
        ]
        let given = sources.filter { i.options[$0.0] != nil }
        guard given.count == 1, let source = given.first?.1 else {
            let problem = given.isEmpty ? "say where the secret comes from" : "use only one secret source"
            throw i.error("\(problem): --env VAR, --file PATH, --stdin or --prompt (never the secret itself)", .usage)
        }
        let id = try targetClient(i)
        if try skipBecauseNotNew(i, id, &r) { return }
        let secret = try services.readSecret(source)
        guard !secret.isEmpty else { throw i.error("the secret is empty") }
        stageSecret(id, secret, from: source)
    }

    func generateSecret(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        var length = Self.defaultGeneratedLength
        if let word = i.options["--length"] {
            guard let value = Int(word.text), value >= Self.minimumGeneratedLength, value <= 512 else {
                throw i.error(
                    "'\(word.text)' is not a length between \(Self.minimumGeneratedLength) and 512", at: word, .usage)
            }
            length = value
        }
        let id = try targetClient(i)
        if try skipBecauseNotNew(i, id, &r) { return }
        stageSecret(id, services.randomSecret(length: length), from: nil)
    }

    /// `--if-new` on a client that already exists: the secret stays as it is, and nothing is read.
    private func skipBecauseNotNew(_ i: Invocation, _ id: String, _ r: inout CommandResult) throws(ShellError) -> Bool {
        guard i.flag("--if-new"), changeset[id]?.action != .create else { return false }
        r.warn(i.name, "client '\(id)' already exists; its secret is left unchanged (--if-new)")
        return true
    }

    /// A staged secret also makes the client use secret authentication when it had none.
    func stageSecret(_ id: String, _ secret: String, from source: SecretSource?) {
        changeset.update(id) { client in
            client.newSecret = secret
            switch source {
            case .environment?, .file?: client.secretOrigin = source
            default: client.secretOrigin = nil
            }
            if !ClientJSON.usesSecret(client.current) {
                client.current = ClientJSON.setting("SECRET", at: "clientAuth.type", in: client.current)
            }
            client.current = ClientJSON.setting(nil, at: "clientAuth.encryptedSecret", in: client.current)
        }
    }

    func showSecret(_ i: Invocation, _ r: inout CommandResult) throws(ShellError) {
        let id: String
        if let given = i.value("--client") { id = given } else { id = try selectedOrFail(i) }
        guard let secret = changeset[id]?.newSecret ?? knownSecrets[id] else {
            throw i.error("this session does not know the secret of client '\(id)'; the server never reveals it")
        }
        guard i.flag("--reveal") else {
            r.print("client '\(id)' has a secret this session knows; add --reveal to print it")
            return
        }
        r.print(secret)
    }

    /// The secret this session knows for a client, staged or committed (for the settings writer).
    public func knownSecret(for id: String) -> String? {
        changeset[id]?.newSecret ?? knownSecrets[id]
    }
}
