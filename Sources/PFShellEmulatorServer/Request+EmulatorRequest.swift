import Hummingbird
import PFShellEmulator

extension Request {
    /// The request as the emulator's handlers take it, or nil when the body is larger than `limit`.
    /// HTTPTypes keeps the Host header apart, as the authority; it is put back, since the handlers
    /// build `location` URLs and discovery documents from it.
    func apiRequest(method: String, bodyLimit limit: Int) async throws -> EmulatorRequest? {
        var bytes: [UInt8] = []
        for try await var buffer in body {
            guard bytes.count + buffer.readableBytes <= limit else { return nil }
            bytes += buffer.readBytes(length: buffer.readableBytes) ?? []
        }
        var fields = headers.map { (name: $0.name.rawName, value: $0.value) }
        if let authority = head.authority { fields.append((name: "Host", value: authority)) }
        return EmulatorRequest(method: method, path: uri.path, query: uri.query ?? "", headers: fields, body: bytes)
    }
}
