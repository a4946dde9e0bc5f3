import PFShellCore

/// Completion on any text, at a few cursors (inside, at the end, past both ends): the word it
/// replaces never starts after the cursor.
enum CompletionTarget {
    static let context = CompletionContext(
        clientIDs: ["web-app", "demo portal", "it's"], accessTokenManagers: ["default"], profiles: ["prod"],
        redirectURIs: ["https://a.example/cb"], files: { _ in ["dir/", "a file"] })

    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let length = text.utf8.count
        for cursor in [length, length / 2, length / 3, length + 3, -1] {
            let end = min(max(cursor, 0), length)
            let partial = Lexer.partial(text, cursor: cursor)
            check(partial.currentStart >= 0 && partial.currentStart <= end, "word start \(partial.currentStart) past \(end)")
            _ = Completer.complete(text, cursor: cursor, context: context)
        }
    }
}
