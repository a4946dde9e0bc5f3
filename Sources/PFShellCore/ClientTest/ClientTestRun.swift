import PFShellJSON

/// One run of `client test`: the client as the server stores it, its secret, the runtime endpoints,
/// and what the run has learnt (how the client authenticates, whether a token was introspected).
struct ClientTestRun {
    let invocation: Invocation
    let services: any ShellServices
    let client: JSONObject
    let endpoints: RuntimeEndpoints
    var caller: ClientCaller
    var introspected = false

    init(_ invocation: Invocation, services: any ShellServices, client: JSONObject, secret: String, endpoints: RuntimeEndpoints) {
        self.invocation = invocation
        self.services = services
        self.client = client
        self.endpoints = endpoints
        caller = ClientCaller(services: services, id: client["clientId"]?.stringValue ?? "", secret: secret)
    }

    var id: String { caller.id }

    var grantTypes: [String] { Session.grantTypes(of: client) }

    var redirectURIs: [String] { (client["redirectUris"]?.arrayValue ?? []).compactMap(\.stringValue) }

    /// `ROLL`, `DONT_ROLL` or `SERVER_DEFAULT` (the default when the field is absent).
    var refreshRolling: String { client["refreshRolling"]?.stringValue ?? "SERVER_DEFAULT" }

    /// A failure of the command, with the evidence as notes.
    func failure(_ message: String, notes: [String] = []) -> ShellError {
        invocation.error(message, notes: notes)
    }
}
