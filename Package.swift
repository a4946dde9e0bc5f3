// swift-tools-version:6.0
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode with strict concurrency.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "pfsh",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pfsh", targets: ["pfsh"]),
        .executable(name: "pfsh-emulator", targets: ["pfsh-emulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.30.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.3.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // MARK: Pure libraries: no I/O, no clocks, no globals.

        /// JSON values with ordered objects, a parser that reports line and column, and a printer.
        /// Plain wire values: shared by the core and the emulator, never their checks.
        .target(name: "PFShellJSON", swiftSettings: swiftSettings),
        /// The shell's core: model, command language, session, changeset, completion.
        .target(name: "PFShellCore", dependencies: ["PFShellJSON"], swiftSettings: swiftSettings),

        // MARK: C shims: each wraps one system library and is imported by one Swift module only.

        /// Typed wrappers around libcurl's variadic calls; imported only by PFShellHTTP.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),
        /// Typed wrappers around libedit's variadic calls and a SIGINT flag; imported only by PFShellLineEditor.
        .target(name: "CEditLine", linkerSettings: [.linkedLibrary("edit")]),

        // MARK: Edges: the thin modules that do the I/O.

        /// HTTP transport over one reused libcurl easy handle.
        /// It throws the core's kind of transport failure and sends the core's HTTP methods, so the
        /// two never need mapping.
        .target(name: "PFShellHTTP", dependencies: ["CCurl", "PFShellCore"], swiftSettings: swiftSettings),
        /// Line editing, completion hook and history over libedit's native API.
        .target(name: "PFShellLineEditor", dependencies: ["CEditLine"], swiftSettings: swiftSettings),
        /// Settings files: atomic replace keeping owner, group and mode, the previous file as `.bak`.
        /// Its atomic writer alone (`AtomicFile`) also writes the emulator's data and certificate files.
        .target(name: "PFShellFiles", swiftSettings: swiftSettings),

        // MARK: The emulator of PingFederate's Admin API.

        /// The Admin API as the server sees it: model, validation, state and request handling, with no
        /// sockets and no files, so it is tested in-process. Written from the server's side: it must
        /// never call the shell's client-side checks, or a shell bug would be mirrored and go unseen.
        .target(
            name: "PFShellEmulator",
            dependencies: ["PFShellJSON", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        /// The emulator's edges: HTTPS listener (Hummingbird), its self-signed certificate, the data file
        /// (written through PFShellFiles' `AtomicFile`).
        .target(
            name: "PFShellEmulatorServer",
            dependencies: [
                "PFShellEmulator",
                "PFShellJSON",
                "PFShellFiles",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Executables.

        .executableTarget(
            name: "pfsh",
            dependencies: [
                "PFShellCore", "PFShellHTTP", "PFShellLineEditor", "PFShellFiles",
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "pfsh-emulator",
            dependencies: [
                "PFShellEmulatorServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        /// Benchmarks: completion time with a large cache (`swift run -c release pfsh-bench`).
        .executableTarget(name: "pfsh-bench", dependencies: ["PFShellCore"], path: "Benchmarks/pfsh-bench", swiftSettings: swiftSettings),

        // MARK: Test support and tests.

        /// Starts the built binaries, reads the emulator's announced lines, makes temporary folders.
        /// No shipping target depends on it.
        .target(name: "PFShellTestSupport", dependencies: ["PFShellJSON"], swiftSettings: swiftSettings),

        .testTarget(name: "PFShellJSONTests", dependencies: ["PFShellJSON"], swiftSettings: swiftSettings),
        .testTarget(name: "PFShellCoreTests", dependencies: ["PFShellCore"], swiftSettings: swiftSettings),
        /// The session against the emulator's handler in-process: real server behaviour, no sockets.
        .testTarget(
            name: "PFShellSessionTests",
            dependencies: ["PFShellCore", "PFShellEmulator", "PFShellJSON", "PFShellTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PFShellEmulatorTests",
            dependencies: ["PFShellEmulator", "PFShellJSON", "PFShellTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PFShellEmulatorServerTests",
            dependencies: [
                "PFShellEmulatorServer", "PFShellEmulator", "PFShellTestSupport",
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PFShellHTTPTests",
            dependencies: ["PFShellHTTP", "PFShellTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        /// The interactive shell driven in tmux (isolated socket, fixed size, temporary HOME).
        .testTarget(
            name: "PFShellInteractiveTests",
            dependencies: ["PFShellTestSupport", "PFShellHTTP", "PFShellJSON"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "PFShellLineEditorTests", dependencies: ["PFShellLineEditor", "PFShellTestSupport"], swiftSettings: swiftSettings),
        /// Settings files on disk: the ThingWorx plan written through PFShellFiles in temporary folders.
        .testTarget(
            name: "PFShellFilesTests",
            dependencies: ["PFShellFiles", "PFShellCore", "PFShellJSON", "PFShellTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PFShellEndToEndTests",
            dependencies: ["PFShellTestSupport", "PFShellJSON", "PFShellHTTP", "PFShellEmulatorServer"],
            exclude: ["Transcripts", "Fixtures"],
            swiftSettings: swiftSettings
        ),
        /// The emulator's runtime OAuth endpoints driven by a real OAuth client library (Python's authlib).
        .testTarget(
            name: "PFShellRuntimeOAuthTests",
            dependencies: ["PFShellTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
