import CRMCLI
import Foundation
import Testing

/// `crmtop leaderboard set` changes the leaderboard's settings without editing settings.json.
@Suite struct LeaderboardSetCommandTests {
    @Test func theSettingsAreKeptAndTheBoardFollowsThem() throws {
        let dir = try DemoDirectory()
        let set = dir.run(["leaderboard", "set", "--top-n", "3", "--week-start", "sunday", "--goal-bonus", "25",
                           "--team-score", "average"])
        #expect(set.code == 0, "\(set.err)")
        #expect(set.out == "Leaderboard: top 3 on shared screens, weeks start on Sunday, 25 points a goal, "
                + "teams score the average of their members.\n")
        let top = try objects(dir.run(["leaderboard", "--json", "--user", "tomasz"]))
        #expect(!top.isEmpty && top.allSatisfy { ($0["rank"] as? Int ?? 99) <= 3 }, "\(top)")
        // Monday 23 November: a week that starts on Sunday began the day before.
        #expect(dir.run(["leaderboard"]).out.hasPrefix("Leaderboard · week · Sun 22 Nov 2026 – Sat 28 Nov 2026\n"))

        let json = dir.run(["leaderboard", "set", "--top-n", "all", "--json"])
        #expect(json.code == 0, "\(json.err)")
        let settings = try object(json)
        #expect(settings["top_n"] is NSNull && settings["week_start"] as? String == "sunday")
        #expect(settings["goal_bonus"] as? Int == 25 && settings["team_score"] as? String == "average")
        let file = try String(contentsOf: dir.url.appendingPathComponent("settings.json"), encoding: .utf8)
        #expect(!file.contains("\"top_n\": 3"))
        #expect(try objects(dir.run(["leaderboard", "--json", "--user", "tomasz"])).count > top.count)
        // Only the leaderboard changed: the calendar and the rest stay as they were.
        #expect(dir.run(["calendar", "show"]).out.contains("Europe/Berlin"))
        #expect(dir.run(["check"]).code == 0)
    }

    @Test(arguments: [
        (["leaderboard", "set"], "give at least one of --top-n, --week-start, --goal-bonus, --team-score"),
        (["leaderboard", "set", "--top-n", "0"], "--top-n: \"0\" is not a number from 1 up, or all"),
        (["leaderboard", "set", "--top-n", "ten"], "--top-n: \"ten\" is not a number from 1 up, or all"),
        (["leaderboard", "set", "--week-start", "funday"],
         "--week-start: \"funday\" is not one of monday, tuesday, wednesday, thursday, friday, saturday, sunday"),
        (["leaderboard", "set", "--goal-bonus", "-5"], "--goal-bonus: -5 is negative; a goal reached adds 0 or more points"),
        (["leaderboard", "set", "--team-score", "median"], "--team-score: \"median\" is not one of sum, average"),
    ] as [([String], String)])
    func refusalsNameTheOptionAndChangeNothing(args: [String], mentions: String) throws {
        let dir = try DemoDirectory()
        let before = try Data(contentsOf: dir.url.appendingPathComponent("settings.json"))
        let run = dir.run(args)
        #expect(run.code == 2)
        #expect(run.err.contains(mentions), "\(run.err)")
        #expect(try Data(contentsOf: dir.url.appendingPathComponent("settings.json")) == before)
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("journal.jsonl").path))
    }
}
