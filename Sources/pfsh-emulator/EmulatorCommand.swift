import ArgumentParser
import PFShellEmulatorServer

/// The command line of `pfsh-emulator`. Only parsed and checked here; ``EmulatorLauncher`` runs it.
struct EmulatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pfsh-emulator",
        abstract: "An emulator of PingFederate's Admin API and runtime OAuth endpoints, for testing pfsh.",
        discussion: """
            Once listening, it prints on stdout, one line each and in this order:
              admin-url https://127.0.0.1:PORT/pf-admin-api/v1   (http:// with --http)
              runtime-url https://127.0.0.1:PORT                  (http:// with --http)
              ca-file /absolute/path/ca.pem                       (not with --http)
              fault-seed N                                        (with --faults)
              ready
            On SIGTERM or SIGINT it shuts down gracefully, prints
              stats connections-accepted N                        (admin listener)
            and exits 0. Start-up failures print one line on stderr, prefixed \
            'pfsh-emulator: ', and exit 1; usage errors exit 2.

            The runtime listener (like PingFederate's engine port 9031, with the same certificate) \
            serves the clients the Admin API stores: POST /as/token.oauth2 (client_credentials, \
            authorization_code with PKCE, refresh_token), GET /as/authorization.oauth2, POST \
            /as/introspect.oauth2, POST /as/revoke_token.oauth2, GET /idp/userinfo.openid and \
            /.well-known/openid-configuration. The authorization endpoint first shows a login page \
            (form fields pf.username and pf.pass, posted to /as/ID/resume/as/authorization.ping): the \
            test user is 'joe' with the password '2Federate' (see --test-user and \
            --test-password-env); after the sign-on it redirects with the code. With --auto-login it \
            signs the test user in at once instead. Scopes are those of /oauth/authServerSettings \
            (--seed demo defines openid, profile and THINGWORX); any other scope is invalid_scope. \
            Codes and tokens live in memory only; a restart forgets them.

            GET /emulator/stats answers {"connectionsAccepted": N, "connectionsOpen": M}, with no \
            authentication; the count includes the connection asking.

            With --test-clock, POST /emulator/clock with the body {"advanceSeconds": N} (N a whole \
            number, 0 or more) moves the emulator's time N seconds forward, for both listeners: token \
            lifetimes, secondary secrets' expiryTime and the times it reports. It answers \
            {"now": "2026-11-29T18:30:00.000Z", "advancedSeconds": TOTAL}; GET /emulator/clock answers \
            the same without moving. Both need the administrator's credentials, as the Admin API \
            takes them (401 without); a bad body is a 400. Without --test-clock both are 404.

            A client whose secret is replaced (PUT of the client with a new secret, or of its \
            clientAuth/clientSecret) keeps the old one as a secondary secret for its \
            clientSecretRetentionPeriod when clientSecretRetentionPeriodType is \
            OVERRIDE_SERVER_DEFAULT, else for --secret-retention; the runtime accepts secondary \
            secrets until their expiryTime, and reads leave out expired ones.

            --faults draws each request's fault in the order requests arrive, on both listeners, \
            GET /version and the first request of a connection included; only /emulator/stats and \
            /emulator/clock are spared. A change is on disk (--data) before its answer is sent, so a \
            reset-after change survives a kill of the emulator. With --log, a faulted request's line \
            ends with 'fault' (500, 503, 429), 'reset-before' (status '-': nothing was answered) or \
            'reset-after' (the status answered but never sent).
            """
    )

    @Option(help: "The Admin API's port; 0 picks a free one (read it from the admin-url line).")
    var port: Int = 9999

    @Option(
        name: .customLong("runtime-port"),
        help: "The port of the runtime OAuth endpoints; 0 picks a free one (read it from the runtime-url line).")
    var runtimePort: Int = 9031

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Flag(help: "Serve plain HTTP instead of HTTPS, on both listeners.")
    var http = false

    @Option(help: ArgumentHelp("Serve this PEM certificate (chain) instead of a generated one; needs --key.", valueName: "pem"))
    var cert: String?

    @Option(help: ArgumentHelp("The PEM private key of --cert.", valueName: "pem"))
    var key: String?

    @Option(
        name: .customLong("ca-out"),
        help: ArgumentHelp(
            """
            Where to write the served certificate as PEM (mode 0644), the file clients trust. A generated \
            certificate's key goes beside it (ca.pem → ca-key.pem, mode 0600). Default: a new directory \
            pfsh-emulator-XXXXXX under $TMPDIR or /tmp, removed at shutdown.
            """,
            valueName: "path"))
    var caOut: String?

    @Option(help: "The administrator's user name for HTTP Basic authentication.")
    var user: String = "administrator"

    @Option(
        name: .customLong("password-env"),
        help: ArgumentHelp(
            "Read the administrator's password from this environment variable (default password: 2FederateM0re).",
            valueName: "var"))
    var passwordEnv: String?

    @Option(
        name: .customLong("token-env"),
        help: ArgumentHelp("Also accept 'Authorization: Bearer' with the token in this environment variable.", valueName: "var"))
    var tokenEnv: String?

    @Option(
        name: .customLong("admin-oauth-client"),
        help: ArgumentHelp(
            "Also accept as administrator credentials the access tokens this emulator's runtime issued to this OAuth client (repeatable).",
            valueName: "id"))
    var adminOAuthClients: [String] = []

    @Flag(help: "Refuse JSON properties that PingFederate 12.1's model does not have.")
    var strict = false

    @Flag(help: "Behave like the console node of a cluster instead of a standalone server.")
    var cluster = false

    @Flag(
        name: .customLong("reorder-sets"),
        help: ArgumentHelp(
            """
            Store set-like lists in the server's own order, not the order sent: grantTypes and \
            persistentGrantReuseGrantTypes in the enum's order (as real exports show grantTypes), \
            restrictedScopes, exclusiveScopes, authorizationDetailTypes and restrictedResponseTypes \
            sorted. Whether PingFederate reorders them is not known; this tests a client against both.
            """))
    var reorderSets = false

    @Option(
        name: .customLong("secret-retention"),
        help: ArgumentHelp(
            """
            The server's clientSecretRetentionPeriod (in /oauth/authServerSettings): minutes a replaced \
            client secret stays usable as a secondary secret, for clients that do not override it; 0 \
            keeps none.
            """,
            valueName: "minutes"))
    var secretRetention: Int = 0

    @Flag(
        name: .customLong("test-clock"),
        help: "Answer GET and POST /emulator/clock, which moves the emulator's time forward (see below).")
    var testClock = false

    @Option(
        help: ArgumentHelp(
            "Load the state from this JSON file, or create it at start; every change is saved to it (mode 0600).",
            valueName: "file"))
    var data: String?

    @Option(help: "Start from sample data (instead of empty) when no --data file exists yet.")
    var seed: SeedName?

    @Flag(help: "Write one line per request (both listeners) on stderr: METHOD PATH STATUS 1.2ms.")
    var log = false

    @Flag(
        name: .customLong("auto-login"),
        help: "Sign the test user in at once at the authorization endpoint, without the login page.")
    var autoLogin = false

    @Option(name: .customLong("test-user"), help: "The test user's name on the login page.")
    var testUser: String = EmulatorOptions().testUser

    @Option(
        name: .customLong("test-password-env"),
        help: ArgumentHelp(
            "Read the test user's password from this environment variable (default password: 2Federate).",
            valueName: "var"))
    var testPasswordEnv: String?

    @Flag(
        name: .customLong("exit-with-parent"),
        help: """
            Shut down gracefully when standard input reaches its end: give it a pipe whose other end the \
            parent keeps open, and the emulator ends with the parent, however the parent ends.
            """)
    var exitWithParent = false

    @Option(
        help: ArgumentHelp(
            """
            Make this share of requests fail on purpose (0.1: one in ten), with the kinds listed, or \
            all five mixed: 500, 503 and 429 (both with Retry-After: 1) are answered at once and store \
            nothing; reset-before resets the connection before the request is handled (nothing \
            stored), reset-after once it is handled and any change stored, with no answer. \
            Examples: 0.1, 1:503, 0.2:reset-after,429.
            """,
            valueName: "rate[:kind,...]"),
        transform: { text in try FaultPlan(parsing: text) })
    var faults: FaultPlan?

    @Option(
        name: .customLong("fault-seed"),
        help: ArgumentHelp(
            "Seed the --faults sequence so a run repeats it (default: a random seed, printed on the fault-seed line).",
            valueName: "n"))
    var faultSeed: UInt64?

    @Option(help: ArgumentHelp("Delay every request on both listeners by this many milliseconds.", valueName: "ms"))
    var latency: Int = 0

    enum SeedName: String, ExpressibleByArgument, CaseIterable {
        case demo
    }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (0...65535).contains(runtimePort) else {
            throw ValidationError("--runtime-port must be between 0 and 65535")
        }
        if port != 0, port == runtimePort { throw ValidationError("--port and --runtime-port must differ") }
        guard (cert == nil) == (key == nil) else { throw ValidationError("--cert and --key go together") }
        guard !testUser.isEmpty else { throw ValidationError("--test-user must not be empty") }
        if http, cert != nil || caOut != nil {
            throw ValidationError("--http serves no certificate: drop --cert, --key and --ca-out")
        }
        guard latency >= 0 else { throw ValidationError("--latency must be 0 or more milliseconds") }
        guard (0...Int(Int32.max)).contains(secretRetention) else {
            throw ValidationError("--secret-retention must be from 0 to \(Int32.max) minutes")
        }
        if faultSeed != nil, faults == nil { throw ValidationError("--fault-seed needs --faults") }
    }

    var options: EmulatorOptions {
        var options = EmulatorOptions()
        options.host = host
        options.port = port
        options.runtimePort = runtimePort
        options.http = http
        options.certificateFile = cert
        options.keyFile = key
        options.caOut = caOut
        options.user = user
        options.passwordVariable = passwordEnv
        options.tokenVariable = tokenEnv
        options.adminOAuthClients = adminOAuthClients
        options.strict = strict
        options.cluster = cluster
        options.reorderSets = reorderSets
        options.secretRetentionMinutes = secretRetention
        options.testClock = testClock
        options.dataFile = data
        options.seed = seed.flatMap { EmulatorOptions.Seed(rawValue: $0.rawValue) }
        options.log = log
        options.autoLogin = autoLogin
        options.testUser = testUser
        options.testPasswordVariable = testPasswordEnv
        options.exitWithParent = exitWithParent
        options.faults = faults
        options.faultSeed = faultSeed
        options.latency = .milliseconds(latency)
        return options
    }
}
