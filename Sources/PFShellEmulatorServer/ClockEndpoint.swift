import PFShellEmulator
import PFShellJSON

/// `/emulator/clock` on the admin listener, with `--test-clock`: `GET` tells the emulator's time,
/// `POST {"advanceSeconds": N}` moves it N seconds forward first. Both answer
/// `{"now": "<time>", "advancedSeconds": <offset so far>}`, and both need the administrator's
/// credentials as the Admin API accepts them (no `X-XSRF-Header`: this is not PingFederate's API).
struct ClockEndpoint {
    static let path = "/emulator/clock"

    let clock: EmulatorClock
    let api: AdminAPI

    func answer(_ request: EmulatorRequest) -> EmulatorResponse {
        guard api.isAdministrator(request) else {
            return AdminHandler.apiResult(401, "invalid_credentials", "The credentials you provided were not recognized.")
        }
        switch request.method {
        case "GET":
            return current()
        case "POST":
            guard let seconds = Self.advanceSeconds(request.body) else {
                return AdminHandler.apiResult(
                    400, "invalid_request", "The body must be {\"advanceSeconds\": N}, N a whole number of seconds, 0 or more.")
            }
            guard clock.advance(seconds: seconds) else {
                return AdminHandler.apiResult(
                    400, "invalid_request",
                    "The clock may move at most \(EmulatorClock.maximumOffsetSeconds) seconds in all.")
            }
            return current()
        default:
            return AdminHandler.apiResult(
                405, "method_not_allowed", "The method \(request.method) is not supported on this resource.")
        }
    }

    private func current() -> EmulatorResponse {
        .json(
            200,
            [
                "now": .string(Timestamp.format(milliseconds: clock.now())),
                "advancedSeconds": .int(clock.advancedSeconds),
            ])
    }

    /// N of a body that is exactly `{"advanceSeconds": N}` with N a non-negative integer.
    static func advanceSeconds(_ body: [UInt8]) -> Int64? {
        guard let object = (try? JSONParser.parse(body))?.objectValue, object.keys == ["advanceSeconds"],
            let seconds = object["advanceSeconds"]?.intValue, seconds >= 0
        else { return nil }
        return seconds
    }
}
