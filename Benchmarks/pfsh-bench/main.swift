import Foundation
import PFShellCore

/// Measures Tab completion with a large live cache: how long one Tab takes, at the median and the
/// 99th percentile, for the kinds of lines people complete. Each Tab goes the whole way the shell
/// goes: the session builds its completion context (cache plus staged clients), then the completer
/// runs. Run: `swift run -c release pfsh-bench`.
struct Scenario {
    let name: String
    let line: String
}

let clientCount = Int(ProcessInfo.processInfo.environment["PFSH_BENCH_CLIENTS"] ?? "") ?? 10_000
let rounds = Int(ProcessInfo.processInfo.environment["PFSH_BENCH_ROUNDS"] ?? "") ?? 2_000
/// No server: the benchmark fills the cache the way `connect` and `client list` would.
final class OfflineServices: ShellServices {
    func connect(_ settings: ConnectionSettings) throws(ShellError) -> any ServerPort { throw ShellError(.connection, "offline") }
    func activate(_ port: (any ServerPort)?) {}
    func readSecret(_ source: SecretSource) throws(ShellError) -> String { "" }
    func randomSecret(length: Int) -> String { "" }
    func runtime(_ request: RuntimeRequest) throws(ShellError) -> RuntimeResponse { throw ShellError(.connection, "offline") }
    func forgetRuntimeCookies() {}
    func pause(milliseconds: Int) throws(ShellError) {}
    func journalStore(for settings: ConnectionSettings) -> (any JournalStore)? { nil }
    func readTextFile(_ path: String) throws(ShellError) -> String? { nil }
    func writeSettingsFile(_ text: String, to path: String) throws(ShellError) {}
}

let session = Session(services: OfflineServices())
session.cache.clientIDs = (0..<clientCount).map { String(format: "client-%05d", $0) }
session.cache.accessTokenManagers = ["default-atm"]

let scenarios = [
    Scenario(name: "command word", line: "cl"),
    Scenario(name: "client ID, all \(clientCount) match", line: "client edit "),
    Scenario(name: "client ID, 10 match", line: "client show client-0012"),
    Scenario(name: "field name", line: "set oidcPolicy.id"),
    Scenario(name: "enum value", line: "set refreshRolling "),
    Scenario(name: "grant type", line: "grants add authorization-code "),
]

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

print("completion with \(clientCount) clients in the cache, \(rounds) Tabs per line")
print("line".padding(toLength: 36, withPad: " ", startingAt: 0) + "     p50 ms     p99 ms     max ms  candidates")
var worst = 0.0
for scenario in scenarios {
    var times: [Double] = []
    var count = 0
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        let context = session.completionContext()
        count = Completer.complete(scenario.line, cursor: scenario.line.utf8.count, context: context).candidates.count
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    times.sort()
    worst = max(worst, percentile(times, 0.99))
    let cells = [percentile(times, 0.5), percentile(times, 0.99), times.last ?? 0].map { String(format: "%10.3f", $0) }
    print(scenario.name.padding(toLength: 36, withPad: " ", startingAt: 0) + " " + cells.joined(separator: " ") + "  \(count)")
}
print(String(format: "worst p99: %.3f ms (target: under 2 ms)", worst))
