import PFShellLineEditor
import Synchronization

/// While a command runs at the prompt, turns Ctrl-C into cancelling the request in flight: the
/// line editor's SIGINT handler only raises a flag, which this polls.
final class InterruptWatcher: Sendable {
    private let running = Mutex(true)

    /// Starts polling; `cancel` runs (on the watcher's thread) for each Ctrl-C.
    init(cancel: @escaping @Sendable () -> Void) {
        _ = LineEditor.takeInterrupt()  // a Ctrl-C from before the command does not count
        Posix.startThread { [self] in
            while self.isRunning {
                if LineEditor.takeInterrupt() { cancel() }
                Posix.sleep(milliseconds: 50)
            }
        }
    }

    private var isRunning: Bool { running.withLock { $0 } }

    func stop() {
        running.withLock { $0 = false }
    }
}

/// Raised by Ctrl-C while a command runs, so a pause between retries ends at once.
final class InterruptFlag: Sendable {
    private let raised = Mutex(false)

    func raise() { raised.withLock { $0 = true } }
    func clear() { raised.withLock { $0 = false } }
    var isRaised: Bool { raised.withLock { $0 } }
}
