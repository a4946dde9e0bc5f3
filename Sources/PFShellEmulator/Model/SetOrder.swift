import PFShellJSON

/// `--reorder-sets`: the lists the model marks as holding unique items (`grantTypes`,
/// `persistentGrantReuseGrantTypes`, `restrictedScopes`, `exclusiveScopes`, `authorizationDetailTypes`,
/// `restrictedResponseTypes`) kept in the server's own order rather than the order they were sent:
/// enumerations in the enum's order, as every real export shows `grantTypes`; strings sorted, as a
/// sorted set would keep them. Whether the server reorders at all is uncertain (pf-real-server §1),
/// so this is an option, and the orders it picks are a guess.
enum SetOrder {
    /// The client with each set-like list in the server's order.
    static func serverOrder(_ client: JSONObject) -> JSONObject {
        var result = client
        for field in ClientModel.client.fields {
            guard case .array(let itemType, unique: true) = field.type, let items = client[field.name]?.arrayValue else {
                continue
            }
            result[field.name] = .array(ordered(items, itemType))
        }
        return result
    }

    private static func ordered(_ items: [JSONValue], _ itemType: FieldType) -> [JSONValue] {
        let texts = items.compactMap(\.stringValue)
        guard texts.count == items.count else { return items }
        if case .enumeration(let allowed) = itemType {
            let rank = Dictionary(allowed.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            return texts.sorted { rank[$0, default: allowed.count] < rank[$1, default: allowed.count] }.map(JSONValue.string)
        }
        return texts.sorted().map(JSONValue.string)
    }
}
