import CRMCLI
import Foundation
import Testing

/// `crmtop wall set` keeps whose reminders every wall shows; `--team` overrides it for one run.
@Suite struct WallSetCommandTests {
    static func wallSnapshot(_ dir: DemoDirectory, _ extra: [String] = []) -> Run {
        dir.run(["snapshot", "--wall", "--size", "160x48"] + extra)
    }

    @Test func aTeamSetForTheWallNarrowsItsRemindersUntilSetBackToEveryone() throws {
        let dir = try DemoDirectory()
        #expect(Self.wallSnapshot(dir).out.contains("Reminders due · 9"))
        let set = dir.run(["wall", "set", "support"])
        #expect(set.code == 0, "\(set.err)")
        #expect(set.out == "Wall displays show team support's due reminders.\n")
        #expect(Self.wallSnapshot(dir).out.contains("Reminders due · Support · 1"))
        // One run may show another team without changing what is kept.
        #expect(Self.wallSnapshot(dir, ["--team", "sales"]).out.contains("Reminders due · Sales · 8"))
        #expect(Self.wallSnapshot(dir).out.contains("Reminders due · Support · 1"))
        let back = dir.run(["wall", "set", "--everyone", "--json"])
        #expect(back.code == 0, "\(back.err)")
        #expect(try object(back)["team"] is NSNull)
        #expect(Self.wallSnapshot(dir).out.contains("Reminders due · 9"))
        #expect(dir.run(["check"]).code == 0)
    }

    @Test func anUnknownTeamIsRefusedWithTheTeamsThereAre() throws {
        let dir = try DemoDirectory()
        let settings = try Data(contentsOf: dir.url.appendingPathComponent("settings.json"))
        let set = dir.run(["wall", "set", "marketing"])
        #expect(set.code == 1)
        #expect(set.err == "crmtop: no team \"marketing\" (teams: sales, support)\n")
        #expect(try Data(contentsOf: dir.url.appendingPathComponent("settings.json")) == settings)
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("journal.jsonl").path))
        let snapshot = Self.wallSnapshot(dir, ["--team", "marketing"])
        #expect(snapshot.code == 1 && snapshot.err.contains("no team \"marketing\""))
        // Refused before the terminal is asked for, so the reason reads plainly.
        let wall = crmtop("wall", "--demo", "--team", "marketing", env: ["TERM": ""])
        #expect(wall.code == 1 && wall.err.contains("no team \"marketing\""), "\(wall.err)")
    }

    @Test(arguments: [(["wall", "set"], "give a team"), (["wall", "set", "sales", "--everyone"], "exclude each other"),
                      (["snapshot", "--team", "sales"], "--team needs --wall")])
    func usageErrors(args: [String], mentions: String) throws {
        let dir = try DemoDirectory()
        let run = dir.run(args)
        #expect(run.code == 2)
        #expect(run.err.contains(mentions), "\(run.err)")
    }
}
