import PFShellJSON

/// The requests a commit sends: `POST` for a new client, a full `PUT` for an edited one (echoing the
/// server's `encryptedSecret` unless the secret changed), `DELETE` for a deleted one.
public enum CommitRequests {
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
        var body = ClientJSON.withoutServerFields(client.current)
        body = ClientJSON.setting(nil, at: "clientAuth.encryptedSecret", in: body)
        body = ClientJSON.setting(nil, at: "clientAuth.secondarySecrets", in: body)
        if let secret = client.newSecret {
            body = ClientJSON.setting(.string(secret), at: "clientAuth.secret", in: body)
        } else if let echoed = serverCopy.flatMap({ ClientJSON.value(at: "clientAuth.encryptedSecret", in: $0) }) {
            body = ClientJSON.setting(echoed, at: "clientAuth.encryptedSecret", in: body)
        }
        return body
    }

    /// What `commit --dry-run` prints: the method, the path and the body with secrets masked.
    public static func describe(_ client: StagedClient) -> [String] {
        let placeholder: JSONObject = client.hasSecretOnServer ? ["clientAuth": ["encryptedSecret": "(echoed)"]] : [:]
        let request = request(for: client, serverCopy: placeholder)
        var lines = ["\(request.method.rawValue) \(request.path)"]
        if let body = request.body?.objectValue {
            var masked = ClientJSON.masked(body)
            if ClientJSON.value(at: "clientAuth.encryptedSecret", in: body) != nil {
                masked = ClientJSON.setting("(echoed from the server)", at: "clientAuth.encryptedSecret", in: masked)
            }
            lines += JSONPrinter.print(.object(masked), style: .pretty).split(separator: "\n").map { "  " + $0 }
        }
        return lines
    }
}
