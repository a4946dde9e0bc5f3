import PFShellHTTP

/// The transport error a send threw, or `nil` if it returned a response (or threw something else).
func transportError(_ send: () throws -> HTTPResponse) -> TransportError? {
    do {
        _ = try send()
        return nil
    } catch {
        return error as? TransportError
    }
}

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
