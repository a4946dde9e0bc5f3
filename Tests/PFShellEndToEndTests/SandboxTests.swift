import Foundation
import PFShellTestSupport
import Testing

/// `pfsh --sandbox` starts the pfsh-emulator beside it with demo data and stops it on the way out.
/// The tests find pfsh's emulator among all processes through `/proc`; without it they are skipped,
/// and say so, rather than pass without having looked.
@Suite(.enabled(if: SandboxWorld.canSeeProcesses, "needs /proc to find pfsh's emulator among the processes"))
struct SandboxTests {
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

    /// However pfsh ends, its emulator ends too: pfsh stops it on SIGTERM, SIGHUP and SIGINT before
    /// dying of the signal, and on SIGKILL the emulator sees its lifeline pipe close and shuts down
    /// by itself, gracefully: its temporary certificate folder is gone too.
    @Test(arguments: [SIGTERM, SIGHUP, SIGINT, SIGKILL])
    func noEmulatorOutlivesPfshKilledBy(_ signal: Int32) throws {
        let world = try SandboxWorld()
        let running = try world.startPfsh()
        defer { if running.isRunning { running.kill() } }
        let emulators = Self.processes(withEnvironment: world.tag).filter { $0 != running.pid }
        #expect(emulators.count == 1, "pfsh and its emulator")
        running.signal(signal)
        try #require(Self.waitUntilEnded(running), "pfsh did not die of signal \(signal)")
        #expect(running.terminatingSignal == signal)
        if signal != SIGKILL {
            // pfsh stopped and reaped its emulator before dying: not even a zombie is left.
            #expect(emulators.allSatisfy { kill($0, 0) == -1 && errno == ESRCH }, "pfsh died before its emulator")
        }
        #expect(Self.waitUntilGone(world.tag), "an emulator outlived pfsh")
        #expect(try world.emulatorFolders() == [], "the emulator did not shut down gracefully")
    }

    /// Started from PATH in another folder, through a symlink, pfsh finds pfsh-emulator beside the
    /// real binary (not beside argv[0], which is just `pfsh`).
    @Test func pfshFromPathThroughASymlinkFindsItsEmulator() throws {
        let world = try SandboxWorld()
        let bin = world.directory.file("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin + "/pfsh", withDestinationPath: PfshProcess.binary)
        var environment = world.environment
        environment["PATH"] = bin + ":" + (environment["PATH"] ?? "")
        let result = try ProcessRunner.run(
            "/bin/sh", ["-c", "cd \"$1\" && exec pfsh --no-rc --sandbox -c 'client list demo-b'", "sh", world.directory.file("home")],
            environment: environment)
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout.contains("demo-batch"), "\(result.stdout)")
        #expect(Self.waitUntilGone(world.tag))
    }

    /// Waits up to thirty seconds for the process to end; false (and it is killed) if it does not.
    static func waitUntilEnded(_ process: RunningProcess) -> Bool {
        guard process.wait(timeout: 30) == nil else { return true }
        process.kill()
        return false
    }

    /// Polls until no process carries `tag`; false after ten seconds.
    static func waitUntilGone(_ tag: String) -> Bool {
        for _ in 0..<1000 {
            if processes(withEnvironment: tag).isEmpty { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
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

/// A temporary HOME and TMPDIR for a sandbox run, and a tag in the environment that pfsh and its
/// emulator both carry, so the test finds them among all processes.
struct SandboxWorld {
    let directory: TemporaryDirectory
    let tag = "PFSH_SANDBOX_TEST_TAG=\(UUID().uuidString)"

    /// Whether this system has `/proc`, where the tests look for pfsh's emulator.
    static let canSeeProcesses = FileManager.default.fileExists(atPath: "/proc/self/environ")

    init() throws {
        directory = try TemporaryDirectory(prefix: "pfsh-sandbox")
        for folder in ["home", "tmp"] {
            try FileManager.default.createDirectory(atPath: directory.file(folder), withIntermediateDirectories: true)
        }
    }

    var environment: [String: String] {
        let parts = tag.split(separator: "=").map(String.init)
        return [
            "HOME": directory.file("home"), "XDG_CONFIG_HOME": directory.file("config"), "XDG_STATE_HOME": directory.file("state"),
            "TMPDIR": directory.file("tmp"), "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", parts[0]: parts[1],
        ]
    }

    /// The emulator's temporary certificate folders left in TMPDIR.
    func emulatorFolders() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.file("tmp")).filter { $0.hasPrefix("pfsh-emulator-") }
    }

    /// `pfsh --sandbox` reading commands from a pipe the test keeps open, once it has answered one.
    func startPfsh() throws -> RunningProcess {
        let process = try ProcessRunner.start(
            PfshProcess.binary, ["--no-rc", "--sandbox"], environment: .exactly(environment), directory: directory.path, input: .pipe)
        process.write("echo __up__\n")
        guard process.stdout.waitForLine(timeout: 60, where: { $0 == "__up__" }) != nil else {
            process.kill()
            throw PfshProcessError(description: "pfsh --sandbox never answered: \(process.stdout.text)\(process.stderr.text)")
        }
        return process  // which keeps pfsh's standard input open
    }
}
