import Foundation
import PFShellCore

/// Measures Tab completion with a large live cache: how long one Tab takes, at the median and the
/// 99th percentile, for the kinds of lines people complete. Run: `swift run -c release pfsh-bench`.
struct Scenario {
    let name: String
    let line: String
}

let clientCount = Int(ProcessInfo.processInfo.environment["PFSH_BENCH_CLIENTS"] ?? "") ?? 10_000
let rounds = Int(ProcessInfo.processInfo.environment["PFSH_BENCH_ROUNDS"] ?? "") ?? 2_000
let ids = (0..<clientCount).map { String(format: "client-%05d", $0) }
let context = CompletionContext(
    clientIDs: ids, accessTokenManagers: ["default-atm"], profiles: ["prod"],
    redirectURIs: (0..<50).map { "https://app\($0).example.com/cb" })

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
        count = Completer.complete(scenario.line, cursor: scenario.line.utf8.count, context: context).candidates.count
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    times.sort()
    worst = max(worst, percentile(times, 0.99))
    let cells = [percentile(times, 0.5), percentile(times, 0.99), times.last ?? 0].map { String(format: "%10.3f", $0) }
    print(scenario.name.padding(toLength: 36, withPad: " ", startingAt: 0) + " " + cells.joined(separator: " ") + "  \(count)")
}
print(String(format: "worst p99: %.3f ms (target: under 2 ms)", worst))
