import Foundation
import PFShellCore
@testable import PFShellFiles
import PFShellJSON
import PFShellTestSupport
import Testing

/// The ThingWorx settings flow on disk: read, plan, write only when changed.
@Suite struct SettingsFileTests {
    static let secret = "Twx-Secret-5a1e7c0b93"
    static let runtime = "https://pf.example.com:9031"

    static let platformSettings = """
        {
            "PersistenceProviderPackageConfigs": {
                "H2PersistenceProviderPackage": { "ConnectionInformation": { "password": "db", "username": "twadmin" } }
            },
            "PlatformSettingsConfig": {
                "BasicSettings": { "BackupStorage": "/ThingworxBackupStorage", "EnableSSO": true, "Storage": "/ThingworxStorage" }
            },
            "AuthorizationServersSettings": {
                "ADFS": { "clientId": "twx-adfs", "clientSecret": "adfs-secret", "mandatoryScopes": "openid" }
            }
        }

        """

    struct Status: Equatable {
        let mode: mode_t
        let uid: uid_t
        let gid: gid_t
        let modified: Int
        let modifiedNanoseconds: Int
        let inode: UInt64
    }

    static func status(_ path: String) throws -> Status {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return Status(
            mode: info.st_mode & 0o7777, uid: info.st_uid, gid: info.st_gid, modified: info.st_mtim.tv_sec,
            modifiedNanoseconds: info.st_mtim.tv_nsec, inode: UInt64(info.st_ino))
    }

    static func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { Array($0) }
    }

    static func create(_ path: String, _ text: String, mode: mode_t) throws {
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        #expect(chmod(path, mode) == 0)
    }

    /// The command's flow: read, plan, write when changed.
    @discardableResult
    static func apply(
        _ path: String, kind: ThingWorxSettings.Kind = .authorizationServer(), secret: String? = secret,
        runtime: String = runtime
    ) throws -> ThingWorxSettings.Plan {
        let existing = try SettingsFile.read(path)
        let plan = try ThingWorxSettings.plan(
            existing: existing, kind: kind, clientId: "thingworx", secret: secret, runtimeURL: runtime)
        if plan.changed { try SettingsFile.write(plan.text, to: path) }
        return plan
    }

    static func leftovers(_ directory: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
    }

    // MARK: Reading

    @Test func readingAMissingFileGivesNil() throws {
        let directory = try TemporaryDirectory()
        #expect(try SettingsFile.read(directory.file("absent.json")) == nil)
    }

    @Test func readingRefusesAFolderAndTextThatIsNotUTF8() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: SettingsFile.FileError(message: "cannot read '\(directory.path)': not a regular file")) {
            try SettingsFile.read(directory.path)
        }
        let latin1 = directory.file("latin1.json")
        #expect(FileManager.default.createFile(atPath: latin1, contents: Data([0x7B, 0x22, 0xE9, 0x22, 0x7D])))
        #expect(throws: SettingsFile.FileError(message: "cannot read '\(latin1)': not UTF-8 text")) {
            try SettingsFile.read(latin1)
        }
    }

    // MARK: Writing

    @Test func aNewFileIsCreated0600WithNoBackup() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("platform-settings.json")
        let plan = try Self.apply(path)
        #expect(Self.bytes(path) == Array(plan.text.utf8))
        let status = try Self.status(path)
        #expect(status.mode == 0o600)
        #expect(status.uid == geteuid() && status.gid == getegid())
        #expect(!FileManager.default.fileExists(atPath: path + ".bak"))
        #expect(try Self.leftovers(directory).isEmpty)
    }

    @Test(arguments: [true, false])
    func anExistingFileKeepsItsModeAndOwnerAndTheOldOneBecomesTheBackup(_ linkBackup: Bool) throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("platform-settings.json")
        try Self.create(path, Self.platformSettings, mode: 0o640)
        // As root, give the file an owner and group that are not ours; otherwise keep ours.
        let (uid, gid): (uid_t, gid_t) = geteuid() == 0 ? (4321, 4322) : (geteuid(), getegid())
        #expect(chown(path, uid, gid) == 0)
        let before = try Self.status(path)

        let existing = try #require(try SettingsFile.read(path))
        let plan = try ThingWorxSettings.plan(
            existing: existing, kind: .authorizationServer(), clientId: "thingworx", secret: Self.secret,
            runtimeURL: Self.runtime)
        #expect(plan.changed)
        try SettingsFile.write(plan.text, to: path, linkBackup: linkBackup)

        #expect(Self.bytes(path) == Array(plan.text.utf8))
        let after = try Self.status(path)
        #expect(after.mode == 0o640)
        #expect(after.uid == uid && after.gid == gid)
        #expect(after.inode != before.inode)

        let backup = try Self.status(path + ".bak")
        #expect(Self.bytes(path + ".bak") == Array(Self.platformSettings.utf8))
        #expect(backup.mode == 0o640)
        #expect(backup.uid == uid && backup.gid == gid)
        #expect(backup.modified == before.modified && backup.modifiedNanoseconds == before.modifiedNanoseconds)
        if linkBackup { #expect(backup.inode == before.inode) }
        #expect(try Self.leftovers(directory).isEmpty)

        // Unrelated keys kept in order, the other server kept.
        let root = try #require(try JSONParser.parse(plan.text).objectValue)
        #expect(root.keys == ["PersistenceProviderPackageConfigs", "PlatformSettingsConfig", "AuthorizationServersSettings"])
        #expect(root["AuthorizationServersSettings"]?.objectValue?.keys == ["ADFS", "PingFederate"])
    }

    @Test func anOlderBackupIsReplacedByThePreviousFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("sso-settings.json")
        try Self.create(path + ".bak", "stale backup", mode: 0o644)
        try Self.create(path, "{}", mode: 0o600)
        try Self.apply(path)
        #expect(Self.bytes(path + ".bak") == Array("{}".utf8))
        #expect(try Self.status(path + ".bak").mode == 0o600)
        // A second change: the backup is now the first result.
        let first = try #require(Self.bytes(path))
        try Self.apply(path, runtime: "https://pf2.example.com:9031")
        #expect(Self.bytes(path + ".bak") == first)
    }

    @Test func anUnchangedFileIsNotRewritten() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("platform-settings.json")
        try Self.create(path, Self.platformSettings, mode: 0o640)
        try Self.apply(path)
        #expect(unlink(path + ".bak") == 0)
        let bytes = Self.bytes(path)
        let before = try Self.status(path)

        let plan = try Self.apply(path)
        #expect(!plan.changed)
        #expect(Self.bytes(path) == bytes)
        #expect(try Self.status(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + ".bak"))

        // The session has no secret: the file's is kept, and still nothing is written.
        let kept = try Self.apply(path, secret: nil)
        #expect(kept.keptExistingSecret && !kept.changed)
        #expect(try Self.status(path) == before)
    }

    @Test func aSecretKeptFromTheFileIsWrittenBackWhenOtherValuesChange() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("resourceServerSettings.json")
        try Self.apply(path, kind: .resourceServer)
        let plan = try Self.apply(path, kind: .resourceServer, secret: nil, runtime: "https://pf2.example.com:9031")
        #expect(plan.keptExistingSecret && plan.changed)
        let text = try #require(try SettingsFile.read(path))
        let block = try JSONParser.parse(text)["ResourceServerSettings"]?["accessTokenServicesSettings"]
        #expect(block?["clientSecret"] == .string(Self.secret))
        #expect(block?["checkTokenEndpointUrl"] == "https://pf2.example.com:9031/as/introspect.oauth2")
    }

    @Test func aMalformedFileIsRefusedAndLeftUntouched() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("platform-settings.json")
        let broken = "{\n  \"PlatformSettingsConfig\": {\n    \"BasicSettings\": {\"EnableSSO\": tru}\n  }\n}\n"
        try Self.create(path, broken, mode: 0o640)
        let before = try Self.status(path)
        let expected = ThingWorxSettings.SettingsError(
            message: "unexpected character 't', a value was expected", line: 3, column: 36)
        #expect(throws: expected) {
            try Self.apply(path)
        }
        #expect(Self.bytes(path) == Array(broken.utf8))
        #expect(try Self.status(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + ".bak"))
        #expect(try Self.leftovers(directory).isEmpty)
    }

    @Test func aMissingSecretIsRefusedAndNothingIsWritten() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("platform-settings.json")
        try Self.create(path, Self.platformSettings, mode: 0o640)
        let before = try Self.status(path)
        let error = #expect(throws: ThingWorxSettings.SettingsError.self) { try Self.apply(path, secret: nil) }
        #expect(error?.message.hasSuffix("use 'secret set --env VAR' or 'secret generate' in this session") == true)
        #expect(try Self.status(path) == before)
        #expect(!FileManager.default.fileExists(atPath: directory.file("platform-settings.json.bak")))
    }

    @Test func aSymbolicLinkIsRefusedNotFollowed() throws {
        let directory = try TemporaryDirectory()
        let real = directory.file("real.json")
        let link = directory.file("platform-settings.json")
        try Self.create(real, "{}", mode: 0o640)
        #expect(symlink(real, link) == 0)
        #expect(try SettingsFile.read(link) == "{}")
        #expect(throws: SettingsFile.FileError(
            message: "'\(link)' is a symbolic link to '\(real)'; pfsh does not write through links, give the file's real path")
        ) {
            try SettingsFile.write("{\"a\": 1}\n", to: link)
        }
        #expect(Self.bytes(real) == Array("{}".utf8))
        var info = stat()
        #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(try Self.leftovers(directory).isEmpty)
    }

    @Test func aMissingFolderOrANonRegularTargetIsRefused() throws {
        let directory = try TemporaryDirectory()
        let nowhere = directory.file("missing/platform-settings.json")
        #expect(throws: SettingsFile.FileError(
            message: "cannot write '\(nowhere)': folder '\(directory.file("missing"))' does not exist")
        ) {
            try SettingsFile.write("{}\n", to: nowhere)
        }
        let folder = directory.file("folder.json")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        #expect(throws: SettingsFile.FileError(message: "cannot write '\(folder)': not a regular file")) {
            try SettingsFile.write("{}\n", to: folder)
        }
    }

    @Test func aRelativePathIsWrittenInTheCurrentFolder() {
        #expect(AtomicFile.folderOf("platform-settings.json") == ".")
        #expect(AtomicFile.folderOf("/platform-settings.json") == "/")
        #expect(AtomicFile.folderOf("conf/platform-settings.json") == "conf")
        #expect(AtomicFile.baseName("conf/platform-settings.json") == "platform-settings.json")
    }
}

/// The pending copy of a rotated secret: new, 0600, never over a file or through a link.
@Suite struct SecretFileTests {
    @Test func createdNewWithModeSixHundredAndRemoved() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("platform-settings.json.pending-secret")
        let mask = umask(0)  // a permissive umask must not widen the file
        defer { umask(mask) }
        try SecretFile.create(path, text: "pending-secret-value\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "pending-secret-value\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(throws: SettingsFile.FileError.self) { try SecretFile.create(path, text: "other\n") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "pending-secret-value\n")
        try SecretFile.remove(path)
        #expect(!FileManager.default.fileExists(atPath: path))
        try SecretFile.remove(path)  // already gone: no error
    }

    @Test func aLinkIsNeverFollowed() throws {
        let directory = try TemporaryDirectory()
        let target = directory.file("elsewhere")
        let link = directory.file("link.pending-secret")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(throws: SettingsFile.FileError.self) { try SecretFile.create(link, text: "x\n") }
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
