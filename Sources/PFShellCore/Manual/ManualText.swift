/// The manual page's prose: what pfsh is, its script language, files and environment. The lists of
/// commands and options are not here: `ManualPage` generates them.
enum ManualText {
    static let description: [String] = [
        Roff.text("pfsh configures PingFederate's OAuth clients through the Admin API (/pf-admin-api/v1). It keeps one connection, stages edits locally, shows them with diff and writes them with commit, which checks every client first, notices when someone else changed a client meanwhile, and never loses a change the server refused."),
        ".PP",
        Roff.text("Commands come from a script file, from -c (each one a line), from standard input when it is not a terminal (each line runs as soon as it arrives), or from the terminal with line editing, history and Tab completion."),
        ".PP",
        Roff.line("\(Roff.bold("pfsh")) [\(Roff.italic("OPTIONS"))] \(Roff.italic("COMMAND")) [\(Roff.italic("WORD"))...] \(Roff.escape("runs one command of the table below and exits; pfsh's own options come before the command, and every word after it belongs to the command, passed as it is (no splitting, quoting or ${...} expansion). A first word that names a command is that command unless it contains / or ends in .pfsh: pfsh status runs the command, pfsh ./status the script named status. A command that stages a change runs only with --commit, which stages it, prints the diff and commits it."))"),
        ".PP",
        Roff.text("A password is never an argument: --password-env, --password-file, or a prompt without echo at the terminal. TLS is verified; --ca-file trusts a private CA, --insecure warns on every connect."),
    ]

    static let commandsIntroduction: [String] = [
        Roff.text("Field commands act on the selected client (client new, client edit and client ensure select one) or on --client ID. help lists the commands and help COMMAND explains one."),
    ]

    static let scripts: [String] = [
        Roff.text("One command per line; # starts a comment; a trailing \\ continues the line. Words are quoted like a POSIX shell: '...' is literal, \"...\" allows \\\", \\\\, \\$ and expansions."),
        ".PP",
        Roff.text("Variables: ${NAME}, ${NAME:-default} and ${NAME:?message}, set with -v NAME=VALUE or let NAME VALUE; environment variables as ${env.NAME}. An unset variable is an error."),
        ".PP",
        Roff.text("source FILE runs another script, relative to the script that sources it."),
        ".PP",
        Roff.text("A script stops at the first error unless --keep-going (the exit status is then the first error's), and a script that ends with uncommitted changes fails and lists them. Errors read FILE:LINE:COLUMN: error: COMMAND: message (-c for -c commands, counting them; <stdin> for piped input); data goes to standard output."),
    ]

    static let files: [String] =
        Roff.tagged(
            Roff.italic("$XDG_CONFIG_HOME/pfsh/pfshrc"),
            [Roff.text("A pfsh script run before anything else (default ~/.config/pfsh/pfshrc; --no-rc skips it), typically profile define lines.")])
        + Roff.tagged(
            Roff.italic("$XDG_STATE_HOME/pfsh/history"),
            [Roff.text("The interactive history (default ~/.local/state/pfsh/history), mode 0600.")])
        + Roff.tagged(
            Roff.italic("$XDG_CACHE_HOME/pfsh/clients/"),
            [Roff.text("Per server, the client IDs and names pfsh last listed or committed (default ~/.cache/pfsh/clients/), mode 0600: what completion in bash, zsh and fish offers.")])
        + Roff.tagged(Roff.italic("~/.editrc"), [Roff.text("libedit's settings, e.g. bind -v for vi mode; $EDITRC names another file.")])

    static let environment: [String] =
        Roff.tagged(Roff.bold("XDG_CONFIG_HOME"), [Roff.text("Where pfshrc is looked for (default ~/.config).")])
        + Roff.tagged(Roff.bold("XDG_STATE_HOME"), [Roff.text("Where the history is kept (default ~/.local/state).")])
        + Roff.tagged(Roff.bold("XDG_CACHE_HOME"), [Roff.text("Where the client ID cache for shell completion is kept (default ~/.cache).")])
        + Roff.tagged(Roff.bold("HOME"), [Roff.text("The base of the defaults.")])
        + Roff.tagged(Roff.bold("EDITRC"), [Roff.text("libedit's settings file instead of ~/.editrc.")])
        + Roff.tagged(
            Roff.italic("VAR"),
            [Roff.text("Any variable named by --password-env, --token-env, secret set --env or client test --secret-env carries that secret; scripts read variables as ${env.NAME}.")])

    static let examples: [String] =
        Roff.example(["pfsh --sandbox", "pfsh --profile prod client list --json", "pfsh --profile prod --commit client delete old-client"])
        + Roff.example(["TWX_CLIENT_SECRET=... pfsh --url https://pf.example.com:9999 --password-env PF_PASSWORD \\", "    -v TWX_HOST=twx.example.com:8443 thingworx.pfsh"])
}
