/// Reads one line from standard input without editing, for input that is not a terminal.
///
/// Swift's reader keeps UTF-8 intact whatever the C locale, where libedit would drop non-ASCII bytes,
/// and strips `\n` or `\r\n`. Returns `nil` at the end of input.
public func readPlainLine() -> String? {
    Swift.readLine(strippingNewline: true)
}
