import PFShellJSON

/// `/oauth/clients` and `/oauth/clients/{id}[/clientAuth/clientSecret]`, keyed by clientId.
/// A request that changes clients changes the state it is given in place, and only after every
/// check has passed, so a refused request leaves it as it was.
struct ClientsEndpoint {
    let api: AdminAPI
    let context: RequestContext

    func representation(_ state: EmulatorState) -> ClientRepresentation {
        ClientRepresentation(api: api, state: state, request: context.request, now: context.now)
    }

    // MARK: - Collection

    func list(_ state: EmulatorState) -> EmulatorResponse {
        let query = context.query
        var issues: [ValidationIssue] = []
        let page = positiveInteger(query["page"], name: "page", issues: &issues) ?? 1
        let perPage = positiveInteger(query["numberPerPage"], name: "numberPerPage", issues: &issues)
        guard issues.isEmpty else { return APIResult.validation(issues) }
        let filter = (query["filter"] ?? "").lowercased()
        let matching = state.clients.values
            .filter { filter.isEmpty || $0.clientId.lowercased().contains(filter) || $0.name.lowercased().contains(filter) }
            .sorted { $0.clientId < $1.clientId }
        let pageItems: [StoredClient]
        if let perPage {
            let start = (page - 1) * perPage
            pageItems = start < matching.count ? Array(matching[start..<min(start + perPage, matching.count)]) : []
        } else {
            pageItems = page == 1 ? matching : []
        }
        let view = representation(state)
        return .json(200, ["items": .array(pageItems.map { .object(view.render($0)) })])
    }

    private func positiveInteger(_ text: String?, name: String, issues: inout [ValidationIssue]) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), value >= 1 else {
            issues.append(.invalidValue(name, "'\(text)' is not a valid value for \(name); a positive integer is expected."))
            return nil
        }
        return value
    }

    func create(_ state: inout WorkingState) throws(APIFailure) -> EmulatorResponse {
        let parsed = try ClientBody.parse(context.request.body, api: api, state: state.current)
        var issues: [ValidationIssue] = []
        let id = parsed.fields["clientId"]?.stringValue ?? ""
        if state.clients[id] != nil {
            issues.append(
                ValidationIssue(
                    errorId: "duplicate_client_id",
                    message: "The client ID '\(id)' is already in use. Specify a unique client ID.",
                    fieldPath: "clientId"))
        }
        let secret = parsed.secret.resolved
        issues += parsed.rules(hasSecret: secret != nil, state: state.current)
        guard issues.isEmpty else { return APIResult.validation(issues) }
        let now = context.now
        let stored = StoredClient(
            fields: storable(parsed.fields), secret: secret, secondarySecrets: parsed.secondarySecrets.resolved(current: []),
            creationDate: now, modificationDate: now, clientSecretChangedTime: secret == nil ? nil : now)
        save(stored, in: &state)
        return .json(201, .object(representation(state.current).render(stored)))
    }

    // MARK: - One client

    func get(_ id: String, _ state: EmulatorState) -> EmulatorResponse {
        guard let client = state.clients[id] else { return APIResult.notFound(id) }
        return .json(200, .object(representation(state).render(client)))
    }

    /// A full replace. A new secret turns the one it replaces into a secondary secret for the
    /// retention period of the client as stored (see ``SecretRetention``).
    func replace(_ id: String, _ state: inout WorkingState) throws(APIFailure) -> EmulatorResponse {
        guard let existing = state.clients[id] else { return APIResult.notFound(id) }
        var parsed = try ClientBody.parse(context.request.body, api: api, state: state.current)
        parsed.fields["clientId"] = .string(id)  // the path wins over the body
        parsed.fields = ClientModel.client.ordered(parsed.fields)
        let secret = parsed.secret.resolved
        let issues = parsed.rules(hasSecret: secret != nil, state: state.current)
        guard issues.isEmpty else { return APIResult.validation(issues) }
        var updated = existing
        updated.fields = storable(parsed.fields)
        updated.secondarySecrets = retention(of: updated).secondarySecrets(
            keeping: parsed.secondarySecrets.resolved(current: existing.secondarySecrets),
            replacing: existing.secret, with: secret, now: context.now)
        if secret != existing.secret || parsed.secret.isNewPlaintext {
            updated.clientSecretChangedTime = secret == nil ? nil : context.now
        }
        updated.secret = secret
        updated.modificationDate = context.now
        save(updated, in: &state)
        return .json(200, .object(representation(state.current).render(updated)))
    }

    func delete(_ id: String, _ state: inout WorkingState) -> EmulatorResponse {
        guard state.clients[id] != nil else { return APIResult.notFound(id) }
        state.update { state in
            state.clients[id] = nil
            markChanged(&state)
        }
        return .noContent()
    }

    // MARK: - Secret

    func getSecret(_ id: String, _ state: EmulatorState) -> EmulatorResponse {
        guard let client = state.clients[id] else { return APIResult.notFound(id) }
        return .json(200, .object(representation(state).renderSecret(client)))
    }

    /// A new secret, and the secondary secrets when the body lists them (kept otherwise, a guess),
    /// the replaced secret added for the client's retention period.
    /// Refused for a client whose authentication type uses no secret: a guess, as clients of type
    /// NONE may still hold one.
    func replaceSecret(_ id: String, _ state: inout WorkingState) throws(APIFailure) -> EmulatorResponse {
        guard var client = state.clients[id] else { return APIResult.notFound(id) }
        let body = try ClientBody.parseSecretBody(context.request.body, strict: api.configuration.strict)
        let sealer = SecretSealer(key: state.sealingKey)
        let type = client.fields["clientAuth"]?["type"]?.stringValue ?? "NONE"
        let secondary = SecondarySecretsInput.read(body["secondarySecrets"], sealer: sealer)
        var issues = secondary.issues(at: "secondarySecrets")
        var newSecret: String?
        if let plain = body["secret"]?.stringValue {
            newSecret = plain
        } else if let sealed = body["encryptedSecret"]?.stringValue {
            newSecret = sealer.open(sealed)
            if newSecret == nil { issues.append(.invalidValue("encryptedSecret", "The encrypted secret is not valid.")) }
        } else {
            issues.append(.required("secret"))
        }
        if newSecret?.isEmpty == true { issues.append(.invalidValue("secret", "The secret must not be empty.")) }
        if !["SECRET", "CLIENT_SECRET_JWT"].contains(type) {
            issues.append(
                .invalidValue("secret", "The client's authentication type is \(type); it does not use a secret."))
        }
        guard issues.isEmpty, let newSecret else { return APIResult.validation(issues) }
        client.secondarySecrets = retention(of: client).secondarySecrets(
            keeping: secondary.resolved(current: client.secondarySecrets),
            replacing: client.secret, with: newSecret, now: context.now)
        client.secret = newSecret
        client.clientSecretChangedTime = context.now
        client.modificationDate = context.now
        save(client, in: &state)
        return .json(200, .object(representation(state.current).renderSecret(client)))
    }

    // MARK: - Bookkeeping

    /// How long `client`'s replaced secret stays a secondary secret: its own period or the server's.
    private func retention(of client: StoredClient) -> SecretRetention {
        SecretRetention(client: client.fields, serverDefault: api.configuration.clientSecretRetentionPeriod)
    }

    /// The fields as the server keeps them: defaults filled in and, with `--reorder-sets`, the
    /// set-like lists in the server's own order.
    private func storable(_ fields: JSONObject) -> JSONObject {
        let complete = ClientDefaults.apply(to: fields)
        return api.configuration.reorderSets ? SetOrder.serverOrder(complete) : complete
    }

    private func save(_ client: StoredClient, in state: inout WorkingState) {
        state.update { state in
            state.clients[client.clientId] = client
            markChanged(&state)
        }
    }

    /// Every client change is configuration that engines do not have yet.
    private func markChanged(_ state: inout EmulatorState) {
        state.replicationRequired = true
        state.lastConfigUpdateTime = context.now
    }
}
