import FoundationEssentials

/// pfsh's folders under the XDG base directories: `$XDG_CONFIG_HOME/pfsh` (default
/// `~/.config/pfsh`), `$XDG_STATE_HOME/pfsh` (`~/.local/state/pfsh`), `$XDG_CACHE_HOME/pfsh`
/// (`~/.cache/pfsh`). An empty variable counts as unset, as the specification says.
struct PfshFolders {
    let environment: [String: String]

    var config: String { folder("XDG_CONFIG_HOME", default: ".config") }
    var state: String { folder("XDG_STATE_HOME", default: ".local/state") }
    var cache: String { folder("XDG_CACHE_HOME", default: ".cache") }

    /// `pfshrc`, the start-up file.
    var startupFile: String { FilePaths.join(config, "pfshrc") }

    private func folder(_ variable: String, default relative: String) -> String {
        let base = environment[variable].flatMap { $0.isEmpty ? nil : $0 }
            ?? FilePaths.join(environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path, relative)
        return FilePaths.join(base, "pfsh")
    }
}
