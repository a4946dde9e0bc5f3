import Foundation
import PFShellTestSupport

/// The release build the install and package tests share: `scripts/test.sh` makes it once and passes
/// its folder as `PFSH_RELEASE_PRODUCTS` (a release build per test would take the CI's whole budget).
enum ReleaseBuild {
    static let folder = ProcessInfo.processInfo.environment["PFSH_RELEASE_PRODUCTS"].flatMap { $0.isEmpty ? nil : $0 }

    static let missing = "needs PFSH_RELEASE_PRODUCTS, the release build scripts/test.sh makes (scripts/release-build.sh prints it)"

    static func script(_ name: String) -> String {
        BuiltProducts.packageRoot.appendingPathComponent("scripts/\(name)").path
    }

    /// The completion files another part of the project writes, with where each shell looks for them
    /// under a prefix; only those that exist are installed.
    static let completions = [
        ("pfsh.bash", "share/bash-completion/completions/pfsh"),
        ("_pfsh", "share/zsh/site-functions/_pfsh"),
        ("pfsh.fish", "share/fish/vendor_completions.d/pfsh.fish"),
    ].filter { FileManager.default.fileExists(atPath: BuiltProducts.packageRoot.appendingPathComponent("completions/\($0.0)").path) }
        .map(\.1)

    /// Every file under `folder`, relative to it, sorted.
    static func files(under folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// `pfsh VERSION` as the debug build says it: the one version the scripts must use too.
    static func version() throws -> String {
        let result = try ProcessRunner.run(PfshProcess.binary, ["--version"])
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
