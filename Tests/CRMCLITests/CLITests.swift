import CRMCLI
import Foundation
import Testing

struct Run {
    var code: Int32
    var out: String
    var err: String
}

func crmtop(_ args: String..., env: [String: String] = [:]) -> Run {
    let console = Console(environment: env, capture: true)
    let code = Console.$current.withValue(console) { CRMTop.run(arguments: args) }
    return Run(code: code, out: console.out, err: console.err)
}

func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crmtop-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

@Suite struct SnapshotCommandTests {
    @Test func demoSnapshotShowsAllThreePanesAtTheRequestedSize() {
        let run = crmtop("snapshot", "--demo", "--at", "2026-11-23T10:00:00Z", "--size", "120x40")
        #expect(run.code == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 40)
        #expect(lines.allSatisfy { $0.count <= 120 })
        #expect(run.out.contains("Reminders"))
        #expect(run.out.contains("Cases & feedback"))
        #expect(run.out.contains("Leaderboard"))
        #expect(lines[0].contains("Mon 23 Nov 2026 11:00:00"))
    }

    @Test func globalOptionsMayStandBeforeTheSubcommand() {
        let before = crmtop("--demo", "--at", "2026-11-23T10:00:00Z", "snapshot", "--size", "80x24")
        let after = crmtop("snapshot", "--size", "80x24", "--demo", "--at", "2026-11-23T10:00:00Z")
        #expect(before.code == 0, "\(before.err)")
        #expect(before.out == after.out)
    }

    @Test func aPinnedTimeGivesTheSameFrameEveryTime() {
        let a = crmtop("snapshot", "--demo", "--at", "2026-11-23T10:00:00Z")
        let b = crmtop("snapshot", "--demo", "--at", "2026-11-23T10:00:00Z")
        #expect(a.out == b.out)
    }

    @Test(arguments: [
        (["snapshot", "--size", "big"], "--size"),
        (["snapshot", "--demo", "--at", "yesterday"], "--at"),
        (["snapshot", "--pane", "kitchen"], "--pane"),
        (["frobnicate"], "frobnicate"),
    ])
    func usageErrorsExitTwoAndNameTheProblem(args: [String], mentions: String) {
        let console = Console(environment: [:], capture: true)
        let code = Console.$current.withValue(console) { CRMTop.run(arguments: args) }
        #expect(code == 2)
        #expect(console.err.contains(mentions))
    }
}

@Suite struct DataDirectoryTests {
    @Test func demoWritesAnEditableCopyAndRefusesToOverwrite() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = crmtop("demo", dir.path, "--at", "2026-11-23T10:00:00Z")
        #expect(first.code == 0, "\(first.err)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reminders.json").path))
        let snapshot = crmtop("snapshot", "--data", dir.path, "--at", "2026-11-23T10:00:00Z", "--user", "maria")
        let demo = crmtop("snapshot", "--demo", "--at", "2026-11-23T10:00:00Z", "--user", "maria")
        #expect(snapshot.out == demo.out)
        let second = crmtop("demo", dir.path)
        #expect(second.code == 1)
        #expect(second.err.contains("already holds"))
    }

    @Test func aCorruptFileIsReportedWithPositionAndLeftUntouched() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let broken = Data("{\n  \"version\": 1,\n  \"reminders\": [\n    {\"id\": \"R1\", \"title\": \"x\", \"due\": 42}\n  ]\n}\n".utf8)
        let file = dir.appendingPathComponent("reminders.json")
        try broken.write(to: file)
        let run = crmtop("snapshot", "--data", dir.path)
        #expect(run.code == 1)
        #expect(run.err.contains("reminders.json:4:"))
        #expect(run.err.contains("reminders[0]"))
        #expect(try Data(contentsOf: file) == broken)
        let entries = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(entries == ["reminders.json"])
    }

    @Test func dataDirectoryComesFromTheEnvironmentWhenNotGiven() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = crmtop("demo", dir.path, "--at", "2026-11-23T10:00:00Z")
        let viaEnv = crmtop("snapshot", "--at", "2026-11-23T10:00:00Z",
                            env: ["CRMTOP_DATA": dir.path, "CRMTOP_USER": "maria"])
        let viaFlag = crmtop("snapshot", "--data", dir.path, "--at", "2026-11-23T10:00:00Z", "--user", "maria")
        #expect(viaEnv.code == 0)
        #expect(viaEnv.out == viaFlag.out)
    }

    @Test func theDashboardWithoutATerminalExplainsWhatToUseInstead() {
        let run = crmtop("--demo")
        #expect(run.code == 2)
        #expect(run.err.contains("crmtop snapshot"))
        #expect(run.err.contains("--json"))
    }

    @Test func versionIsPrinted() {
        let run = crmtop("--version")
        #expect(run.code == 0)
        #expect(run.out.contains(CRMTop.version))
    }
}

@Suite struct ScreenAndJSONAgreeTests {
    @Test func leaderboardJSONMatchesTheDashboard() throws {
        let json = crmtop("leaderboard", "--demo", "--at", "2026-11-25T15:00:00Z", "--json")
        #expect(json.code == 0, "\(json.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        let screen = crmtop("snapshot", "--demo", "--at", "2026-11-25T15:00:00Z", "--size", "120x40")
        let lines = screen.out.split(separator: "\n").map(String.init)
        let top = try #require(lines.firstIndex { $0.contains("Leaderboard · this week") })
        for (i, row) in rows.prefix(5).enumerated() {
            let line = lines[top + 2 + i]
            let name = try #require(row["name"] as? String)
            #expect(line.contains(name), "row \(i): \(line)")
            #expect(line.contains("\(row["rank"] as? Int ?? -1)."), "rank of \(name): \(line)")
            #expect(line.contains(" \(row["points"] as? Int ?? -1) "), "points of \(name): \(line)")
        }
    }

    @Test func reminderListOrderIsTheScreensOrder() throws {
        let json = crmtop("reminder", "list", "--demo", "--at", "2026-11-23T10:00:00Z", "--json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        let screen = crmtop("snapshot", "--demo", "--at", "2026-11-23T10:00:00Z", "--size", "160x60").out
        let lines = screen.split(separator: "\n").map(String.init)
        let rows = list.compactMap { $0["title"] as? String }.map { title in
            lines.firstIndex { $0.contains(String(title.prefix(20))) } ?? -1
        }
        #expect(!rows.contains(-1))
        #expect(rows == rows.sorted())
    }
}

@Suite struct ReadmeSnapshotTests {
    /// The README shows a real frame; this keeps it the frame crmtop draws today.
    @Test func theReadmeSnapshotIsCurrent() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md")
        var text = try String(contentsOf: readme, encoding: .utf8)
        let command = "crmtop snapshot --demo --at 2026-11-23T10:00:00Z --size 100x30"
        let run = crmtop("snapshot", "--demo", "--at", "2026-11-23T10:00:00Z", "--size", "100x30")
        let block = "\n`\(command)`:\n\n```text\n" + run.out + "```\n"
        let start = try #require(text.range(of: "<!-- snapshot:start -->"))
        let end = try #require(text.range(of: "<!-- snapshot:end -->"))
        if ProcessInfo.processInfo.environment["CRMTOP_UPDATE_GOLDENS"] == "1" {
            text.replaceSubrange(start.upperBound..<end.lowerBound, with: block)
            try text.write(to: readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(text[start.upperBound..<end.lowerBound]) == block)
    }
}
