import CRMCLI
import Foundation
import Testing

/// A data directory that is not there is an error for every command that only reads, not an
/// empty data set: "No open cases." would say all is well.
@Suite struct MissingDirectoryTests {
    static let missing = "/nonexistent/crmtop-\(UUID().uuidString)"

    @Test(arguments: [
        ["case", "list"], ["reminder", "list"], ["leaderboard"], ["check"], ["export", "--format", "json"],
        ["snapshot"], ["person", "list"], ["sla", "list"], ["reminder", "ack", "R-1001"],
    ])
    func readingCommandsRefuseIt(args: [String]) throws {
        let run = crmtop(args + ["--data", Self.missing, "--user", "maria"])
        #expect(run.code == 1, "\(run.out)")
        #expect(run.err.contains("no data directory at \(Self.missing)"), "\(run.err)")
        #expect(!run.out.contains("No open cases") && !run.out.contains("no problems found"), "\(run.out)")
        #expect(!FileManager.default.fileExists(atPath: Self.missing))
    }

    @Test func aFileWhereTheDirectoryShouldBeIsNamedAsSuch() throws {
        let file = try temporaryDirectory().appendingPathComponent("not-a-dir")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let run = crmtop(["case", "list", "--data", file.path])
        #expect(run.code == 1 && run.err.contains("it is not a directory"), "\(run.err)")
    }

    @Test func anEmptyDirectoryIsEmptyAndAddingStartsADataSet() throws {
        let parent = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let empty = parent.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        let listed = crmtop(["case", "list", "--data", empty.path])
        #expect(listed.code == 0 && listed.out == "No open cases.\n", "\(listed.err)")

        let fresh = parent.appendingPathComponent("fresh")
        let added = crmtop(["reminder", "add", "First one", "--due", "2026-12-09 10:00", "--data", fresh.path, "--user", "me"])
        #expect(added.code == 0, "\(added.err)")
        #expect(crmtop(["reminder", "list", "--data", fresh.path, "--user", "me"]).out.contains("First one"))
    }
}
