import PFShellCore
import PFShellJSON
import Testing

@Suite struct ChangesetTests {
    static func staged(_ count: Int) -> Changeset {
        var changeset = Changeset()
        for index in 0..<count {
            changeset.stage("c\(index)", action: .create, base: nil, current: ["clientId": .string("c\(index)")], at: nil)
        }
        return changeset
    }

    @Test func aCommandsRecordHoldsOnlyTheClientsItTouched() {
        var changeset = Self.staged(2000)
        changeset.startRecording()
        changeset.stage("new", action: .create, base: nil, current: ["clientId": "new"], at: nil)
        changeset.update("new") { $0.current["name"] = "New" }
        changeset.update("c7") { $0.current["name"] = "Seven" }
        let record = changeset.stopRecording()
        #expect(record.touchedIDs == ["new", "c7"])
        #expect(record.replacedMembers(of: "new") == nil)
        #expect(record.replacedMembers(of: "c7") == ["name"])
        changeset.restore(record)
        #expect(changeset == Self.staged(2000))
        #expect(changeset.changedIDs.count == 2000)
    }

    @Test func anEditKeepsOnlyTheMembersItReplacedAndUndoingItRestoresTheOrder() {
        var changeset = Changeset()
        let client: JSONObject = ["clientId": "web", "name": "Web", "description": "Shop", "grantTypes": ["IMPLICIT"]]
        changeset.stage("web", action: .create, base: nil, current: client, at: nil)
        changeset.startRecording()
        changeset.update("web") {
            $0.current["description"] = "Store"
            $0.current["redirectUris"] = ["https://a.example/cb"]
        }
        let edit = changeset.stopRecording()
        #expect(edit.replacedMembers(of: "web") == ["description", "redirectUris"])
        changeset.restore(edit)
        #expect(changeset["web"]?.current.keys == client.keys)
        #expect(changeset["web"]?.current == client)
    }

    @Test func removingAMemberKeepsTheWholeClientSoItsPlaceComesBack() {
        var changeset = Changeset()
        let client: JSONObject = ["clientId": "web", "name": "Web", "description": "Shop", "grantTypes": ["IMPLICIT"]]
        changeset.stage("web", action: .create, base: nil, current: client, at: nil)
        changeset.startRecording()
        changeset.update("web") { $0.current["description"] = nil }
        let unset = changeset.stopRecording()
        #expect(unset.replacedMembers(of: "web") == nil)
        changeset.restore(unset)
        #expect(changeset["web"]?.current.keys == client.keys)
    }

    @Test func theChangedSetFollowsEachClient() {
        var changeset = Changeset()
        let server: JSONObject = ["clientId": "web", "name": "Web"]
        changeset.stage("web", action: .update, base: server, current: server, at: nil)
        #expect(changeset.changedIDs.isEmpty)
        changeset.update("web") { $0.current["name"] = "Shop" }
        #expect(changeset.changedIDs == ["web"])
        changeset.update("web") { $0.current["name"] = "Web" }
        #expect(changeset.changedIDs.isEmpty)
        changeset.stage("gone", action: .delete, base: server, current: server, at: nil)
        #expect(changeset.changed.map(\.clientId) == ["gone"])
        changeset.removeAll()
        #expect(changeset.changedIDs.isEmpty && changeset.clients.isEmpty)
    }

    @Test func theRevisionCountsEveryChange() {
        var changeset = Self.staged(3)
        let before = changeset.revision
        changeset.update("c1") { $0.current["name"] = "One" }
        #expect(changeset.revision == before + 1)
        changeset.remove("nobody")
        #expect(changeset.revision == before + 1)
    }
}
