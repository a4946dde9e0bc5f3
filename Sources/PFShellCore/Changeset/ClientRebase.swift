import PFShellJSON

/// This session's changes to a client moved onto the server's current copy, so that writing them
/// keeps what another administrator changed meanwhile in fields this session never touched.
public enum ClientRebase {
    /// `server` with every field that differs between `base` (the copy this session fetched) and
    /// `current` (what it staged) set as staged.
    public static func onto(_ server: JSONObject, base: JSONObject, current: JSONObject) -> JSONObject {
        ClientComparison.differences(base, current).reduce(server) { result, change in
            ClientJSON.setting(change.after, at: change.path, in: result)
        }
    }

    /// The fields both this session and the server changed since `base`, in staging order.
    public static func bothChanged(base: JSONObject, current: JSONObject, server: JSONObject) -> [String] {
        let theirs = Set(ClientComparison.differences(base, server).map(\.path))
        return ClientComparison.differences(base, current).map(\.path).filter { theirs.contains($0) }
    }
}
