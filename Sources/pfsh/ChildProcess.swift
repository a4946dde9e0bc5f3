import Glibc

/// Starts the programs pfsh runs beside itself (the sandbox emulator, the watchdog) with
/// posix_spawn: standard input and output on pipes to pfsh, standard error to /dev/null, no
/// blocked signals, default dispositions for the signals pfsh handles, none of pfsh's other
/// descriptors, and away from the terminal's signals. Our own runner rather than Foundation's
/// `Process`, which pfsh does not link (FoundationEssentials only).
enum ChildProcess {
    /// A started child: its process ID, pfsh's end of its standard input, and of its output.
    struct Started {
        let pid: pid_t
        let input: Int32
        let output: Int32
    }

    /// A process group of its own (pfsh decides when it ends), or a session of its own (it
    /// outlives pfsh and its terminal).
    enum Detachment {
        case processGroup, session
    }

    /// The child, or why it could not start.
    static func start(
        _ executable: String, _ arguments: [String], environment: [String: String], _ detachment: Detachment
    ) -> Result<Started, SpawnFailure> {
        Posix.keepDescriptorsToPfsh()
        guard let input = makePipe(), let output = makePipe() else { return .failure(SpawnFailure(reason: "no pipe")) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input.read, 0)
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        startClean(&attributes, detachment)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(input.read)
        close(output.write)
        guard spawned == 0 else {
            close(input.write)
            close(output.read)
            return .failure(SpawnFailure(reason: String(cString: strerror(spawned))))
        }
        return .success(Started(pid: pid, input: input.write, output: output.read))
    }

    struct SpawnFailure: Error {
        let reason: String
    }

    private static func startClean(_ attributes: inout posix_spawnattr_t, _ detachment: Detachment) {
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        switch detachment {
        case .processGroup:
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        case .session:
            flags |= 0x80  // POSIX_SPAWN_SETSID (glibc 2.26), not in Swift's Glibc module
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
    }

    /// A pipe whose ends are closed in every program pfsh starts (the child gets copies by dup2).
    private static func makePipe() -> (read: Int32, write: Int32)? {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }
}
