/// libFuzzer's entry point: the first byte picks what the rest is fed to, so that seeds stay
/// readable (`j{"a":1}`, `secho hi`, `cclient e`); any other first byte feeds the whole input to
/// every target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    switch bytes.first {
    case UInt8(ascii: "j"): JSONTarget.run(Array(bytes.dropFirst()))
    case UInt8(ascii: "s"): ScriptTarget.run(Array(bytes.dropFirst()))
    case UInt8(ascii: "c"): CompletionTarget.run(Array(bytes.dropFirst()))
    default:
        JSONTarget.run(bytes)
        ScriptTarget.run(bytes)
        CompletionTarget.run(bytes)
    }
    return 0
}
