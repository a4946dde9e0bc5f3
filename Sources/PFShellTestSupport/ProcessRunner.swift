import Foundation

/// What a finished child process printed and how it ended.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs short-lived commands with posix_spawn and waitpid. Foundation's `Process` sometimes never
/// notices that a child which started a daemon (`tmux new-session -d`) has exited, and then
/// `waitUntilExit()` blocks for ever; waiting on the pid ourselves cannot miss it.
public enum ProcessRunner {
    public struct SpawnError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil,
        timeout: TimeInterval = 120
    ) throws -> ProcessResult {
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin.fileHandleForReading.fileDescriptor, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout.fileHandleForWriting.fileDescriptor, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr.fileHandleForWriting.fileDescriptor, 2)
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)  // the child must not inherit a blocked SIGTERM
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        try? stdin.fileHandleForReading.close()
        try? stdout.fileHandleForWriting.close()
        try? stderr.fileHandleForWriting.close()
        guard spawned == 0 else { throw SpawnError(description: "cannot start \(executable): error \(spawned)") }
        let out = Reader(stdout.fileHandleForReading)
        let err = Reader(stderr.fileHandleForReading)
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        let status = wait(pid, timeout: timeout)
        return ProcessResult(status: status, stdout: out.finish(), stderr: err.finish())
    }

    /// Waits for the child; after the timeout it is killed. Returns the exit status (128+signal if killed).
    private static func wait(_ pid: pid_t, timeout: TimeInterval) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 { return -1 }
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Drains a pipe on its own thread so a chatty child never blocks on a full pipe.
    private final class Reader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread {
                self.data = handle.readDataToEndOfFile()
                self.done.signal()
            }.start()
        }

        /// The whole output; waits at most a few seconds for a grandchild that kept the pipe open.
        func finish() -> String {
            _ = done.wait(timeout: .now() + 5)
            return String(decoding: data, as: UTF8.self)
        }
    }
}
