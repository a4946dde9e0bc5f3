import FoundationEssentials
import Glibc

/// The sandbox emulator as a child process. Its standard input is a pipe whose other end only pfsh
/// holds and never writes, so it closes exactly when pfsh ends, even by SIGKILL; its standard output
/// is a pipe pfsh reads the start-up lines from. It runs in a process group of its own, so the
/// terminal's Ctrl-C and hang-up reach pfsh, which decides what becomes of the emulator.
final class SandboxProcess {
    let pid: pid_t
    /// The emulator's standard output.
    /// The emulator's standard output, read for its start-up lines.
    let output: Int32
    /// pfsh's end of the emulator's standard input.
    private let lifeline: Int32
    private var stopped = false

    init(executable: String, arguments: [String], environment: [String: String]) throws(Sandbox.StartError) {
        Posix.keepDescriptorsToPfsh()
        guard let input = Self.makePipe(), let output = Self.makePipe() else {
            throw Sandbox.StartError(message: "cannot start pfsh-emulator: no pipe")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input.read, 0)
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        Self.startClean(&attributes)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(input.read)
        close(output.write)
        guard spawned == 0 else {
            close(input.write)
            close(output.read)
            throw Sandbox.StartError(message: "cannot start pfsh-emulator: \(String(cString: strerror(spawned)))")
        }
        self.pid = pid
        self.lifeline = input.write
        self.output = output.read
    }

    /// A new process group, no blocked signals, default dispositions for those pfsh handles.
    private static func startClean(_ attributes: inout posix_spawnattr_t) {
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
    }

    /// A pipe whose ends are closed in every program pfsh starts (the child gets copies by dup2).
    private static func makePipe() -> (read: Int32, write: Int32)? {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// Asks the emulator to shut down (it removes its temporary certificate folder) and waits for it.
    func stop() {
        guard !stopped else { return }
        stopped = true
        close(lifeline)
        close(output)
        Self.terminate(pid)
    }

    /// SIGTERM, then up to five seconds for a graceful exit, then SIGKILL; reaps the child. Only
    /// async-signal-safe calls: the signal handler uses it too.
    static func terminate(_ pid: pid_t) {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<500 {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid || done < 0 { return }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
    }
}
