import Foundation
import ServiceLifecycle

/// `--exit-with-parent`: a service that returns when standard input reaches its end, which shuts the
/// emulator down gracefully. A parent that keeps the other end of a pipe open (and never writes)
/// takes the emulator with it however it ends, SIGKILL included, and with no race: a parent already
/// gone is an end of input at once. Anything read is ignored.
struct EndOfInputWatcher: Service {
    func run() async throws {
        let (ended, signal) = AsyncStream.makeStream(of: Void.self)
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 512)
            while true {
                let count = read(STDIN_FILENO, &buffer, buffer.count)
                if count == 0 || (count < 0 && errno != EINTR) { break }
            }
            signal.finish()
        }
        reader.start()
        // Also return when the group shuts down for another reason (SIGTERM), or is cancelled.
        await withGracefulShutdownHandler {
            for await _ in ended {}
        } onGracefulShutdown: {
            signal.finish()
        }
    }
}
