import CRMCLI
import Foundation
import Testing

/// A file from `Fixtures/`, as another program wrote it.
func fixture(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(name)
    return try String(contentsOf: url, encoding: .utf8)
}

extension DemoDirectory {
    /// Writes `text` next to the data directory and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let url = url.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func reminderJSON(_ id: String) throws -> [String: Any] {
        try object(run(["reminder", "show", id, "--json"]))
    }

    func importSummary(_ path: String, _ extra: [String] = []) throws -> [String: [String]] {
        let run = run(["import", path, "--json"] + extra)
        #expect(run.code == 0, "\(run.err)")
        return try #require(try decoded(run) as? [String: Any]).compactMapValues { $0 as? [String] }
    }

    /// Writes `bytes` as they are (not necessarily UTF-8) next to the data and returns the path.
    func file(_ name: String, bytes: [UInt8]) throws -> String {
        let url = url.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Whether the import left the demo's reminders as they were: the first id an import gives is free.
    var nothingImported: Bool { run(["reminder", "show", "R-1031"]).code == 1 }
}
