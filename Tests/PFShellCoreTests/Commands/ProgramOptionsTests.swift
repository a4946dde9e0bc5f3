import PFShellCore
import Testing

/// pfsh's own command line, read from the one table of options.
@Suite struct ProgramOptionsTests {
    func parsed(_ arguments: [String]) throws -> ProgramOptions {
        try ProgramOptions.parse(arguments)
    }

    func refusal(_ arguments: [String]) -> String? {
        do {
            _ = try ProgramOptions.parse(arguments)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func optionsThenTheCommandWithItsOwnWords() throws {
        let options = try parsed(["--url", "https://pf:9999", "--json", "client", "list", "--json"])
        #expect(options.url == "https://pf:9999")
        #expect(options.json)
        #expect(options.words == ["client", "list", "--json"])
        #expect(options.target == .command(["client", "list", "--json"]))
    }

    @Test func aValueMayBeAttachedWithEquals() throws {
        let options = try parsed(["--url=https://pf:9999", "--timeout=5", "--user", "joe"])
        #expect(options.url == "https://pf:9999" && options.timeout == 5 && options.user == "joe")
    }

    @Test func repeatableOptionsKeepTheirOrderAndOthersTakeTheLast() throws {
        let options = try parsed(["-c", "status", "-v", "A=1", "-c", "client list", "-v", "B=2", "--user", "a", "--user", "b"])
        #expect(options.commands == ["status", "client list"])
        #expect(options.assignments == ["A=1", "B=2"])
        #expect(options.user == "b")
    }

    @Test func optionsMayFollowAScript() throws {
        let options = try parsed(["deploy.pfsh", "--keep-going", "-v", "X=1"])
        #expect(options.script == "deploy.pfsh" && options.words == ["deploy.pfsh"])
        #expect(options.keepGoing && options.assignments == ["X=1"])
        #expect(refusal(["deploy.pfsh", "extra"]) == "unexpected argument 'extra' after the script 'deploy.pfsh'")
    }

    @Test func theConnectionOptionsGoToConnectAsGiven() throws {
        let options = try parsed(["--url", "https://pf", "--insecure", "--password-env", "PW", "--timeout", "9"])
        #expect(options.connectionWords == ["--password-env", "PW", "--insecure", "--timeout", "9"])
    }

    @Test func helpWinsOverEverythingElse() throws {
        #expect(try parsed(["--url", "x", "--profile", "p", "-h"]).help)
        #expect(try parsed(["--help"]).help)
    }

    @Test func badCommandLinesAreRefusedWithTheWayOut() {
        #expect(refusal(["--bogus"]) == "unknown option '--bogus'")
        #expect(refusal(["--dryrun"]) == "unknown option '--dryrun'; did you mean '--dry-run'?")
        #expect(refusal(["--url"]) == "'--url' needs a value (--url URL)")
        #expect(refusal(["--json=yes"]) == "'--json' takes no value")
        #expect(refusal(["--timeout", "0"]) == "--timeout must be a positive whole number of seconds, not '0'")
        #expect(refusal(["--timeout", "soon"]) == "--timeout must be a positive whole number of seconds, not 'soon'")
        #expect(refusal(["--password-env", "A", "--token-env", "B"]) == "use only one of --password-env, --password-file, --token-env and --oauth-client")
        #expect(refusal(["--password-env", "A", "--oauth-client", "bot"]) == "use only one of --password-env, --password-file, --token-env and --oauth-client")
        #expect(refusal(["--url", "a", "--profile", "p"]) == "give either --url or --profile")
        #expect(refusal(["--sandbox", "--url", "a"]) == "--sandbox connects by itself; drop --url and --profile")
        #expect(refusal(["-v", "NOEQUALS"]) == "-v expects NAME=VALUE, got 'NOEQUALS'")
        #expect(refusal(["-f", "a.pfsh", "b.pfsh"]) == "give the script either as an argument or with -f, not both")
        #expect(refusal(["-c", "status", "b.pfsh"]) == "give either a script or -c commands, not both")
        #expect(refusal(["-c", "status", "client", "list"]) == "give either the command 'client' or -c and -f, not both")
    }

    @Test func aDoubleDashEndsTheOptions() throws {
        let options = try parsed(["--json", "--", "--odd-name.pfsh"])
        #expect(options.json && options.script == "--odd-name.pfsh")
    }

    @Test func helpListsEveryOptionOfTheTable() {
        let help = ProgramHelp.text
        for option in ProgramOptions.table { #expect(help.contains(option.name), "\(option.name)") }
        #expect(help.contains("-h, --help"))
        #expect(help.split(separator: "\n").allSatisfy { $0.count <= 96 })
    }
}
