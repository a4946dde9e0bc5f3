import PFShellJSON

extension AdminAPI {
    /// Checks the request's envelope (base path, credentials, XSRF header) and hands it to the
    /// resource it names. Runs under the state lock; a resource changes `state` only once the
    /// request has passed every check.
    func respond(to request: EmulatorRequest, state: inout WorkingState, oauthAdmin: Bool = false) -> EmulatorResponse {
        guard request.path == Self.basePath || request.path.hasPrefix(Self.basePath + "/") else {
            return APIResult.response(404, "resource_not_found", "No resource at '\(request.path)'.")
        }
        guard oauthAdmin || isAuthorized(request) else { return APIResult.unauthorized() }
        guard request.header("X-XSRF-Header") != nil else {
            return APIResult.forbidden("The X-XSRF-Header header is required on every Admin API request.")
        }
        let segments = PathSegments.split(String(request.path.dropFirst(Self.basePath.count)))
        let context = RequestContext(
            request: request, segments: segments, query: QueryParameters(request.query), now: clock())
        return route(context, state: &state)
    }

    private func route(_ context: RequestContext, state: inout WorkingState) -> EmulatorResponse {
        let s = context.segments
        switch (s.first, s.count) {
        case ("oauth", _) where s.count >= 2 && s[1] == "clients":
            return routeClients(context, Array(s.dropFirst(2)), state: &state)
        case ("cluster", 2):
            return cluster(context, action: s[1], state: &state)
        default:
            return fixture(context, state: state.current)
        }
    }

    private func routeClients(_ context: RequestContext, _ rest: [String], state: inout WorkingState) -> EmulatorResponse {
        do {
            return try clients(ClientsEndpoint(api: self, context: context), rest, state: &state)
        } catch {
            return error.response
        }
    }

    private func clients(_ endpoint: ClientsEndpoint, _ rest: [String], state: inout WorkingState)
        throws(APIFailure) -> EmulatorResponse
    {
        let method = endpoint.context.request.method
        switch (rest.count, method) {
        case (0, "GET"): return endpoint.list(state.current)
        case (0, "POST"): return try endpoint.create(&state)
        case (1, "GET"): return endpoint.get(rest[0], state.current)
        case (1, "PUT"): return try endpoint.replace(rest[0], &state)
        case (1, "DELETE"): return endpoint.delete(rest[0], &state)
        case (3, "GET") where rest[1] == "clientAuth" && rest[2] == "clientSecret":
            return endpoint.getSecret(rest[0], state.current)
        case (3, "PUT") where rest[1] == "clientAuth" && rest[2] == "clientSecret":
            return try endpoint.replaceSecret(rest[0], &state)
        case (0, _), (1, _), (3, _): return APIResult.methodNotAllowed(method)
        default: return APIResult.notFound(rest.joined(separator: "/"))
        }
    }

    /// Whether the request carries the administrator's credentials, in any of the ways the Admin API
    /// accepts them; for the emulator's own endpoints beside the API (`/emulator/clock`).
    public func isAdministrator(_ request: EmulatorRequest) -> Bool {
        isAuthorized(request) || isOAuthAdministrator(request)
    }

    /// `Authorization: Bearer` with an access token the runtime issued to an `--admin-oauth-client`.
    func isOAuthAdministrator(_ request: EmulatorRequest) -> Bool {
        guard !configuration.adminOAuthClients.isEmpty, let header = request.header("Authorization"),
            header.lowercased().hasPrefix("bearer ")
        else { return false }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: " ")
        guard let client = store.accessTokenClient(token, now: clock()) else { return false }
        return configuration.adminOAuthClients.contains(client)
    }

    private func isAuthorized(_ request: EmulatorRequest) -> Bool {
        guard let header = request.header("Authorization") else { return false }
        if let token = configuration.bearerToken, header == "Bearer " + token { return true }
        guard header.lowercased().hasPrefix("basic "),
            let decoded = Base64.decode(String(header.dropFirst(6)).trimmingCharacters(in: " "))
        else { return false }
        return decoded == "\(configuration.adminUser):\(configuration.adminPassword)"
    }
}

/// What every resource handler gets: the request, its decoded path segments and query, and the time.
struct RequestContext {
    let request: EmulatorRequest
    let segments: [String]
    let query: QueryParameters
    let now: Int64
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
