import PFShellEmulator

/// Everything `pfsh-emulator` is told on its command line, already checked for usage errors.
public struct EmulatorOptions: Sendable {
    public enum Seed: String, Sendable, CaseIterable {
        /// A few clients, token managers and policies, like a fresh lab server.
        case demo
    }

    public var host = "127.0.0.1"
    public var port = 9999
    /// The runtime OAuth listener's port, like PingFederate's engine port; 0 picks a free one.
    public var runtimePort = 9031
    public var http = false
    public var certificateFile: String?
    public var keyFile: String?
    public var caOut: String?
    public var user = "administrator"
    public var passwordVariable: String?
    public var tokenVariable: String?
    /// `--admin-oauth-client ID`, repeatable.
    public var adminOAuthClients: [String] = []
    public var strict = false
    public var cluster = false
    /// Keep set-like lists in the server's own order (`--reorder-sets`).
    public var reorderSets = false
    /// `--secret-retention`: the server's `clientSecretRetentionPeriod`, in minutes.
    public var secretRetentionMinutes = 0
    /// `--test-clock`: answer `/emulator/clock`, which moves the emulator's time forward.
    public var testClock = false
    public var dataFile: String?
    public var seed: Seed?
    public var log = false
    /// Sign the test user in at once at the authorization endpoint, without the login page.
    public var autoLogin = false
    /// The test user's name (default `joe`).
    public var testUser = RuntimeLogin.defaultUser
    /// The environment variable holding the test user's password (default password `2Federate`).
    public var testPasswordVariable: String?
    /// Shut down gracefully when standard input reaches its end: a parent that holds the other end
    /// of a pipe takes the emulator with it, however it ends.
    public var exitWithParent = false
    /// `--faults`: nil serves every request normally.
    public var faults: FaultPlan?
    /// `--fault-seed`: nil picks a random seed, announced on the `fault-seed` line.
    public var faultSeed: UInt64?
    /// `--latency`: how long every request on both listeners waits before it is handled.
    public var latency: Duration = .zero

    public init() {}

    public static let defaultPassword = "2FederateM0re"
}
