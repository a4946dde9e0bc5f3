import Foundation
import Synchronization

/// What a finished child process printed and how it ended.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Starts every program the tests run, with posix_spawn and waitpid. Foundation's `Process`
/// sometimes never notices that a child which started a daemon (`tmux new-session -d`) has exited,
/// and then `waitUntilExit()` blocks for ever; waiting on the pid ourselves cannot miss it. The
/// child gets its own pipes and no other descriptor of the test process, so a child started by one
/// test never holds another test's pipe open.
public enum ProcessRunner {
    public struct SpawnError: Error, CustomStringConvertible {
        public let description: String
    }

    /// What the child reads on standard input.
    public enum Input: Sendable {
        /// `/dev/null`.
        case nothing
        /// A real file, opened for reading.
        case file(String)
        /// This text, then end of file.
        case text(String)
        /// A pipe the test writes to (`RunningProcess.write`) and closes.
        case pipe
    }

    /// The child's environment: the test process's with some variables set, or exactly these.
    public enum Environment: Sendable {
        case inherited(adding: [String: String])
        case exactly([String: String])

        var entries: [String: String] {
            switch self {
            case .inherited(let adding): ProcessInfo.processInfo.environment.merging(adding) { $1 }
            case .exactly(let entries): entries
            }
        }
    }

    /// Runs a short-lived command to its end. After `timeout` seconds it is killed, and its status
    /// is 128 + SIGKILL.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil,
        timeout: TimeInterval = 120
    ) throws -> ProcessResult {
        try run(executable, arguments, environment: .inherited(adding: environment), input: input.map { .text($0) } ?? .pipe, timeout: timeout)
    }

    /// Runs a command to its end, in `directory` if given. After `timeout` seconds it is killed.
    public static func run(
        _ executable: String, _ arguments: [String], environment: Environment, directory: String? = nil,
        input: Input = .nothing, timeout: TimeInterval = 120
    ) throws -> ProcessResult {
        let child = try start(executable, arguments, environment: environment, directory: directory, input: input)
        child.closeInput()
        let status = child.wait(timeout: timeout) ?? child.kill()
        return child.result(status: status)
    }

    /// Starts a program that runs beside the test (a server, a shell fed line by line); the test
    /// reads its output as it comes and stops it.
    public static func start(
        _ executable: String, _ arguments: [String], environment: Environment = .inherited(adding: [:]),
        directory: String? = nil, input: Input = .nothing
    ) throws -> RunningProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let stdout = try Self.pipe()
        let stderr = try Self.pipe()
        var inputPipe: (read: Int32, write: Int32)?
        var inputFile: Int32 = -1
        defer {
            if inputFile >= 0 { close(inputFile) }
        }
        switch input {
        case .nothing:
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .file(let path):
            inputFile = open(path, O_RDONLY)
            guard inputFile >= 0 else { throw SpawnError(description: "cannot read \(path)") }
            posix_spawn_file_actions_adddup2(&actions, inputFile, 0)
        case .text, .pipe:
            let made = try Self.pipe()
            inputPipe = made
            posix_spawn_file_actions_adddup2(&actions, made.read, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, stdout.write, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr.write, 2)
        // Every other descriptor of the test process stays out of the child.
        guard GlibcSpawn.closeFrom?(&actions, 3) == 0 else { throw SpawnError(description: "no posix_spawn_file_actions_addclosefrom_np") }
        if let directory {
            guard GlibcSpawn.changeDirectory?(&actions, directory) == 0 else {
                throw SpawnError(description: "no posix_spawn_file_actions_addchdir_np")
            }
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.entries.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)  // the child must not inherit a blocked SIGTERM
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)  // nor the tests' ignored SIGPIPE
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(stdout.write)
        close(stderr.write)
        if let inputPipe { close(inputPipe.read) }
        guard spawned == 0 else {
            [stdout.read, stderr.read, inputPipe?.write ?? -1].filter { $0 >= 0 }.forEach { close($0) }
            throw SpawnError(description: "cannot start \(executable): error \(spawned)")
        }
        let child = RunningProcess(
            pid: pid, executable: executable, stdout: OutputCollector(reading: stdout.read),
            stderr: OutputCollector(reading: stderr.read), input: inputPipe?.write)
        if case .text(let text) = input {
            child.write(text)
            child.closeInput()
        }
        return child
    }

    private static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else { throw SpawnError(description: "no pipe: errno \(errno)") }
        return (ends[0], ends[1])
    }

    /// A write to the pipe of a child that already stopped must fail with EPIPE, not kill the tests.
    static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()
}

/// A child started by `ProcessRunner.start`, its output collected as it comes.
public final class RunningProcess: Sendable {
    public let pid: pid_t
    public let executable: String
    public let stdout: OutputCollector
    public let stderr: OutputCollector
    /// The test's end of the child's standard input, while open.
    private let input: Mutex<Int32?>
    /// The wait status, once the child is reaped.
    private let waitStatus = Mutex<Int32?>(nil)

    init(pid: pid_t, executable: String, stdout: OutputCollector, stderr: OutputCollector, input: Int32?) {
        self.pid = pid
        self.executable = executable
        self.stdout = stdout
        self.stderr = stderr
        self.input = Mutex(input)
        _ = ProcessRunner.ignoreBrokenPipes
    }

    deinit {
        closeInput()
        if isRunning { stop(grace: 5) }
    }

    /// Writes to the child's standard input; false once the child has closed it (or it was never a pipe).
    @discardableResult
    public func write(_ text: String) -> Bool {
        input.withLock { descriptor in
            guard let descriptor else { return false }
            var bytes = Array(text.utf8)[...]
            while !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return false }
                bytes = bytes.dropFirst(written)
            }
            return true
        }
    }

    /// Closes the child's standard input: it reads end of file.
    public func closeInput() {
        input.withLock { descriptor in
            if let open = descriptor { close(open) }
            descriptor = nil
        }
    }

    public var isRunning: Bool { reap(blocking: false) == nil }

    /// The exit status (128 + the signal if a signal ended it), once it ended.
    public var status: Int32? { reap(blocking: false).map(Self.exitStatus) }

    /// The signal that ended the child, if one did.
    public var terminatingSignal: Int32? {
        reap(blocking: false).flatMap { $0 & 0x7F == 0 ? nil : $0 & 0x7F }
    }

    /// Sends a signal.
    public func signal(_ signal: Int32) {
        if isRunning { Glibc.kill(pid, signal) }
    }

    /// Waits at most `timeout` seconds for the child to end; its exit status, or nil if it still runs.
    public func wait(timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let status = reap(blocking: false) { return Self.exitStatus(status) }
            if Date() > deadline { return nil }
            Thread.sleep(forTimeInterval: 0.005)
        }
    }

    /// SIGTERM, then SIGKILL if the child is still there after `grace` seconds; its exit status.
    @discardableResult
    public func stop(grace: TimeInterval = 10) -> Int32 {
        signal(SIGTERM)
        return wait(timeout: grace) ?? kill()
    }

    /// SIGKILL, at once, as a crash would; its exit status.
    @discardableResult
    public func kill() -> Int32 {
        signal(SIGKILL)
        return Self.exitStatus(reap(blocking: true) ?? 0)
    }

    /// How it ended and all it printed; waits a few seconds for a grandchild that kept a pipe open.
    public func result(status: Int32) -> ProcessResult {
        stdout.waitForClose(timeout: 5)
        stderr.waitForClose(timeout: 5)
        return ProcessResult(status: status, stdout: stdout.text, stderr: stderr.text)
    }

    /// The wait status once the child has ended, reaping it the first time.
    private func reap(blocking: Bool) -> Int32? {
        waitStatus.withLock { known in
            if let known { return known }
            var status: Int32 = 0
            var done: pid_t
            repeat { done = waitpid(pid, &status, blocking ? 0 : WNOHANG) } while done < 0 && errno == EINTR
            guard done == pid else { return nil }
            known = status
            return status
        }
    }

    private static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}

/// glibc's posix_spawn file actions that Swift's Glibc module does not declare (they are GNU
/// extensions, glibc 2.29 and 2.34), looked up at run time.
private enum GlibcSpawn {
    typealias ChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    static let changeDirectory = dlsym(nil, "posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: ChangeDirectory.self) }
    static let closeFrom = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: CloseFrom.self) }
}
