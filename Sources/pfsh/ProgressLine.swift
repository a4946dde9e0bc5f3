import Glibc
import PFShellCore

/// On a terminal, a commit of more than 20 clients shows how far it has come on one line of
/// standard error: redrawn at most ten times a second, erased before any other line is printed
/// and at the end.
final class ProgressLine {
    static let threshold = 20
    private var started: Double?
    private var lastDrawn = 0.0
    private var current: CommitProgress?
    private var shown = false

    func update(_ progress: CommitProgress) {
        guard progress.total > Self.threshold else { return }
        guard !progress.finished else {
            erase()
            started = nil
            current = nil
            return
        }
        let now = Self.seconds()
        if started == nil { started = now }
        current = progress
        if !shown || now - lastDrawn >= 0.1 { draw(now) }
    }

    /// Clears the line so that another can be printed in its place.
    func erase() {
        guard shown else { return }
        Posix.write("\r\u{1B}[K", to: STDERR_FILENO)
        shown = false
    }

    /// Draws the line again after another was printed.
    func redraw() {
        if current != nil { draw(Self.seconds()) }
    }

    private func draw(_ now: Double) {
        guard let current, let started else { return }
        Posix.write("\r\u{1B}[K" + current.line(elapsedSeconds: now - started), to: STDERR_FILENO)
        shown = true
        lastDrawn = now
    }

    private static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
