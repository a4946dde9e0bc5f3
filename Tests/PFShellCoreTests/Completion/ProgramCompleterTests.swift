import PFShellCore
import Testing

@Suite struct ProgramCompleterTests {
    static let context = CompletionContext(
        clientIDs: ["thingworx", "twx-2"], profiles: ["emu", "prod"],
        files: { _ in ["local.pfsh", "notes.txt", "scripts/"] })

    func texts(_ words: [String], names: [String: String] = [:]) -> [String] {
        ProgramCompleter.complete(words, context: Self.context, clientNames: names).map(\.text)
    }

    @Test func ownOptionsThenTheirValues() {
        #expect(texts(["--pro"]) == ["--profile"])
        #expect(texts(["--profile", ""]) == ["emu", "prod"])
        #expect(texts(["--json", "--profile", "p"]) == ["prod"])
        #expect(texts(["-f", ""]) == ["local.pfsh", "scripts/", "notes.txt"])
    }

    @Test func theFirstWordIsACommandOrAScript() {
        #expect(texts(["cl"]) == ["client", "cluster"])
        #expect(texts(["--json", "cli"]) == ["client"])
        #expect(texts([""]).contains("local.pfsh") && texts([""]).contains("scripts/") && !texts([""]).contains("notes.txt"))
        #expect(texts(["./x.pfsh", ""]).isEmpty, "words after a script are not a command")
    }

    @Test func theCommandCompletesAsAtThePrompt() {
        #expect(texts(["--profile", "emu", "client", "show", "t"]) == ["thingworx", "twx-2"])
        #expect(texts(["set", "refreshRolling", "dont"]) == ["DONT_ROLL"])
        #expect(texts(["grants", "add", "client-cr"]) == ["client-credentials"])
        #expect(texts(["set", "oidcPolicy.logout"]) == ["oidcPolicy.logoutMode", "oidcPolicy.logoutUris"])
        #expect(texts(["client", "show", "it's"]).isEmpty, "a quote in the word is just a character")
    }

    @Test func descriptionsNameTheCommandOrTheClient() {
        let candidates = ProgramCompleter.complete(
            ["client", "show", "thing"], context: Self.context, clientNames: ["thingworx": "ThingWorx"])
        #expect(candidates.map(\.description) == ["ThingWorx"])
        let sub = ProgramCompleter.complete(["client", "ne"], context: Self.context)
        #expect(sub.first?.description == "stage a new client and select it")
        let folder = ProgramCompleter.complete(["source", "scr"], context: Self.context)
        #expect(folder.first?.complete == false)
    }

    @Test func theConnectionComesFromTheOptionsOnTheLine() {
        let connection = ProgramCompleter.connection(["--json", "--profile", "emu", "client", "show", "x"])
        #expect(connection.profile == "emu")
        #expect(ProgramCompleter.isClientID(["--profile", "emu", "client", "show", "x"]))
        #expect(!ProgramCompleter.isClientID(["--profile", "emu", "set", "name", "x"]))
    }
}
