import PFShellCore
import PFShellJSON
import Testing

@Suite struct ReadingSessionTests {
    @Test func connectAndStatus() {
        let shell = SessionHarness()
        #expect(shell.session.connection?.version == "12.1.0.4")
        #expect(shell.services.connects.first?.apiURL == "https://127.0.0.1:9999/pf-admin-api/v1")
        #expect(shell.services.connects.first?.credentials == .passwordEnvironment("PW"))
        let status = shell.ok("status")
        #expect(status.contains("cluster:  standalone"))
        #expect(status.contains("staged:   0 client(s)"))
    }

    @Test func clientListTable() {
        let shell = SessionHarness(seed: true)
        #expect(
            shell.ok("client list") == [
                "CLIENT ID    NAME             GRANT TYPES                       ENABLED  REDIRECTS",
                "demo-batch   Demo batch job   client-credentials                yes      0",
                "demo-mobile  Demo mobile app  authorization-code,refresh-token  yes      1",
                "demo-portal  Demo portal      authorization-code,refresh-token  yes      1",
            ])
        #expect(shell.ok("client list MOBILE").count == 2)
        #expect(shell.session.cache.clientIDs == ["demo-batch", "demo-mobile", "demo-portal"])
    }

    @Test func aFilteredListTeachesTheCacheWhatItFound() {
        let shell = SessionHarness(seed: true)
        #expect(shell.session.cache.clientIDs.isEmpty, "connecting lists nothing")
        shell.ok("client list")
        #expect(shell.session.cache.clientIDs == ["demo-batch", "demo-mobile", "demo-portal"])
        let other = SessionHarness(api: shell.api)
        other.ok("client new web-shop --name Shop")
        other.ok("grants set implicit")
        other.ok("client delete demo-mobile")
        other.ok("commit")
        shell.ok("client list web")
        #expect(shell.session.cache.clientIDs == ["demo-batch", "demo-mobile", "demo-portal", "web-shop"])
        shell.ok("client list mobile")
        #expect(shell.session.cache.clientIDs == ["demo-batch", "demo-portal", "web-shop"])
        #expect(shell.session.cache.clientNames["web-shop"] == "Shop")
        #expect(shell.session.cache.clientNames["demo-mobile"] == nil)
        shell.ok("client list shop")  // matches the name only: nothing is lost
        #expect(shell.session.cache.clientIDs == ["demo-batch", "demo-portal", "web-shop"])
    }

    @Test func clientShowMasksSecretMaterial() throws {
        let shell = SessionHarness(seed: true)
        let lines = shell.ok("client show demo-batch")
        #expect(lines.contains("clientAuth.encryptedSecret: (set)"))
        #expect(!lines.joined().contains("OBF:"))
        let json = shell.ok("client show demo-batch --json").joined(separator: "\n")
        #expect(try JSONParser.parse(json)["clientAuth"]?["encryptedSecret"] == "(set)")
        #expect(shell.fails("client show ghost")?.message == "no client 'ghost' on the server")
    }

    @Test func tokenManagersAndPolicies() {
        let shell = SessionHarness(seed: true)
        #expect(shell.ok("token-manager list") == ["ID           NAME", "default-atm  Default JWT access tokens"])
        #expect(shell.ok("oidc-policy list").last == "default-oidc  Default OpenID Connect policy")
    }

    @Test func helpComesFromTheCommandTable() {
        let shell = SessionHarness(connect: false)
        let overview = shell.ok("help")
        for spec in CommandTable.all { #expect(overview.contains { $0.contains(spec.name) }, "\(spec.name)") }
        #expect(shell.ok("help commit").first == "usage: commit [--message MESSAGE] [--dry-run] [--force] [--replicate]")
        #expect(shell.fails("help frobnicate") != nil)
    }

    @Test func unknownCommandsAndSubcommands() {
        let shell = SessionHarness(connect: false)
        #expect(shell.fails("comit")?.message == "unknown command 'comit'; did you mean 'commit'?")
        #expect(shell.fails("client frob")?.message == "'frob' is not a subcommand of 'client'; expected list, show, new, edit, ensure, export, diff, promote, delete, clone, rebase, test")
        #expect(shell.fails("client new")?.category == .usage)
        #expect(shell.fails("client new a b")?.message.hasPrefix("unexpected argument 'b'") == true)
        #expect(shell.fails("commit --frobnicate")?.location?.column == 8)
    }

    @Test func variables() {
        let shell = SessionHarness(connect: false)
        shell.ok("let HOST twx.example.com")
        #expect(shell.ok("echo https://${HOST}/cb ${MISSING:-fallback}") == ["https://twx.example.com/cb fallback"])
        #expect(shell.fails("echo ${MISSING}")?.message == "undefined variable 'MISSING'")
        #expect(shell.fails("let 1x y")?.category == .usage)
    }
}
