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
        switch ChildProcess.start(executable, arguments, environment: environment, .processGroup) {
        case .success(let started):
            pid = started.pid
            lifeline = started.input
            output = started.output
        case .failure(let failure):
            throw Sandbox.StartError(message: "cannot start pfsh-emulator: \(failure.reason)")
        }
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
