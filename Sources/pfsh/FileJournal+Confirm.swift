import FoundationEssentials
import Glibc
import PFShellCore
import PFShellJSON

/// The commit that waits for confirmation: `confirm.json` beside the commit log (replaced whole,
/// under the commit lock), and `watchdog-N.lock`, which the watchdog of commit N holds with
/// `flock` while it lives, so anyone can tell whether it still waits.
extension FileJournalStore {
    func secondsSince1970() -> Int64 { Int64(time(nil)) }

    private var confirmationPath: String { FilePaths.join(folder, "confirm.json") }

    func pendingConfirmation() -> PendingConfirmation? {
        guard let text = Posix.readFile(confirmationPath), let value = try? JSONParser.parse(Array(text.utf8)) else { return nil }
        return PendingConfirmation(json: value)
    }

    func awaitConfirmation(of number: Int, seconds: Int) -> PendingConfirmation {
        let pending = PendingConfirmation(number: number, deadline: secondsSince1970() + Int64(seconds))
        let temporary = confirmationPath + ".new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            Posix.write(JSONPrinter.print(pending.json) + "\n", to: descriptor)
            fsync(descriptor)
            close(descriptor)
            rename(temporary, confirmationPath)
        }
        return pending
    }

    func clearConfirmation() {
        unlink(confirmationPath)
    }

    func watchdogLockPath(for number: Int) -> String {
        FilePaths.join(folder, "watchdog-\(number).lock")
    }

    func watchdogIsWaiting(for number: Int) -> Bool {
        let descriptor = open(watchdogLockPath(for: number), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return flock(descriptor, LOCK_SH | LOCK_NB) != 0
    }
}
