import PFShellJSON

/// What a request says about `secondarySecrets` (in a client's `clientAuth`, or in a
/// `/clientAuth/clientSecret` body): nothing, or a list whose entries each carry a new plaintext
/// `secret` or an `encryptedSecret` echoed from an earlier read, with an `expiryTime`.
enum SecondarySecretsInput {
    case absent
    case given([Entry])

    struct Entry {
        /// The plaintext, when the entry gave one or its sealed value could be opened.
        var secret: String?
        var expiryTime: String?
        var problem: Problem?
    }

    enum Problem {
        case missing, empty, unreadable
    }

    static func read(_ value: JSONValue?, sealer: SecretSealer) -> SecondarySecretsInput {
        guard let items = value?.arrayValue else { return .absent }
        return .given(items.map { item in entry(item, sealer: sealer) })
    }

    private static func entry(_ item: JSONValue, sealer: SecretSealer) -> Entry {
        let expiry = item["expiryTime"]?.stringValue
        if let plain = item["secret"]?.stringValue {
            return Entry(secret: plain.isEmpty ? nil : plain, expiryTime: expiry, problem: plain.isEmpty ? .empty : nil)
        }
        if let sealed = item["encryptedSecret"]?.stringValue {
            let opened = sealer.open(sealed)
            return Entry(secret: opened, expiryTime: expiry, problem: opened == nil ? .unreadable : nil)
        }
        return Entry(secret: nil, expiryTime: expiry, problem: .missing)
    }

    /// One issue per unusable entry; `path` is where the list sits in the body.
    func issues(at path: String) -> [ValidationIssue] {
        guard case .given(let entries) = self else { return [] }
        return entries.enumerated().compactMap { index, entry in
            let place = "\(path)[\(index)]"
            switch entry.problem {
            case .missing: return .required("\(place).secret")
            case .empty: return .invalidValue("\(place).secret", "A secondary secret must not be empty.")
            case .unreadable:
                return .invalidValue("\(place).encryptedSecret", "The encrypted secret is not valid for this server.")
            case nil: return nil
            }
        }
    }

    /// The secondary secrets the client keeps: the list given, or with none given the ones it had.
    /// Keeping them when a `PUT` leaves the list out is a guess: no source says what the server does
    /// (pf-real-server §4), and keeping is the choice that never loses a retained secret.
    func resolved(current: [StoredClient.SecondarySecret]) -> [StoredClient.SecondarySecret] {
        guard case .given(let entries) = self else { return current }
        return entries.compactMap { entry in
            entry.secret.map { StoredClient.SecondarySecret(secret: $0, expiryTime: entry.expiryTime) }
        }
    }
}
