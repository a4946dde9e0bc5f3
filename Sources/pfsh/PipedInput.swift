import PFShellCore
import PFShellLineEditor

/// Commands from a pipe: each line runs as soon as it arrives, so another program can drive pfsh.
enum PipedInput {
    static func run(_ runner: Runner) {
        var assembler = LineAssembler(file: "<stdin>")
        while !runner.shouldStop, let text = readPlainLine() {
            runner.feed(text, to: &assembler)
        }
        guard !runner.shouldStop else { return }
        runner.finish(&assembler)
    }
}
