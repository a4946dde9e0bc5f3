import Foundation
import PFShellTestSupport
import Testing

/// Usage errors exit 2, start-up failures exit 1, `--help` exits 0; all with one clear line.
@Suite struct EmulatorCommandLineTests {
    let binary = BuiltProducts.path("pfsh-emulator")

    @Test(arguments: [["--no-such-flag"], ["--seed", "nonsense"], ["--cert", "/tmp/x.pem"], ["--port", "abc"]])
    func usageErrorsExit2(_ arguments: [String]) throws {
        let result = try ProcessRunner.run(binary, arguments)
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
        #expect(result.stdout.isEmpty)
    }

    static let faultUsageCases: [(arguments: [String], message: String)] = [
        (["--faults", "1.5"], "the rate must be a number from 0 to 1"),
        (["--faults", "-1"], "--faults"),
        (["--faults", "0.1:404"], "unknown fault kind '404'"),
        (["--faults", "0.1:503,503"], "listed twice"),
        (["--latency=-5"], "--latency must be 0 or more milliseconds"),
        (["--latency", "soon"], "--latency"),
        (["--fault-seed", "7"], "--fault-seed needs --faults"),
        (["--faults", "0.1", "--fault-seed", "-3"], "--fault-seed"),
    ]

    @Test(arguments: faultUsageCases) func faultAndLatencyUsageErrorsExit2(_ usage: (arguments: [String], message: String)) throws {
        let result = try ProcessRunner.run(binary, usage.arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(usage.message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func helpDocumentsTheFlagsAndTheAnnouncedLines() throws {
        let result = try ProcessRunner.run(binary, ["--help"])
        #expect(result.status == 0)
        for word in [
            "--port", "--http", "--data", "--seed", "--strict", "--cluster", "--reorder-sets", "--log", "admin-url", "ca-file",
            "--faults", "--fault-seed", "--latency", "reset-before", "reset-after", "Retry-After", "fault-seed N",
            "--secret-retention", "--test-clock", "/emulator/clock", "advanceSeconds",
        ] {
            #expect(result.stdout.contains(word), "\(word)")
        }
    }

    @Test func aPortInUseIsAStartupFailure() throws {
        let emulator = try EmulatorProcess.start(["--http"])
        defer { emulator.stop() }
        let port = emulator.adminURL.split(separator: ":").last?.split(separator: "/").first.map(String.init) ?? ""
        let result = try ProcessRunner.run(binary, ["--port", port, "--http"], timeout: 30)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("pfsh-emulator: "))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func givenCertificateFilesAreUsed() throws {
        let directory = try TemporaryDirectory()
        let first = try EmulatorProcess.start(["--ca-out", directory.file("ca.pem")])
        let ca = try #require(first.caFile)
        let key = directory.file("ca-key.pem")
        first.stop()
        guard FileManager.default.fileExists(atPath: key) else {
            Issue.record("the emulator did not write its key beside \(ca)")
            return
        }
        let second = try EmulatorProcess.start(["--cert", ca, "--key", key])
        defer { second.stop() }
        #expect(try AdminClient(second, caFile: .some(ca)).call(.get, "/version").status == 200)
    }
}
