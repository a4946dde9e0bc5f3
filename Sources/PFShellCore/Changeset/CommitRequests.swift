import PFShellJSON

/// The requests a commit sends: `POST` for a new client, a full `PUT` for an edited one, `DELETE` for
/// a deleted one. A `PUT` carries the server's secret material back as the server last returned it,
/// never from the staged copy: every secret field (`FieldCatalog.secretFields`) but those a new
/// secret replaces, so retained older secrets (`secondarySecrets`) survive the full replace
/// whatever the server does with a body that leaves them out.
public enum CommitRequests {
    /// What a new secret replaces: the plaintext and its sealed form.
    static let replacedByNewSecret: Set<String> = ["clientAuth.secret", "clientAuth.encryptedSecret"]

    public static func request(for client: StagedClient, serverCopy: JSONObject?) -> APIRequest {
        let path = "/oauth/clients/" + pathSegment(client.clientId)
        switch client.action {
        case .delete:
            return APIRequest(.delete, path)
        case .create:
            return APIRequest(.post, "/oauth/clients", body: .object(body(client, serverCopy: nil)))
        case .update:
            return APIRequest(.put, path, body: .object(body(client, serverCopy: serverCopy)))
        }
    }

    static func body(_ client: StagedClient, serverCopy: JSONObject?) -> JSONObject {
        var body = ClientJSON.withoutSecrets(ClientJSON.withoutServerFields(client.current))
        if let secret = client.newSecret {
            body = ClientJSON.setting(.string(secret), at: "clientAuth.secret", in: body)
        }
        let echoed = FieldCatalog.secretFields.map(\.path).filter {
            client.newSecret == nil || !replacedByNewSecret.contains($0)
        }
        for path in echoed {
            guard let value = serverCopy.flatMap({ ClientJSON.value(at: path, in: $0) }) else { continue }
            body = ClientJSON.setting(value, at: path, in: body)
        }
        if let sealed = client.restoredSecret, client.newSecret == nil {
            body = ClientJSON.setting(sealed, at: "clientAuth.encryptedSecret", in: body)
        }
        if client.expiresOldSecrets { body = ClientJSON.setting([], at: "clientAuth.secondarySecrets", in: body) }
        return body
    }

    /// What `commit --dry-run` prints: the method, the path and the body with secrets masked; the
    /// echoed material is taken from the copy the client was fetched as.
    public static func describe(_ client: StagedClient) -> [String] {
        let described = describeJSON(client)
        var lines = ["\(described["method"]?.stringValue ?? "") \(described["path"]?.stringValue ?? "")"]
        if let body = described["body"] {
            lines += JSONPrinter.print(body, style: .pretty).split(separator: "\n").map { "  " + $0 }
        }
        return lines
    }
}
