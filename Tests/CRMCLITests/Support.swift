import CRMCLI
import Foundation
import Testing

/// The moment the demo data is written for and read at in these tests: a Monday morning.
let demoNow = "2026-11-23T10:00:00+01:00"

/// A demo data directory to change, removed when the test ends.
final class DemoDirectory {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = try temporaryDirectory()
        let run = crmtop("demo", url.path, "--at", demoNow)
        #expect(run.code == 0, "\(run.err)")
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Runs a command on this directory, as `user`, with `--at` pinned unless given; `terminal`
    /// makes its output stand for a terminal's.
    func run(_ args: [String], at: String = demoNow, user: String = "priya", terminal: Bool = false,
             errorTerminal: Bool = false) -> Run {
        let console = Console(environment: [:], capture: true, terminal: terminal, errorTerminal: errorTerminal)
        let all = args + ["--data", path, "--user", user] + (args.contains("--at") ? [] : ["--at", at])
        let code = Console.$current.withValue(console) { CRMTop.run(arguments: all) }
        return Run(code: code, out: console.out, err: console.err)
    }
}

/// The output of a `--json` run, decoded.
func decoded(_ run: Run) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(run.out.utf8))
}

func object(_ run: Run) throws -> [String: Any] {
    try #require(try decoded(run) as? [String: Any], "\(run.out)\(run.err)")
}

func objects(_ run: Run) throws -> [[String: Any]] {
    try #require(try decoded(run) as? [[String: Any]], "\(run.out)\(run.err)")
}

func crmtop(_ args: [String]) -> Run {
    let console = Console(environment: [:], capture: true)
    let code = Console.$current.withValue(console) { CRMTop.run(arguments: args) }
    return Run(code: code, out: console.out, err: console.err)
}

/// Every file of a data directory with its bytes, to see that nothing changed.
func dataFiles(_ dir: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
        files[name] = try Data(contentsOf: dir.appendingPathComponent(name))
    }
    return files
}
