/// Collects one transfer's headers and body from libcurl's callbacks.
final class ResponseSink {
    private(set) var body: [UInt8] = []
    private(set) var headers: [(name: String, value: String)] = []

    func appendBody(_ bytes: UnsafeRawBufferPointer) {
        body.append(contentsOf: bytes)
    }

    /// Takes one raw header line as libcurl delivers it, CRLF included.
    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var line = bytes[...]
        while let last = line.last, last == 0x0D || last == 0x0A { line = line.dropLast() }
        guard let first = line.first else { return }
        if line.starts(with: "HTTP/".utf8) {
            // A new status line: interim (1xx) or earlier responses' headers are not the final ones.
            headers.removeAll()
        } else if first == 0x20 || first == 0x09 {
            // Obsolete line folding: the line continues the previous header's value.
            guard let previous = headers.popLast() else { return }
            let more = String(decoding: Self.trimmed(line), as: UTF8.self)
            headers.append((previous.name, previous.value + " " + more))
        } else if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
            let value = String(decoding: Self.trimmed(line[(colon + 1)...]), as: UTF8.self)
            headers.append((name, value))
        }
    }

    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        var result = bytes
        while let first = result.first, first == 0x20 || first == 0x09 { result = result.dropFirst() }
        while let last = result.last, last == 0x20 || last == 0x09 { result = result.dropLast() }
        return result
    }
}
