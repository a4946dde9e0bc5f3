import Foundation
import PFShellTestSupport
import Testing

/// `scripts/install.sh` into a temporary prefix, then the installed pfsh as a user meets it: from
/// PATH, in another folder, without the Swift toolchain's libraries, with its manual page.
@Suite(.enabled(if: ReleaseBuild.folder != nil, Comment(rawValue: ReleaseBuild.missing)))
struct InstallTests {
    @Test func installsIntoAPrefixAndRunsFromPath() throws {
        let products = try #require(ReleaseBuild.folder)
        let directory = try TemporaryDirectory(prefix: "pfsh-install")
        let prefix = directory.file("prefix")
        let install = try ProcessRunner.run("/bin/bash", [ReleaseBuild.script("install.sh"), "--prefix", prefix, "--products", products])
        #expect(install.status == 0, "\(install.stderr)")
        let expected = ["bin/pfsh", "bin/pfsh-emulator", "share/man/man1/pfsh.1"] + ReleaseBuild.completions
        #expect(ReleaseBuild.files(under: prefix) == expected.sorted())

        let version = try ProcessRunner.run(prefix + "/bin/pfsh", ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "\(try ReleaseBuild.version())\n")

        try FileManager.default.createDirectory(atPath: directory.file("elsewhere"), withIntermediateDirectories: true)
        let sandbox = try ProcessRunner.run(
            "/bin/sh", ["-c", "cd \"$1\" && exec pfsh --no-rc --sandbox -c 'client list'", "sh", directory.file("elsewhere")],
            environment: [
                "PATH": prefix + "/bin:/usr/bin:/bin", "HOME": directory.path, "TMPDIR": directory.path,
                "XDG_CONFIG_HOME": directory.file("config"), "XDG_STATE_HOME": directory.file("state"),
            ])
        #expect(sandbox.stderr == "")
        #expect(sandbox.status == 0)
        #expect(sandbox.stdout.contains("demo-portal  Demo portal"), "\(sandbox.stdout)")

        for binary in ["pfsh", "pfsh-emulator"] {
            let libraries = try ProcessRunner.run("/usr/bin/ldd", [prefix + "/bin/" + binary])
            #expect(libraries.status == 0)
            #expect(!libraries.stdout.contains("swift") && !libraries.stdout.contains("Foundation"), "\(binary) needs the toolchain:\n\(libraries.stdout)")
            #expect(!libraries.stdout.contains("not found"), "\(libraries.stdout)")
        }

        let manual = try ManualReader.render(prefix + "/share/man/man1/pfsh.1")
        #expect(manual.status == 0)
        #expect(manual.stderr == "")
        #expect(manual.stdout.contains("client list [FILTER]"))
    }
}

/// `scripts/package-deb.sh`: the package holds what install.sh installs under /usr, is named after
/// pfsh's version, and depends on the libraries the binaries load.
@Suite(.enabled(if: ReleaseBuild.folder != nil, Comment(rawValue: ReleaseBuild.missing)))
struct PackageTests {
    @Test func buildsADebianPackageWithItsDependencies() throws {
        let products = try #require(ReleaseBuild.folder)
        let directory = try TemporaryDirectory(prefix: "pfsh-deb")
        let build = try ProcessRunner.run("/bin/bash", [ReleaseBuild.script("package-deb.sh"), "--products", products, "--output", directory.path])
        #expect(build.status == 0, "\(build.stderr)")
        let version = try ReleaseBuild.version().replacingOccurrences(of: "pfsh ", with: "")
        let deb = directory.file("pfsh_\(version)_amd64.deb")
        #expect(build.stdout == deb + "\n")

        let contents = try ProcessRunner.run("/usr/bin/dpkg-deb", ["--contents", deb])
        #expect(contents.status == 0)
        let files = contents.stdout.split(separator: "\n").filter { !$0.hasPrefix("d") }.compactMap { $0.split(separator: " ").last.map(String.init) }
        let expected = ["./usr/bin/pfsh", "./usr/bin/pfsh-emulator", "./usr/share/man/man1/pfsh.1.gz"] + ReleaseBuild.completions.map { "./usr/" + $0 }
        #expect(files.sorted() == expected.sorted())
        #expect(contents.stdout.split(separator: "\n").allSatisfy { $0.contains(" root/root ") }, "\(contents.stdout)")

        let info = try ProcessRunner.run("/usr/bin/dpkg-deb", ["--field", deb, "Package", "Version", "Architecture", "Depends"])
        #expect(info.status == 0)
        #expect(info.stdout.contains("Package: pfsh\nVersion: \(version)\nArchitecture: amd64\n"), "\(info.stdout)")
        let depends = info.stdout.components(separatedBy: "Depends: ").last ?? ""
        for library in ["libedit2", "libcurl4", "libc6"] {
            #expect(depends.contains(library), "Depends lacks \(library): \(depends)")
        }
    }
}

/// Bad arguments to the install script: a clear message, a usage status, and nothing written.
@Suite struct InstallScriptArgumentTests {
    @Test(arguments: [
        (["--prefix", "relative/dir"], Int32(2), "install: --prefix must be an absolute path, got 'relative/dir'"),
        (["--prefix"], 2, "install: --prefix needs a folder"),
        (["--bogus"], 2, "install: unknown argument '--bogus'"),
        (["--products", "/nonexistent/pfsh-build"], 1, "install: no pfsh in '/nonexistent/pfsh-build'; build it with scripts/release-build.sh"),
    ])
    func refusesAndWritesNothing(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let directory = try TemporaryDirectory(prefix: "pfsh-install-bad")
        let prefix = directory.file("prefix")
        let withPrefix = arguments.contains("--prefix") ? arguments : ["--prefix", prefix] + arguments
        let result = try ProcessRunner.run("/bin/bash", [ReleaseBuild.script("install.sh")] + withPrefix)
        #expect(result.status == status)
        #expect(result.stderr.split(separator: "\n").last.map(String.init) == message, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: prefix))
    }
}
