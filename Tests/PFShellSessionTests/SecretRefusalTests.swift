import PFShellCore
import Testing

/// A line refused for carrying secret material never repeats the word and stays out of history.
@Suite struct SecretRefusalTests {
    @Test func aSecretOnTheLineIsNeitherUsedNorRepeated() throws {
        let shell = SessionHarness()
        shell.ok("client new web --name Web")
        let result = shell.run("secret set CANARY-hunter2")
        let error = try #require(result.error)
        #expect(error.category == .usage && error.carriesSecret)
        #expect(!Diagnostic.render(error, showLocation: true).contains("CANARY"))
        #expect(shell.session.changeset["web"]?.newSecret == nil)
        #expect(!HistoryPolicy.shouldRecord("secret set CANARY-hunter2", result: result))
    }

    @Test func settingASecretFieldWithAValueIsASecretRefusal() throws {
        let shell = SessionHarness()
        shell.ok("client new web --name Web")
        for line in ["set clientAuth.secret CANARY-1", "set clientAuth.encryptedSecret CANARY-2"] {
            let result = shell.run(line)
            let error = try #require(result.error, "\(line)")
            #expect(error.carriesSecret, "\(line)")
            #expect(!Diagnostic.render(error, showLocation: true).contains("CANARY"), "\(line)")
            #expect(!HistoryPolicy.shouldRecord(line, result: result), "\(line)")
        }
    }

    @Test func otherRefusalsStayInHistory() throws {
        let shell = SessionHarness()
        let result = shell.run("client show")
        #expect(result.error != nil && result.error?.carriesSecret == false)
        #expect(HistoryPolicy.shouldRecord("client show", result: result))
        #expect(HistoryPolicy.shouldRecord("unset clientAuth.secret", result: shell.run("unset clientAuth.secret")))
    }
}

/// A problem found at commit names the line that staged the change being committed.
@Suite struct StagedLineTests {
    @Test func aProblemNamesTheLineOfTheChangeNotAnEarlierCommittedOne() throws {
        let shell = SessionHarness()
        shell.ok("client new web --name Web")
        shell.ok("grants set client-credentials")
        shell.ok("secret generate")
        let first = try #require(shell.run("commit").location?.line)
        let staged = try #require(shell.run("set requireSignedRequests true").location?.line)
        let error = try #require(shell.fails("commit"))
        #expect(error.notes.count == 1 && error.notes.allSatisfy { $0.hasPrefix("test.pfsh:\(staged):1:") }, "\(error.notes)")
        #expect(!error.notes.contains { $0.hasPrefix("test.pfsh:\(first - 3):") }, "\(error.notes)")
    }

    @Test func undoingTheFirstChangeForgetsItsLine() throws {
        let shell = SessionHarness()
        shell.ok("client new web --name Web")
        shell.ok("grants set client-credentials")
        shell.ok("secret generate")
        shell.ok("commit")
        shell.ok("set description one")
        shell.ok("undo")
        let staged = try #require(shell.run("set requireSignedRequests true").location?.line)
        let error = try #require(shell.fails("commit"))
        #expect(error.notes.count == 1 && error.notes.allSatisfy { $0.hasPrefix("test.pfsh:\(staged):1:") }, "\(error.notes)")
    }
}
