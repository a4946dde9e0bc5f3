import PFShellCore
import Testing

@Suite struct ProfileFileTests {
    @Test func onlyProfileDefineLinesRun() {
        let text = """
            # a pfshrc
            connect https://should-not-connect.example.com --password-env PW
            profile define prod --url https://pf.example.com:9999 --password-env PF_PASSWORD --ca-file ${env.HOME}/ca.pem
            client new should-not-stage
            profile define lab --url http://127.0.0.1:9999 --user ops
            profile define broken
            echo hello
            """
        let profiles = Session.profiles(definedIn: text, file: "pfshrc", environment: ["HOME": "/home/admin"])
        #expect(profiles.keys.sorted() == ["lab", "prod"])
        #expect(profiles["prod"]?.apiURL == "https://pf.example.com:9999/pf-admin-api/v1")
        #expect(profiles["prod"]?.caFile == "/home/admin/ca.pem")
        #expect(profiles["prod"]?.credentials == .passwordEnvironment("PF_PASSWORD"))
        #expect(profiles["lab"]?.user == "ops")
    }
}
