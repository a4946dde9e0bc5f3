import Foundation
import PFShellEmulator
import PFShellJSON
import Testing

@testable import PFShellEmulatorServer

/// `--test-clock`: one clock for both listeners, moved forward only by `/emulator/clock`, which needs
/// the administrator's credentials.
@Suite struct ClockTests {
    static let start: Int64 = 1_767_225_600_000  // 2026-01-01T00:00:00.000Z
    let clock = EmulatorClock(realTime: { ClockTests.start })

    @Test func theClockAdvancesOnlyForwardAndWithinItsLimit() {
        #expect(clock.now() == Self.start)
        #expect(clock.advance(seconds: 90))
        #expect(clock.now() == Self.start + 90_000)
        #expect(clock.advancedSeconds == 90)
        #expect(!clock.advance(seconds: -1))
        #expect(!clock.advance(seconds: EmulatorClock.maximumOffsetSeconds))
        #expect(clock.advance(seconds: EmulatorClock.maximumOffsetSeconds - 90))
        #expect(!clock.advance(seconds: 1))
        #expect(!clock.advance(seconds: .max))
        #expect(clock.advancedSeconds == EmulatorClock.maximumOffsetSeconds)
    }

    /// An Admin API that accepts `administrator` / `2FederateM0re` and the bearer token `t0ken`.
    static func endpoint(_ clock: EmulatorClock) -> ClockEndpoint {
        let api = AdminAPI(
            configuration: EmulatorConfiguration(bearerToken: "t0ken"),
            state: EmulatorState(sealingKey: Array(repeating: 7, count: 32)),
            clock: { clock.now() }, random: { Array(repeating: 1, count: $0) })
        return ClockEndpoint(clock: clock, api: api)
    }

    static let basic = "Basic " + Data("administrator:2FederateM0re".utf8).base64EncodedString()

    static func request(_ method: String, _ body: String = "", authorization: String? = basic) -> EmulatorRequest {
        EmulatorRequest(
            method: method, path: ClockEndpoint.path, headers: authorization.map { [("Authorization", $0)] } ?? [],
            body: Array(body.utf8))
    }

    static func json(_ response: EmulatorResponse) -> JSONValue? {
        try? JSONParser.parse(response.body)
    }

    @Test func postAdvancesAndGetTells() {
        let endpoint = Self.endpoint(clock)
        let moved = endpoint.answer(Self.request("POST", #"{"advanceSeconds": 3600}"#))
        #expect(moved.status == 200)
        #expect(Self.json(moved) == ["now": "2026-01-01T01:00:00.000Z", "advancedSeconds": 3600])
        let told = endpoint.answer(Self.request("GET", authorization: "Bearer t0ken"))
        #expect(Self.json(told) == ["now": "2026-01-01T01:00:00.000Z", "advancedSeconds": 3600])
        #expect(endpoint.answer(Self.request("POST", #"{"advanceSeconds": 0}"#)).status == 200)
        #expect(clock.advancedSeconds == 3600)
    }

    @Test(arguments: [nil, "Basic " + Data("administrator:wrong".utf8).base64EncodedString(), "Bearer other"])
    func withoutTheAdministratorsCredentialsItIs401(_ authorization: String?) {
        let answer = Self.endpoint(clock).answer(Self.request("POST", #"{"advanceSeconds": 60}"#, authorization: authorization))
        #expect(answer.status == 401)
        #expect(Self.json(answer)?["resultId"] == "invalid_credentials")
        #expect(clock.advancedSeconds == 0)
    }

    @Test(arguments: [
        "", "nonsense", "[]", "{}", #"{"advanceSeconds": -1}"#, #"{"advanceSeconds": 1.5}"#, #"{"advanceSeconds": "60"}"#,
        #"{"advanceSeconds": 60, "extra": true}"#, #"{"advanceSeconds": 99999999999999}"#,
    ])
    func aBadBodyIs400(_ body: String) {
        let answer = Self.endpoint(clock).answer(Self.request("POST", body))
        #expect(answer.status == 400)
        #expect(Self.json(answer)?["resultId"] == "invalid_request")
        #expect(Self.json(answer)?["message"]?.stringValue != nil)
        #expect(clock.advancedSeconds == 0)
    }

    @Test func otherMethodsAre405() {
        #expect(Self.endpoint(clock).answer(Self.request("DELETE")).status == 405)
    }
}
