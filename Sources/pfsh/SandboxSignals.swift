import FoundationEssentials
import Glibc
import Synchronization

/// The running sandbox emulator's pid (0 when none), for the signal handler: reading a lock-free
/// atomic is safe there, where a lock or an allocation is not.
private let runningSandbox = Atomic<Int32>(0)

/// SIGTERM, SIGHUP and SIGINT stop the sandbox emulator before pfsh dies of them, so nothing is
/// left running (at the prompt, the line editor takes SIGINT over to cancel a line instead).
enum SandboxSignals {
    static let handled = [SIGTERM, SIGHUP, SIGINT]

    static func stopOnSignals(_ pid: pid_t) {
        runningSandbox.store(pid, ordering: .sequentiallyConsistent)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for number in handled {
            _ = signal(number, stopSandboxThenDie)
            sigaddset(&unblocked, number)
        }
        // A parent may have started pfsh with these blocked (some runtimes block signals in the
        // thread that spawns); blocked, they would neither stop the sandbox nor end pfsh.
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }

    /// The emulator is being stopped the ordinary way; a signal now just ends pfsh.
    static func forget() {
        runningSandbox.store(0, ordering: .sequentiallyConsistent)
    }
}

private func stopSandboxThenDie(_ number: Int32) {
    let pid = runningSandbox.exchange(0, ordering: .sequentiallyConsistent)
    if pid > 0 { SandboxProcess.terminate(pid) }
    _ = signal(number, SIG_DFL)
    raise(number)
}
