import Testing

@testable import PFShellCore

/// Completion without a terminal: `‸` marks the cursor in each line.
@Suite struct CompleterTests {
    static let context = CompletionContext(
        clientIDs: ["demo-batch", "demo-portal", "thingworx"], accessTokenManagers: ["default-atm", "jwt"],
        profiles: ["prod", "staging"],
        redirectURIs: ["https://a.example/cb", "https://b.example/cb", "https://c d.example/cb"],
        files: { prefix in
            prefix.hasPrefix("scripts/") ? ["thingworx.pfsh", "notes.txt", "lib/"] : ["scripts/", "setup.pfsh", "README.md"]
        })

    struct Case: CustomTestStringConvertible, Sendable {
        let marked: String
        let expected: [String]
        var testDescription: String { marked }
        init(_ marked: String, _ expected: [String]) {
            self.marked = marked
            self.expected = expected
        }
    }

    static func complete(_ marked: String) -> Completions {
        let parts = marked.split(separator: "‸", maxSplits: 1, omittingEmptySubsequences: false)
        let cursor = parts[0].utf8.count
        return Completer.complete(parts.joined(), cursor: cursor, context: context)
    }

    static let cases: [Case] = [
        Case("cl‸", ["client", "cluster"]),
        Case("comm‸", ["commit"]),
        Case("client e‸", ["edit", "ensure", "export"]),
        Case("client edit ‸", ["demo-batch", "demo-portal", "thingworx"]),
        Case("client show demo-p‸", ["demo-portal"]),
        Case("client clone thing‸", ["thingworx"]),
        Case("client new ‸", []),
        Case("api ‸", ["get", "post", "put", "delete"]),
        Case("api get /oauth/clients/d‸", ["/oauth/clients/demo-batch", "/oauth/clients/demo-portal"]),
        Case("api put /ver‸", ["/version"]),
        Case("diff ‸", ["demo-batch", "demo-portal", "thingworx"]),
        Case("set refreshRolling ‸", ["SERVER_DEFAULT", "DONT_ROLL", "ROLL"]),
        Case("set refreshRolling R‸", ["ROLL"]),
        Case("set refreshRolling dont‸", ["DONT_ROLL"]),
        Case("set refreshRolling dont-r‸", ["DONT_ROLL"]),
        Case("set persistentGrantExpirationType indef‸", ["INDEFINITE_EXPIRY"]),
        Case("set enabled T‸", ["true"]),
        Case("client show DEMO‸", []),
        Case("grants add CLIENT‸", ["client-credentials"]),
        Case("grants add access_token‸", ["access-token-validation"]),
        Case("persistent-grants NEVER‸", ["never-expire"]),
        Case("set enabled ‸", ["false", "true"]),
        Case("set oidcPolicy.logout‸", ["oidcPolicy.logoutMode", "oidcPolicy.logoutUris"]),
        Case("set jwks‸", ["jwksSettings."]),
        Case("set refreshRolling ROLL --c‸", ["--client"]),
        Case("set name x --client de‸", ["demo-batch", "demo-portal"]),
        Case("grants add authorization-code refresh-token ‸", [
            "implicit", "resource-owner-credentials", "client-credentials", "extension", "device-code",
            "access-token-validation", "ciba", "token-exchange",
        ]),
        Case("grants set CLIENT_CREDENTIALS cl‸", []),
        Case("grants set re‸", ["resource-owner-credentials", "refresh-token"]),
        Case("redirect remove https://a.example/cb ‸", ["'https://b.example/cb'", "'https://c d.example/cb'"].map { $0 }),
        Case("token-manager ‸", ["list", "default-atm", "jwt", "none"]),
        Case("connect --profile ‸", ["prod", "staging"]),
        Case("commit --‸", ["--message", "--dry-run", "--force", "--replicate"]),
        Case("commit --dry-run --‸", ["--message", "--force", "--replicate"]),
        Case("persistent-grants ‸", ["never-expire", "server-default", "expire"]),
        Case("persistent-grants expire 30 ‸", ["days", "hours", "minutes"]),
        Case("help cl‸", ["client", "cluster"]),
        Case("secret ‸", ["set", "generate", "show", "rotate", "secondaries", "expire-old"]),
        Case("thingworx r‸", ["redirect", "resource-settings", "rotate"]),
        Case("secret rotate --‸", ["--retain", "--env", "--file", "--generate", "--client"]),
        Case("help client ‸", ["list", "show", "new", "edit", "ensure", "export", "diff", "promote", "delete", "clone", "rebase", "test"]),
        Case("source ‸", ["scripts/", "setup.pfsh", "README.md"]),
        Case("source scripts/‸", ["scripts/lib/", "scripts/thingworx.pfsh", "scripts/notes.txt"]),
        Case("frobnicate ‸", []),
    ]

    @Test(arguments: cases) func candidates(_ c: Case) {
        let displays = Self.complete(c.marked).candidates.map(\.display)
        #expect(displays == c.expected.map { $0.hasPrefix("'") ? String($0.dropFirst().dropLast()) : $0 })
    }

    @Test func theWordStartAndTheCursorInTheMiddleOfALine() {
        let result = Self.complete("client ed‸ thingworx")
        #expect(result.wordStart == 7)
        #expect(result.replacements == ["edit"])
        #expect(result.candidates.first?.appendSpace == true)
    }

    @Test func candidatesThatNeedQuotingAreQuoted() {
        let result = Self.complete("redirect remove https://c‸")
        #expect(result.replacements == ["'https://c d.example/cb'"])
    }

    @Test func anOpenQuoteIsClosed() {
        let result = Self.complete("redirect remove 'https://b‸")
        #expect(result.wordStart == 16)
        #expect(result.replacements == ["'https://b.example/cb'"])
        let double = Self.complete("client edit \"thing‸")
        #expect(double.replacements == ["\"thingworx\""])
    }

    @Test func dottedFieldsAndFoldersTakeNoSpace() {
        #expect(Self.complete("set clientA‸").candidates == [CompletionCandidate(replacement: "clientAuth.", display: "clientAuth.", appendSpace: false)])
        #expect(Self.complete("source scr‸").candidates.first?.appendSpace == false)
    }

    @Test func stagedClientsAreOffered() {
        final class Services: ShellServices {
            func connect(_ settings: ConnectionSettings) throws(ShellError) -> any ServerPort { throw ShellError(.connection, "no") }
            func activate(_ port: (any ServerPort)?) {}
            func readSecret(_ source: SecretSource) throws(ShellError) -> String { "" }
            func randomSecret(length: Int) -> String { "" }
            func runtime(_ request: RuntimeRequest) throws(ShellError) -> RuntimeResponse { throw ShellError(.connection, "no") }
            func forgetRuntimeCookies() {}
            func pause(milliseconds: Int) throws(ShellError) {}
            func journalStore(for settings: ConnectionSettings) -> (any JournalStore)? { nil }
            func readTextFile(_ path: String) throws(ShellError) -> String? { nil }
            func writeSettingsFile(_ text: String, to path: String) throws(ShellError) {}
        }
        let session = Session(services: Services())
        session.changeset.stage("brand-new", action: .create, base: nil, current: [:], at: nil)
        session.changeset.stage("doomed", action: .delete, base: [:], current: [:], at: nil)
        var context = session.completionContext()
        #expect(context.clientIDs == ["brand-new"])
        session.cache.clientIDs = ["zeta", "alpha", "doomed"]
        context = session.completionContext()
        #expect(session.cache.clientIDs == ["alpha", "doomed", "zeta"])
        #expect(context.clientIDs == ["alpha", "brand-new", "doomed", "zeta"])
        #expect(Completer.complete("client show br", cursor: 14, context: context).replacements == ["brand-new"])
    }

}
