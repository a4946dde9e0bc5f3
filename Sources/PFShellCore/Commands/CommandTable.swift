/// Every command of pfsh. Dispatch, `help` and tab completion all read this one table.
public enum CommandTable {
    static let clientOption = OptionSpec("--client", value: "ID", .clientID, "the client to change (default: the selected one)")
    static let jsonOption = OptionSpec("--json", "print JSON")
    static let retainOption = OptionSpec(
        "--retain", value: "DURATION", .text, "keep the current secret valid this long: 90m, 1h, 7d (default: the server's)")
    static let presetOption = OptionSpec(
        "--preset", value: "NAME", .choice(Presets.all.map(\.name)), "apply a preset's settings ('preset list')")
    static let connectionOptions = [
        OptionSpec("--user", value: "NAME", .text, "administrator name (default administrator)"),
        OptionSpec("--password-env", value: "VAR", .variable, "read the password from this environment variable"),
        OptionSpec("--password-file", value: "FILE", .path, "read the password from this file"),
        OptionSpec("--token-env", value: "VAR", .variable, "send this environment variable as a bearer token"),
        OptionSpec("--oauth-client", value: "ID", .text, "get a bearer token from the runtime as this OAuth client (client credentials)"),
        OptionSpec("--oauth-secret-env", value: "VAR", .variable, "the OAuth client's secret, from this environment variable"),
        OptionSpec("--oauth-token-url", value: "URL", .url, "the OAuth token endpoint (default: /as/token.oauth2 of the runtime)"),
        OptionSpec("--ca-file", value: "PEM", .path, "trust the certificates in this PEM file"),
        OptionSpec("--insecure", "do not verify the server's certificate (warns on every connect)"),
        OptionSpec("--timeout", value: "SECONDS", .number, "give up on a request after this many seconds (default 30)"),
        OptionSpec("--runtime-url", value: "URL", .url, "PingFederate's runtime OAuth endpoints (default: port 9031 of the admin host)"),
    ]

    /// Where a password or token comes from: at most one of these, on `connect`, `profile define`
    /// and pfsh's own command line alike.
    static let credentialOptions = ["--password-env", "--password-file", "--token-env", "--oauth-client"]

    /// The rule itself: of the options `given` (by name), the second credential source, if there is one.
    static func secondCredentialSource(among given: [String]) -> String? {
        let sources = given.filter(credentialOptions.contains)
        return sources.count > 1 ? sources[1] : nil
    }

    static let oneCredentialSource = "use only one of --password-env, --password-file, --token-env and --oauth-client"

    public static let all: [CommandSpec] = connection + clients + fields + staging + rawAPI + other

    static let connection: [CommandSpec] = [
        CommandSpec(
            .connect, "connect", [ArgumentSpec("URL", .url, optional: true)],
            options: connectionOptions + [OptionSpec("--profile", value: "NAME", .profile, "use a profile's settings")],
            group: "Connection", "connect to a PingFederate admin host (https://host:9999)"),
        CommandSpec(.disconnect, "disconnect", group: "Connection", "close the connection"),
        CommandSpec(.status, "status", group: "Connection", "show the server, user, version, cluster mode and staged changes"),
        CommandSpec(
            .profileDefine, "profile define", [ArgumentSpec("NAME", .text)],
            options: [OptionSpec("--url", value: "URL", .url, "the admin host")] + connectionOptions,
            group: "Connection", "declare a connection profile (never a password itself)"),
        CommandSpec(.profileList, "profile list", group: "Connection", "list the connection profiles"),
        CommandSpec(.clusterStatus, "cluster status", options: [jsonOption], group: "Connection", "show the cluster's replication state"),
        CommandSpec(.clusterReplicate, "cluster replicate", group: "Connection", "replicate the configuration to the engines"),
    ]

    static let clients: [CommandSpec] = [
        CommandSpec(
            .clientList, "client list", [ArgumentSpec("FILTER", .text, optional: true)], options: [jsonOption],
            group: "Clients", "list clients (FILTER matches ID or name, any case)"),
        CommandSpec(
            .clientShow, "client show", [ArgumentSpec("ID", .clientID, optional: true)], options: [jsonOption],
            group: "Clients", "show a client's fields (secrets show as set)"),
        CommandSpec(
            .clientNew, "client new", [ArgumentSpec("ID", .newClientID)],
            options: [
                OptionSpec("--name", value: "TEXT", .text, "the client's name (default: the ID)"),
                OptionSpec("--description", value: "TEXT", .text, "the client's description"), presetOption,
            ], group: "Clients", stages: true, "stage a new client and select it"),
        CommandSpec(.clientEdit, "client edit", [ArgumentSpec("ID", .clientID)], group: "Clients", stages: true, "fetch a client and select it for editing"),
        CommandSpec(
            .clientEnsure, "client ensure", [ArgumentSpec("ID", .clientID)],
            options: [
                OptionSpec("--name", value: "TEXT", .text, "the name, when the client is new"),
                OptionSpec("--description", value: "TEXT", .text, "the description, when the client is new"), presetOption,
            ], group: "Clients", stages: true, "edit the client if it exists, else stage it as new"),
        CommandSpec(
            .clientExport, "client export", [ArgumentSpec("ID", .clientID, optional: true, repeating: true)],
            options: [
                OptionSpec("--all", "export every client on the server"),
                OptionSpec("--file", value: "PATH", .path, "write to this file instead of printing"),
                OptionSpec("--json", "the API objects (secrets removed) instead of a script"),
            ], group: "Clients", "write a pfsh script that recreates the clients (secrets from the environment)"),
        CommandSpec(
            .clientDiffAgainst, "client diff", [ArgumentSpec("ID", .clientID)],
            options: [OptionSpec("--against", value: "PROFILE", .profile, "the other server (required)")],
            group: "Clients", "show how a client here differs from the same client on another profile's server"),
        CommandSpec(
            .clientPromote, "client promote", [ArgumentSpec("ID", .clientID)],
            options: [
                OptionSpec("--from", value: "PROFILE", .profile, "the server the client comes from (required)"),
                OptionSpec("--map", value: "OLD=NEW", .text, "in redirect and logout URIs, replace the host[:port] OLD by NEW (comma-separated pairs)"),
                OptionSpec("--secret-env", value: "VAR", .variable, "the secret here, from this environment variable"),
                OptionSpec("--secret-file", value: "PATH", .path, "the secret here, from the first line of this file"),
            ], group: "Clients", stages: true, "stage what makes the client here equal to the other profile's (never its secret)"),
        CommandSpec(.clientDelete, "client delete", [ArgumentSpec("ID", .clientID)], group: "Clients", stages: true, "stage the deletion of a client"),
        CommandSpec(
            .clientClone, "client clone", [ArgumentSpec("SOURCE", .clientID), ArgumentSpec("NEW-ID", .newClientID)],
            group: "Clients", stages: true, "stage a copy of a client under a new ID (without its secret)"),
        CommandSpec(
            .clientRebase, "client rebase", [ArgumentSpec("ID", .clientID, optional: true)],
            group: "Clients",
            "move a staged edit onto the server's current copy, naming fields both changed"),
        CommandSpec(
            .clientTest, "client test", [ArgumentSpec("ID", .clientID)],
            options: [
                OptionSpec("--token-url", value: "URL", .url, "the token endpoint (default: port 9031 of the admin host)"),
                OptionSpec("--secret-env", value: "VAR", .variable, "the client secret, from this environment variable"),
                OptionSpec("--secret-file", value: "PATH", .path, "the client secret, from this file"),
                OptionSpec("--runtime-url", value: "URL", .url, "PingFederate's runtime (default: port 9031 of the admin host)"),
                OptionSpec("--test-user", value: "NAME", .text, "also sign this user on at the login form: the whole code flow"),
                OptionSpec("--test-password-env", value: "VAR", .variable, "the test user's password, from this environment variable"),
            ], group: "Clients", "get a token with the client, introspect it, try its redirect URIs"),
        CommandSpec(.presetList, "preset list", group: "Clients", "list the presets"),
        CommandSpec(.presetShow, "preset show", [ArgumentSpec("NAME", .choice(Presets.all.map(\.name)))], group: "Clients", "explain a preset field by field"),
        CommandSpec(
            .thingworxRedirect, "thingworx redirect", [ArgumentSpec("HOST[:PORT]", .text)],
            options: [
                OptionSpec("--http", "plain http (warns)"),
                OptionSpec("--flow", "also ThingWorx Flow's callback"), clientOption,
            ], group: "Clients", stages: true, "add ThingWorx's redirect URI for a host (the load balancer in HA)"),
        CommandSpec(
            .thingworxSettings, "thingworx settings",
            options: [
                OptionSpec("--auth-server-id", value: "ID", .text, "the key under AuthorizationServersSettings (default PingFederate)"),
                OptionSpec("--file", value: "PATH", .path, "platform-settings.json or sso-settings.json to update"),
                OptionSpec("--runtime-url", value: "URL", .url, "PingFederate's runtime (default: port 9031 of the admin host)"),
                OptionSpec("--dry-run", "show the change, write nothing"), clientOption,
            ], group: "Clients", "write the client into ThingWorx's settings file (secret included, never shown)"),
        CommandSpec(
            .thingworxResourceSettings, "thingworx resource-settings",
            options: [
                OptionSpec("--file", value: "PATH", .path, "resourceServerSettings.json to update"),
                OptionSpec("--runtime-url", value: "URL", .url, "PingFederate's runtime (default: port 9031 of the admin host)"),
                OptionSpec("--dry-run", "show the change, write nothing"), clientOption,
            ], group: "Clients", "write the client into ThingWorx's resource server settings"),
        CommandSpec(
            .thingworxRotate, "thingworx rotate",
            options: [
                OptionSpec("--file", value: "PATH", .path, "platform-settings.json or sso-settings.json that holds the secret"),
                retainOption, clientOption,
                OptionSpec("--auth-server-id", value: "ID", .text, "the key under AuthorizationServersSettings (default PingFederate)"),
                OptionSpec("--runtime-url", value: "URL", .url, "PingFederate's runtime (default: port 9031 of the admin host)"),
                OptionSpec("--dry-run", "show the change, write nothing"),
                OptionSpec("--yes", "do not ask before changing anything (never asked off a terminal)"),
                OptionSpec("--replicate", "replicate a cluster's configuration before the new secret is tested"),
            ], group: "Clients",
            "new secret for ThingWorx without an outage: rotate, commit, write the settings file, test"),
        CommandSpec(.tokenManagerList, "token-manager list", options: [jsonOption], group: "Clients", "list the access token managers"),
        CommandSpec(.oidcPolicyList, "oidc-policy list", options: [jsonOption], group: "Clients", "list the OpenID Connect policies"),
    ]

    static let fields: [CommandSpec] = [
        CommandSpec(
            .set, "set", [ArgumentSpec("FIELD", .field), ArgumentSpec("VALUE", .fieldValue)], options: [clientOption],
            group: "Fields", stages: true, "set a field by its API name (dotted for nested objects)"),
        CommandSpec(.unset, "unset", [ArgumentSpec("FIELD", .field)], options: [clientOption], group: "Fields", stages: true, "remove a field"),
        CommandSpec(
            .redirectAdd, "redirect add", [ArgumentSpec("URI", .redirectURI, repeating: true)], options: [clientOption],
            group: "Fields", stages: true, "add redirect URIs (already there: no change)"),
        CommandSpec(
            .redirectRemove, "redirect remove", [ArgumentSpec("URI", .registeredRedirectURI, repeating: true)],
            options: [clientOption], group: "Fields", stages: true, "remove redirect URIs (not there: no change)"),
        CommandSpec(.redirectList, "redirect list", options: [clientOption], group: "Fields", "list the redirect URIs"),
        CommandSpec(
            .grantsSet, "grants set", [ArgumentSpec("GRANT", .grantType, repeating: true)], options: [clientOption],
            group: "Fields", stages: true, "replace the grant types"),
        CommandSpec(
            .grantsAdd, "grants add", [ArgumentSpec("GRANT", .grantType, repeating: true)], options: [clientOption],
            group: "Fields", stages: true, "add grant types"),
        CommandSpec(
            .grantsRemove, "grants remove", [ArgumentSpec("GRANT", .grantType, repeating: true)], options: [clientOption],
            group: "Fields", stages: true, "remove grant types"),
        CommandSpec(
            .secretSet, "secret set",
            options: [
                OptionSpec("--env", value: "VAR", .variable, "take the secret from this environment variable"),
                OptionSpec("--file", value: "PATH", .path, "take the secret from this file's first line"),
                OptionSpec("--stdin", "read the secret from standard input"),
                OptionSpec("--prompt", "ask for the secret without echo"),
                OptionSpec("--if-new", "only when the client is being created"),
                clientOption,
            ], group: "Fields", stages: true, "set the client secret (never as an argument)"),
        CommandSpec(
            .secretGenerate, "secret generate",
            options: [
                OptionSpec("--length", value: "N", .number, "characters (default 40, at least 32)"),
                OptionSpec("--if-new", "only when the client is being created"), clientOption,
            ], group: "Fields", stages: true, "set a random secret from a CSPRNG"),
        CommandSpec(
            .secretShow, "secret show", options: [OptionSpec("--reveal", "print the secret"), clientOption],
            group: "Fields", "print a secret this session knows (needs --reveal)"),
        CommandSpec(
            .secretRotate, "secret rotate",
            options: [
                retainOption,
                OptionSpec("--env", value: "VAR", .variable, "the new secret from this environment variable"),
                OptionSpec("--file", value: "PATH", .path, "the new secret from this file's first line"),
                OptionSpec("--generate", "a random secret from a CSPRNG (the default)"), clientOption,
            ], group: "Fields", stages: true, "stage a new secret; the current one stays valid for the retention period"),
        CommandSpec(
            .secretSecondaries, "secret secondaries", options: [jsonOption, clientOption],
            group: "Fields", "list the old secrets the server still accepts, with their expiry (never their values)"),
        CommandSpec(
            .secretExpireOld, "secret expire-old", options: [clientOption],
            group: "Fields", stages: true, "stage the end of every secondary secret (once all consumers have the new one)"),
        CommandSpec(
            .persistentGrants, "persistent-grants",
            [ArgumentSpec("POLICY", .choice(["never-expire", "server-default", "expire"]), repeating: true)],
            options: [clientOption], group: "Fields", stages: true,
            "how long grants live: never-expire, server-default, expire N minutes|hours|days"),
        CommandSpec(
            .refreshRolling, "refresh-rolling", [ArgumentSpec("MODE", .choice(["roll", "dont-roll", "server-default"]))],
            options: [clientOption], group: "Fields", stages: true, "refresh token rolling: roll, dont-roll, server-default"),
        CommandSpec(
            .tokenManagerSet, "token-manager", [ArgumentSpec("ID|none", .accessTokenManager)], options: [clientOption],
            group: "Fields", stages: true, "set the default access token manager"),
    ]

    static let commitOptions = [
        OptionSpec("--message", short: "-m", value: "MESSAGE", .text, "say why (shown in the summary)"),
        OptionSpec("--dry-run", "validate and print the requests, write nothing"),
        OptionSpec("--force", "write even if a client changed on the server meanwhile"),
        OptionSpec("--replicate", "replicate to the cluster's engines afterwards"),
    ]

    static let staging: [CommandSpec] = [
        CommandSpec(.diff, "diff", [ArgumentSpec("ID", .clientID, optional: true)], group: "Staging", "show staged changes field by field"),
        CommandSpec(.pending, "pending", group: "Staging", "list staged clients, one line each"),
        CommandSpec(.undo, "undo", group: "Staging", "revert the last staging command"),
        CommandSpec(
            .discard, "discard", [ArgumentSpec("ID", .clientID, optional: true)],
            options: [OptionSpec("--all", "discard every staged change")], group: "Staging", "drop staged changes"),
        CommandSpec(.commit, "commit", options: commitOptions, group: "Staging", "write the staged changes to the server"),
        CommandSpec(
            .commitConfirmed, "commit confirmed", [ArgumentSpec("DURATION", .text)],
            options: commitOptions + [
                OptionSpec("--test", "test each client that can be tested at once; revert at once when a test fails")
            ], group: "Staging",
            "commit, then revert by itself after DURATION (10s to 1h: 90s, 10m) unless 'confirm' comes first"),
        CommandSpec(.confirm, "confirm", group: "Staging", "keep the commit that waits for confirmation on this server"),
        CommandSpec(
            .resume, "resume",
            options: [OptionSpec("--commit", "commit what was loaded, even when no commit was cut short")],
            group: "Staging", "load what an interrupted session left staged and finish its commit"),
        CommandSpec(
            .discardInterrupted, "discard-interrupted", group: "Staging",
            "forget what an interrupted session left staged; nothing is sent"),
        CommandSpec(
            .log, "log", [ArgumentSpec("N", .number, optional: true)], options: [jsonOption], group: "Staging",
            "list the commits made through pfsh on this server, newest first (the last N)"),
        CommandSpec(
            .logShow, "log show", [ArgumentSpec("N", .number)], options: [jsonOption], group: "Staging",
            "show what commit N changed, field by field"),
        CommandSpec(
            .rollback, "rollback", [ArgumentSpec("N", .number)],
            options: [OptionSpec("--restore-secrets", "bring back each client's secret too, from the server's own sealed copy")],
            group: "Staging", stages: true,
            "stage the return of every client commit N and later ones touched to its state before N"),
    ]

    static let rawAPI: [CommandSpec] = {
        let data = OptionSpec("--data", value: "@FILE|-", .path, "the JSON body, from a file or standard input (never the command line)")
        let reveal = OptionSpec("--reveal", "print secret values in the answer")
        let path = [ArgumentSpec("PATH", .apiPath)]
        return [
            CommandSpec(.apiGet, "api get", path, options: [reveal], group: "Raw API", "send GET PATH to the Admin API and print the answer"),
            CommandSpec(.apiPost, "api post", path, options: [data, reveal], group: "Raw API", "send POST PATH with a JSON body (not undoable)"),
            CommandSpec(.apiPut, "api put", path, options: [data, reveal], group: "Raw API", "send PUT PATH with a JSON body (not undoable)"),
            CommandSpec(.apiDelete, "api delete", path, options: [reveal], group: "Raw API", "send DELETE PATH (not undoable)"),
        ]
    }()

    static let other: [CommandSpec] = [
        CommandSpec(.letVariable, "let", [ArgumentSpec("NAME", .variable), ArgumentSpec("VALUE", .text)], group: "Scripts", "set a variable for ${NAME}"),
        CommandSpec(.echo, "echo", [ArgumentSpec("TEXT", .text, optional: true, repeating: true)], group: "Scripts", "print the words, separated by spaces"),
        CommandSpec(
            .recordStart, "record start", [ArgumentSpec("FILE", .path)], group: "Scripts",
            "save the commands that stage what this session commits, as a script (written at each commit)"),
        CommandSpec(.recordStop, "record stop", group: "Scripts", "write the recording and stop it"),
        CommandSpec(.source, "source", [ArgumentSpec("FILE", .path)], group: "Scripts", "run a script file (relative to the current one)"),
        CommandSpec(.help, "help", [ArgumentSpec("COMMAND", .command, optional: true, repeating: true)], group: "Scripts", "list commands, or explain one"),
        CommandSpec(.quit, "quit", group: "Scripts", "leave pfsh (asks first when changes are staged)"),
    ]

    /// The commands whose words start `words`, longest first: `client new` before `client`.
    public static func lookup(_ words: [String]) -> CommandSpec? {
        all.filter { spec in spec.words.count <= words.count && Array(words.prefix(spec.words.count)) == spec.words }
            .max { $0.words.count < $1.words.count }
    }

    /// `exit` is an alias of `quit`, `?` of `help`.
    static let aliases: [String: String] = ["exit": "quit", "?": "help"]
}
