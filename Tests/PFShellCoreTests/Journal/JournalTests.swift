@testable import PFShellCore
import PFShellJSON
import Testing

/// A sink that keeps what it is given.
final class RecordingSink: JournalSink {
    var records: [JSONValue] = []
    var syncs = 0
    func append(_ record: JSONValue) { records.append(record) }
    func sync() { syncs += 1 }
}

@Suite struct JournalReplayTests {
    static let base: JSONObject = [
        "clientId": "web", "name": "Web", "clientAuth": ["type": "SECRET", "encryptedSecret": "OBF:JWE:sealed"],
    ]

    private func edited(_ name: String, secret: String? = nil, origin: SecretSource? = nil) -> StagedClient {
        var client = StagedClient(
            clientId: "web", action: .update, base: Self.base, current: ClientJSON.setting(.string(name), at: "name", in: Self.base),
            stagedAt: SourceLocation(file: "x.pfsh", line: 3, column: 1), order: 4)
        client.newSecret = secret
        client.secretOrigin = origin
        return client
    }

    @Test func aClientComesBackAsStagedWithItsLineAndOrder() {
        let sink = RecordingSink()
        Journal(sink: sink).client("web", edited("Renamed"))
        let replay = JournalReplay([sink.records])
        #expect(replay.staged.count == 1)
        #expect(replay.staged.first?.current["name"] == "Renamed")
        #expect(replay.staged.first?.base == Self.base)
        #expect(replay.staged.first?.stagedAt == SourceLocation(file: "x.pfsh", line: 3, column: 1))
        #expect(replay.staged.first?.order == 4)
    }

    @Test func membersApplyOnTopAndNullRemoves() {
        let sink = RecordingSink()
        let journal = Journal(sink: sink)
        journal.client("web", edited("Renamed"))
        journal.members("web", [("name", .string("Again")), ("clientAuth", nil)])
        let client = JournalReplay([sink.records]).staged.first
        #expect(client?.current["name"] == "Again")
        #expect(client?.current["clientAuth"] == nil)
    }

    @Test func anIntentWithoutOutcomeIsUnknownAndAnAppliedOutcomeEndsTheClient() {
        let sink = RecordingSink()
        let journal = Journal(sink: sink)
        journal.client("web", edited("Renamed"))
        journal.client("api", StagedClient(clientId: "api", action: .create, base: nil, current: ["clientId": "api"], stagedAt: nil, order: 5))
        journal.commitBegan(["web", "api"])
        journal.intent("web", method: .put, attempt: 1)
        journal.outcome("web", .applied, stored: Self.base)
        journal.intent("api", method: .post, attempt: 1)
        let replay = JournalReplay([sink.records])
        #expect(replay.commitInterrupted)
        #expect(replay.unknown == ["api"])
        #expect(replay.staged.map(\.clientId) == ["api"])
        #expect(!replay.isEmpty)
    }

    @Test func aFinishedCommitLeavesNothing() {
        let sink = RecordingSink()
        let journal = Journal(sink: sink)
        journal.client("web", edited("Renamed"))
        journal.commitBegan(["web"])
        journal.intent("web", method: .put, attempt: 1)
        journal.outcome("web", .applied, stored: Self.base)
        journal.commitEnded(complete: true)
        #expect(JournalReplay([sink.records]).isEmpty)
        #expect(sink.syncs == 1)
    }

    @Test func aRefusedWriteStaysStagedAndKnown() {
        let sink = RecordingSink()
        let journal = Journal(sink: sink)
        journal.client("web", edited("Renamed"))
        journal.intent("web", method: .put, attempt: 1)
        journal.outcome("web", .refused)
        let replay = JournalReplay([sink.records])
        #expect(replay.unknown.isEmpty)
        #expect(replay.staged.count == 1)
    }

    @Test func aSecretIsJournaledByItsSourceOnly() {
        let sink = RecordingSink()
        let journal = Journal(sink: sink)
        journal.client("web", edited("A", secret: "CANARY-unit-9", origin: .environment("WEB_SECRET")))
        journal.client("cli", edited("B", secret: "CANARY-unit-10", origin: nil))
        let text = sink.records.map { JSONPrinter.print($0) }.joined()
        #expect(!text.contains("CANARY"))
        #expect(text.contains("OBF:JWE:sealed"))
        let replay = JournalReplay([sink.records])
        #expect(replay.secretSources["web"] == .some(.environment("WEB_SECRET")))
        #expect(replay.secretSources["cli"] == .some(nil))
    }

    @Test func plaintextSecretsAreDroppedWhereverTheyStandAndSealedOnesKept() {
        let value: JSONValue = [
            "clientAuth": [
                "secret": "plain", "encryptedSecret": "OBF:1",
                "secondarySecrets": [["secret": "plain2", "encryptedSecret": "OBF:2", "expiryTime": "2027"]],
            ],
            "name": "web",
        ]
        #expect(
            JournalCoding.sealedOnly(value)
                == [
                    "clientAuth": ["encryptedSecret": "OBF:1", "secondarySecrets": [["encryptedSecret": "OBF:2", "expiryTime": "2027"]]],
                    "name": "web",
                ])
    }

    @Test func unreadableRecordsAreCountedNotFatal() {
        let replay = JournalReplay([[["record": "members", "id": "nobody", "members": [:]], ["record": "nonsense"]]])
        #expect(replay.unreadable == 2)
        #expect(replay.isEmpty)
    }

    @Test func laterJournalsWinForTheSameClient() {
        let first = RecordingSink()
        Journal(sink: first).client("web", edited("First"))
        let second = RecordingSink()
        Journal(sink: second).client("web", edited("Second"))
        #expect(JournalReplay([first.records, second.records]).staged.first?.current["name"] == "Second")
    }
}

@Suite struct WriteJudgementTests {
    static let base: JSONObject = ["clientId": "web", "name": "Web", "description": "old", "clientAuth": ["type": "SECRET", "encryptedSecret": "OBF:a"]]

    private func update(_ current: JSONObject, secret: String? = nil) -> StagedClient {
        var client = StagedClient(clientId: "web", action: .update, base: Self.base, current: current, stagedAt: nil, order: 0)
        client.newSecret = secret
        return client
    }

    @Test func createAndDeleteAreJudgedByPresence() {
        let create = StagedClient(clientId: "web", action: .create, base: nil, current: ["clientId": "web"], stagedAt: nil, order: 0)
        #expect(WriteJudgement.judge(create, serverNow: Self.base) == .applied(Self.base))
        #expect(WriteJudgement.judge(create, serverNow: nil) == .notApplied)
        let delete = StagedClient(clientId: "web", action: .delete, base: Self.base, current: Self.base, stagedAt: nil, order: 0)
        #expect(WriteJudgement.judge(delete, serverNow: nil) == .applied(nil))
        #expect(WriteJudgement.judge(delete, serverNow: Self.base) == .notApplied)
    }

    @Test func anEditIsAppliedWhenItsFieldsHoldTheStagedValues() {
        let client = update(ClientJSON.setting("new", at: "description", in: Self.base))
        let applied = ClientJSON.setting("new", at: "description", in: Self.base)
        #expect(WriteJudgement.judge(client, serverNow: applied) == .applied(applied))
        #expect(WriteJudgement.judge(client, serverNow: Self.base) == .notApplied)
        let other = ClientJSON.setting("Other", at: "name", in: Self.base)
        #expect(WriteJudgement.judge(client, serverNow: other) == .changedElsewhere)
        #expect(WriteJudgement.judge(client, serverNow: nil) == .changedElsewhere)
    }

    /// Without `clientSecretChangedTime`, a sealed secret read again proves nothing (servers seal
    /// it afresh on every read): "cannot tell". One that appears where there was none is proof.
    @Test func aSealedSecretThatDiffersCannotTellWithoutTheChangeTime() {
        let client = update(Self.base, secret: "s3cret-s3cret")
        let resealed = ClientJSON.setting("OBF:b", at: "clientAuth.encryptedSecret", in: Self.base)
        #expect(WriteJudgement.judge(client, serverNow: resealed) == .changedElsewhere)
        #expect(WriteJudgement.judge(client, serverNow: Self.base) == .notApplied)
        var first = client
        first.base = ClientJSON.setting(nil, at: "clientAuth.encryptedSecret", in: Self.base)
        #expect(WriteJudgement.judge(first, serverNow: resealed) == .applied(resealed))
        // An edit without a secret is judged on its fields, whatever the sealed secret shows.
        let edit = update(ClientJSON.setting("new", at: "description", in: Self.base))
        #expect(WriteJudgement.judge(edit, serverNow: resealed) == .notApplied)
    }

    @Test func expireOldIsAppliedWhenNoneOfTheOldSecondarySecretsIsLeft() {
        let old: JSONValue = [["encryptedSecret": "OBF:s", "expiryTime": "2030-01-01T00:00:00.000Z"]]
        let withOld = ClientJSON.setting(old, at: "clientAuth.secondarySecrets", in: Self.base)
        var client = update(withOld)
        client.base = withOld
        client.expiresOldSecrets = true
        let emptied = ClientJSON.setting([], at: "clientAuth.secondarySecrets", in: Self.base)
        #expect(WriteJudgement.judge(client, serverNow: emptied) == .applied(emptied))
        #expect(WriteJudgement.judge(client, serverNow: withOld) == .notApplied)
    }

    /// Servers seal the secret afresh on every read: with `clientSecretChangedTime` known, only a
    /// change of that time shows a new secret landed.
    @Test func aResealedSecretIsNoNewSecretWhenTheChangeTimeSaysSo() {
        let timed = ClientJSON.setting("2026-01-01T00:00:00.000Z", at: "clientSecretChangedTime", in: Self.base)
        var client = update(timed, secret: "s3cret-s3cret")
        client.base = timed
        let resealed = ClientJSON.setting("OBF:b", at: "clientAuth.encryptedSecret", in: timed)
        #expect(WriteJudgement.judge(client, serverNow: resealed) == .notApplied)
        let changed = ClientJSON.setting("2026-01-01T00:05:00.000Z", at: "clientSecretChangedTime", in: resealed)
        #expect(WriteJudgement.judge(client, serverNow: changed) == .applied(changed))
    }
}

@Suite struct JournalKeyTests {
    @Test func theNameIsReadableSafeAndDistinct() {
        let name = JournalKey.name(apiURL: "https://pf.example.com:9999/pf-admin-api/v1", user: "admin/ops")
        #expect(name.hasPrefix("pf.example.com_9999-admin_ops-"))
        #expect(name.count == "pf.example.com_9999-admin_ops-".count + 8)
        #expect(name != JournalKey.name(apiURL: "https://pf.example.com:9999/pf-admin-api/v1", user: "admin_ops"))
    }
}

@Suite struct UTCTimeTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01 00:00:00 UTC"), (1_796_000_000, "2026-11-30 00:53:20 UTC"),
        (951_782_400, "2000-02-29 00:00:00 UTC"), (4_107_542_399, "2100-02-28 23:59:59 UTC"), (-1, "1969-12-31 23:59:59 UTC"),
    ])
    func datesAsTheCalendarHasThem(seconds: Int64, text: String) {
        #expect(UTCTime.text(secondsSince1970: seconds) == text)
    }
}
