import FoundationEssentials

/// Where the running pfsh really is. Not argv[0]: started from PATH that is just `pfsh`, and through
/// a symlink (`/usr/local/bin/pfsh` → the install folder) it names the link.
enum ExecutableLocation {
    /// The executable's path with every symlink resolved (the kernel's `/proc/self/exe` on Linux).
    static var path: String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    }

    /// A file in the executable's folder: `pfsh-emulator` ships beside `pfsh`.
    static func sibling(_ name: String) -> String {
        FilePaths.join(FilePaths.folder(of: path), name)
    }
}
