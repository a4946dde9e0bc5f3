import Foundation
import PFShellTestSupport
import Testing

/// `secret show --reveal` prints a generated secret, which no golden transcript can hold.
@Suite struct SecretRevealTests {
    @Test func aGeneratedSecretIsRevealedAsFortyLettersAndDigitsAndIsWhatTheServerStored() throws {
        let server = try TestServer(dataFile: true)
        defer { server.stop() }
        let result = try server.pfsh([
            "-c", "client new revealed", "-c", "grants set client-credentials", "-c", "secret generate",
            "-c", "secret show", "-c", "secret show --reveal", "-c", "commit", "-c", "secret show --reveal",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(lines)")
        guard lines.count == 5 else { return }
        #expect(lines[0] == "client 'revealed' has a secret this session knows; add --reveal to print it")
        #expect(lines[1].wholeMatch(of: /[A-Za-z0-9]{40}/) != nil, "\(lines[1])")
        #expect(lines[2] == "created revealed")
        #expect(lines[4] == lines[1], "the session forgot the secret it committed")
        #expect(try server.storedClient("revealed")?["secret"]?.stringValue == lines[1])
    }

    @Test func aLongerSecretOnRequestAndNoSecretForAClientTheSessionDidNotSet() throws {
        let server = try TestServer()
        defer { server.stop() }
        let long = try server.pfsh([
            "-c", "client new long", "-c", "grants set client-credentials", "-c", "secret generate --length 64",
            "-c", "secret show --reveal", "-c", "discard --all",
        ])
        #expect(long.status == 0, "\(long.stderr)")
        #expect(long.stdout.split(separator: "\n").first?.wholeMatch(of: /[A-Za-z0-9]{64}/) != nil, "\(long.stdout)")
        let unknown = try server.pfsh(["-c", "client edit demo-batch", "-c", "secret show --reveal"])
        #expect(unknown.status == 1)
        #expect(unknown.stdout == "")
        #expect(
            unknown.stderr
                == "-c:2:1: error: secret show: this session does not know the secret of client 'demo-batch'; the server never reveals it\n")
    }
}
