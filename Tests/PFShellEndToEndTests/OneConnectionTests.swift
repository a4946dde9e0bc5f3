import Foundation
import PFShellTestSupport
import Testing

/// A whole script, reads, stagings and a commit of several clients, runs over one TCP connection.
@Suite struct OneConnectionTests {
    static let script = """
        client list
        client show demo-portal
        client new one --name "One"
        grants set client-credentials
        secret generate
        client new two
        grants set implicit
        redirect add https://two.example.com/cb
        client edit demo-portal
        set description "Edited over one connection"
        token-manager default-atm
        client clone demo-mobile three
        client delete demo-batch
        token-manager list
        oidc-policy list
        commit -m "one connection"
        client list

        """

    @Test func aWholeScriptUsesOneConnection() throws {
        let server = try TestServer()
        let file = server.directory.file("one-connection.pfsh")
        try Self.script.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try server.pfsh([file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("committed 5 client(s): one connection"))
        #expect(server.stop() == 0)
        #expect(server.emulator.connectionsAcceptedAtExit == 1)
    }
}
