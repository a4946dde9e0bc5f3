/// A property the fuzzer checks beyond "does not crash": when it fails, the process traps with
/// the message, and libFuzzer keeps the input as a crash.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    guard !condition else { return }
    fatalError("fuzz check failed: \(message())")
}
