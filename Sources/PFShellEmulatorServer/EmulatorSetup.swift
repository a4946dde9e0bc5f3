import Foundation
import PFShellEmulator

/// The start-up steps of ``EmulatorLauncher`` that turn options into parts: the handler's
/// configuration, its initial state and persistence, and the certificate.
enum EmulatorSetup {
    static func configuration(_ options: EmulatorOptions) throws(EmulatorServerError) -> EmulatorConfiguration {
        let password = try options.passwordVariable.map { variable throws(EmulatorServerError) in
            try environmentValue(variable, purpose: "--password-env")
        }
        let token = try options.tokenVariable.map { variable throws(EmulatorServerError) in
            try environmentValue(variable, purpose: "--token-env")
        }
        var configuration = EmulatorConfiguration(
            adminUser: options.user,
            adminPassword: password ?? EmulatorOptions.defaultPassword,
            bearerToken: token,
            strict: options.strict,
            cluster: options.cluster,
            scheme: options.http ? "http" : "https",
            reorderSets: options.reorderSets
        )
        configuration.adminOAuthClients = Set(options.adminOAuthClients)
        configuration.clientSecretRetentionPeriod = options.secretRetentionMinutes
        return configuration
    }

    /// The test user of the authorization endpoint's login page.
    static func login(_ options: EmulatorOptions) throws(EmulatorServerError) -> RuntimeLogin {
        let password = try options.testPasswordVariable.map { variable throws(EmulatorServerError) in
            try environmentValue(variable, purpose: "--test-password-env")
        }
        return RuntimeLogin(
            user: options.testUser, password: password ?? RuntimeLogin.defaultPassword, automatic: options.autoLogin)
    }

    private static func environmentValue(_ variable: String, purpose: String) throws(EmulatorServerError) -> String {
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else {
            throw EmulatorServerError("\(purpose): the environment variable \(variable) is not set or empty")
        }
        return value
    }

    /// The handlers over the `--data` file's state, or over a new one (the demo seed, or empty): the
    /// Admin API and the runtime OAuth endpoints share one store, so a client created through the one
    /// is served at once by the other. A new state is saved at once when there is a data file, so an
    /// unwritable path fails at start and a restart finds the same seed. Runtime tokens are never saved.
    /// Both tell the time by `clock`.
    static func handlers(_ options: EmulatorOptions, configuration: EmulatorConfiguration, clock: EmulatorClock)
        throws(EmulatorServerError) -> (admin: AdminAPI, runtime: RuntimeAPI)
    {
        let file = options.dataFile.map(StateFile.init(path:))
        let state: EmulatorState
        if let stored = try file?.load() {
            state = stored
        } else {
            state = initialState(options.seed, now: clock.now())
            try file?.save(state)
        }
        var persist: EmulatorStore.Persist?
        if let file { persist = { state in try file.save(state) } }
        let store = EmulatorStore(state: state, persist: persist)
        let now: AdminAPI.Clock = { clock.now() }
        let admin = AdminAPI(configuration: configuration, store: store, clock: now, random: randomBytes)
        let runtime = RuntimeAPI(
            configuration: configuration, store: store, clock: now, random: randomBytes,
            login: try login(options))
        return (admin, runtime)
    }

    private static func initialState(_ seed: EmulatorOptions.Seed?, now: Int64) -> EmulatorState {
        switch seed {
        case .demo: DemoSeed.state(now: now, random: randomBytes)
        case nil: EmulatorState(sealingKey: randomBytes(32))
        }
    }

    static func certificate(_ options: EmulatorOptions) throws(EmulatorServerError) -> CertificatePair {
        if let certificateFile = options.certificateFile, let keyFile = options.keyFile {
            return try CertificatePair.load(certificateFile: certificateFile, keyFile: keyFile)
        }
        return try SelfSignedCertificate.generate()
    }

    static func publish(_ pair: CertificatePair, _ options: EmulatorOptions) throws(EmulatorServerError)
        -> CertificateFiles
    {
        if let certificateFile = options.certificateFile {
            return try CertificateFiles.publishGiven(pair, certificateFile: certificateFile, caOut: options.caOut)
        }
        return try CertificateFiles.publishGenerated(pair, caOut: options.caOut)
    }

    @Sendable static func currentMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    @Sendable static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
