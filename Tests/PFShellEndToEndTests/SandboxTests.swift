import Foundation
import PFShellTestSupport
import Testing

/// `pfsh --sandbox` starts the pfsh-emulator beside it with demo data and stops it on the way out.
@Suite struct SandboxTests {
    @Test func theSandboxListsTheDemoClientsAndLeavesNoEmulatorRunning() throws {
        let directory = try TemporaryDirectory(prefix: "pfsh-sandbox")
        // The emulator inherits pfsh's environment: this tag finds it among all processes.
        let tag = "PFSH_SANDBOX_TEST_TAG=\(UUID().uuidString)"
        let environment = [
            "HOME": directory.path, "XDG_CONFIG_HOME": directory.file("config"), "XDG_STATE_HOME": directory.file("state"),
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            String(tag.split(separator: "=")[0]): String(tag.split(separator: "=")[1]),
        ]
        // Piped, so the test can look while pfsh runs: pfsh and its emulator carry the tag.
        var whileRunning: [Int32] = []
        let result = try PfshProcess.run(
            ["--no-rc", "--sandbox"], environment: environment, directory: directory.path,
            input: .lines([.text("client list"), .sync(marker: "__sync_2__") { whileRunning = Self.processes(withEnvironment: tag) }]))
        #expect(whileRunning.count == 2, "pfsh and its emulator: \(whileRunning)")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        #expect(
            result.stdout == """
                CLIENT ID    NAME             GRANT TYPES                       ENABLED  REDIRECTS
                demo-batch   Demo batch job   client-credentials                yes      0
                demo-mobile  Demo mobile app  authorization-code,refresh-token  yes      1
                demo-portal  Demo portal      authorization-code,refresh-token  yes      1
                __sync_2__

                """)
        #expect(Self.processes(withEnvironment: tag) == [], "an emulator outlived pfsh")
    }

    /// The ids of this user's processes whose environment holds `entry`.
    static func processes(withEnvironment entry: String) -> [Int32] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { Int32($0) } ?? []
        return ids.filter { id in
            guard let data = FileManager.default.contents(atPath: "/proc/\(id)/environ") else { return false }
            return data.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == entry }
        }
    }
}
