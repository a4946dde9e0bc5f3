import Foundation
import PFShellJSON
import PFShellTestSupport
import Testing

@testable import PFShellEmulator

/// When the store saves: only for a change, before the change's answer and before anyone sees it,
/// and never in the way of requests that change nothing.
@Suite struct SavingTests {
    static let client = RuntimeSample.client("svc", grants: ["CLIENT_CREDENTIALS"], secret: "svc-secret")

    @Test func readsRefusalsAndTokenRequestsNeverSave() {
        let harness = RuntimeHarness()
        harness.create(Self.client)
        #expect(harness.saves.withLock { $0 } == 1)
        for path in ["/oauth/clients", "/oauth/clients/svc", "/oauth/clients/svc/clientAuth/clientSecret", "/version"] {
            #expect(harness.adminCall("GET", path).status == 200)
        }
        #expect(harness.adminCall("POST", "/oauth/clients", Self.client).status == 422)
        #expect(harness.adminCall("DELETE", "/oauth/clients/nobody").status == 404)
        #expect(harness.token([("grant_type", "client_credentials")], basic: ("svc", "svc-secret")).status == 200)
        #expect(harness.saves.withLock { $0 } == 1)
    }

    @Test func eachChangeIsSavedBeforeItsAnswer() {
        let saved = Locked<EmulatorState?>(nil)
        let harness = RuntimeHarness(onSave: { state in saved.withLock { $0 = state } })
        harness.create(Self.client)
        #expect(saved.withLock { $0?.clients["svc"] } != nil)
        #expect(harness.adminCall("DELETE", "/oauth/clients/svc").status == 204)
        #expect(saved.withLock { $0?.clients.isEmpty } == true)
        #expect(harness.saves.withLock { $0 } == 2)
    }

    /// A create whose save is held up: while it waits, reads and token requests are answered from the
    /// state as it was, and the new client shows only once its save is done.
    @Test func whileAChangeIsSavedOthersAreAnsweredAndDoNotSeeIt() {
        let gate = SaveGate()
        let harness = RuntimeHarness(onSave: { state in
            if state.clients["held"] != nil { gate.hold() }
        })
        harness.create(Self.client)
        let created = Self.inThread {
            harness.create(RuntimeSample.client("held", grants: ["CLIENT_CREDENTIALS"], secret: "held-secret"))
        }
        #expect(gate.waitUntilHeld())
        #expect(harness.adminCall("GET", "/oauth/clients/held").status == 404)
        #expect(harness.adminCall("GET", "/oauth/clients/svc").status == 200)
        #expect(harness.token([("grant_type", "client_credentials")], basic: ("svc", "svc-secret")).status == 200)
        #expect(!gate.wasReleased, "the requests above waited for the save")
        gate.release()
        #expect(created.wait(timeout: .now() + 10) == .success)
        #expect(harness.adminCall("GET", "/oauth/clients/held").status == 200)
    }

    /// Two creates at once: the second is worked out while the first is being saved, so on a state
    /// without the first client. It must be worked out again before it is saved, or the first is lost.
    @Test func aChangeWorkedOutBeforeAnotherWasKeptIsWorkedOutAgain() {
        let gate = SaveGate()
        let requests = Locked(0)
        let drafted = DispatchSemaphore(value: 0)
        let api = AdminAPI(
            configuration: EmulatorConfiguration(), state: EmulatorState(sealingKey: Array(repeating: 7, count: 32)),
            // Read once as each request is worked out: tells the test the second one has been.
            clock: {
                if requests.withLock({ $0 += 1; return $0 }) == 2 { drafted.signal() }
                return EmulatorHarness.start
            },
            random: { Array(repeating: 1, count: $0) },
            persist: { state in
                if state.clients["first"] != nil, state.clients["second"] == nil { gate.hold() }
            })
        let first = Self.inThread { Self.create("first", in: api) }
        #expect(gate.waitUntilHeld())
        let second = Self.inThread { Self.create("second", in: api) }
        #expect(drafted.wait(timeout: .now() + 10) == .success)
        gate.release()
        #expect(first.wait(timeout: .now() + 10) == .success)
        #expect(second.wait(timeout: .now() + 10) == .success)
        #expect(api.state.clients.keys.sorted() == ["first", "second"])
    }

    private static func create(_ id: String, in api: AdminAPI) {
        let body = RuntimeSample.client(id, grants: ["CLIENT_CREDENTIALS"], secret: "s")
        let response = api.handle(
            EmulatorRequest(
                method: "POST", path: AdminAPI.basePath + "/oauth/clients",
                headers: [("Authorization", EmulatorHarness.basic), ("X-XSRF-Header", "pf")],
                body: Array(JSONPrinter.print(body).utf8)))
        #expect(response.status == 201)
    }

    /// Runs `body` on a thread of its own (a blocked save must not hold up a shared pool); the
    /// semaphore is signalled when it is done.
    private static func inThread(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            body()
            done.signal()
        }
        return done
    }
}

/// Holds one save until the test releases it (at most 10 seconds, so a broken test fails, never hangs).
final class SaveGate: Sendable {
    private let held = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)
    private let state = Locked((holding: false, released: false))

    /// Called by the save: blocks the first time only.
    func hold() {
        let first = state.withLock { value in
            defer { value.holding = true }
            return !value.holding
        }
        guard first else { return }
        held.signal()
        _ = released.wait(timeout: .now() + 10)
        state.withLock { $0.released = true }
    }

    func waitUntilHeld() -> Bool {
        held.wait(timeout: .now() + 10) == .success
    }

    /// Whether the held save has gone on (released, or given up waiting).
    var wasReleased: Bool { state.withLock { $0.released } }

    func release() {
        released.signal()
    }
}
