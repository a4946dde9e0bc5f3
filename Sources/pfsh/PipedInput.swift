import PFShellCore
import PFShellLineEditor

/// Commands from a pipe: each line runs as soon as it arrives, so another program can drive pfsh.
enum PipedInput {
    static func run(_ runner: Runner) {
        var assembler = LineAssembler(file: "<stdin>")
        while !runner.shouldStop, let text = readPlainLine() {
            if let line = assembler.feed(text) {
                runner.echo?.command(line)
                runner.execute(line, showLocations: true)
            }
        }
        guard !runner.shouldStop else { return }
        do {
            if let line = try assembler.finish() {
                runner.echo?.command(line)
                runner.execute(line, showLocations: true)
            }
        } catch {
            runner.report(error)
        }
    }
}
