import CRMCLI
import Foundation
import Testing

/// Contests from the command line, on the demo (Monday 23 November 2026, 10:00).
@Suite struct ContestCommandTests {
    private func sprint(_ dir: DemoDirectory) -> Run {
        dir.run(["contest", "add", "sprint", "--name", "December call sprint", "--kpi", "calls",
                 "--from", "2026-11-23", "--to", "2026-12-18", "--team", "sales", "--prize", "Dinner for two"])
    }

    private func points(_ dir: DemoDirectory, _ person: String, at: String = demoNow) throws -> Int? {
        let rows = try objects(dir.run(["leaderboard", "--contest", "sprint", "--json"], at: at))
        return rows.first { $0["person"] as? String == person }?["points"] as? Int
    }

    @Test func aContestIsAddedListedScoredAndEnded() throws {
        let dir = try DemoDirectory()
        let add = sprint(dir)
        #expect(add.code == 0, "\(add.err)")
        #expect(add.out == "sprint\n")
        // Through the journal, so every process on the directory sees it.
        let journal = try String(contentsOf: dir.url.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        #expect(journal.contains(#""op":"contest.add""#))

        let list = dir.run(["contest", "list"])
        #expect(list.code == 0, "\(list.err)")
        for text in ["sprint", "December call sprint", "calls", "Mon 23 Nov 2026 – Fri 18 Dec 2026", "team sales",
                     "Dinner for two", "running"] {
            #expect(list.out.contains(text), "\(text): \(list.out)")
        }
        let record = try #require(try objects(dir.run(["contest", "list", "--json"])).first)
        #expect(record["id"] as? String == "sprint" && record["kpis"] as? [String] == ["calls"])
        #expect(record["from"] as? String == "2026-11-23" && record["to"] as? String == "2026-12-18")
        #expect(record["teams"] as? [String] == ["sales"] && record["prize"] as? String == "Dinner for two")
        #expect(record["state"] as? String == "running" && record["ended"] is NSNull)

        let rows = try objects(dir.run(["leaderboard", "--contest", "sprint", "--json"]))
        #expect(Set(rows.compactMap { $0["person"] as? String }) == ["maria", "jonas", "aisha", "kenji"])
        for row in rows {
            let kpis = try #require(row["kpis"] as? [[String: Any]])
            #expect(kpis.map { $0["kpi"] as? String } == ["calls"])
            #expect(row["points"] as? Int == 2 * (kpis[0]["count"] as? Int ?? -1))
            #expect(row["attainment"] is NSNull && row["previous_rank"] is NSNull)
        }
        let text = dir.run(["leaderboard", "--contest", "sprint"])
        #expect(text.out.hasPrefix("Contest · December call sprint · calls · Mon 23 Nov 2026 – Fri 18 Dec 2026 · running\n"
                                   + "Prize: Dinner for two\n"), "\(text.out)")
        #expect(text.out.contains("Kenji Watanabe") && !text.out.contains("Lucas Moreau"))
        let teams = try objects(dir.run(["leaderboard", "--contest", "sprint", "--teams", "--json"]))
        #expect(teams.map { $0["team"] as? String } == ["sales"])

        let before = try #require(try points(dir, "kenji"))
        #expect(dir.run(["log", "calls", "--count", "3"], user: "kenji").code == 0)
        #expect(try points(dir, "kenji") == before + 6)

        let end = dir.run(["contest", "end", "sprint", "--at", "2026-11-23T12:00:00+01:00"])
        #expect(end.code == 0, "\(end.err)")
        #expect(end.out.contains("sprint ended"), "\(end.out)")
        #expect(dir.run(["log", "calls", "--count", "4", "--at", "2026-11-23T13:00:00+01:00"], user: "kenji").code == 0)
        #expect(try points(dir, "kenji", at: "2026-11-23T14:00:00+01:00") == before + 6)
        #expect(dir.run(["contest", "list"], at: "2026-11-23T14:00:00+01:00").out.contains("over"))
        #expect(dir.run(["check"]).code == 0)
    }

    @Test(arguments: [
        (["contest", "add", "x", "--kpi", "demos", "--from", "2026-12-01", "--to", "2026-12-02", "--team", "sales"],
         Int32(1), "no KPI demos (KPIs: calls, appointments"),
        (["contest", "add", "x", "--kpi", "calls", "--from", "2026-12-01", "--to", "2026-12-02", "--team", "legal"],
         1, "no team \"legal\" (teams: sales, support)"),
        (["contest", "add", "x", "--kpi", "calls", "--from", "2026-12-01", "--to", "2026-12-02", "--person", "zed"],
         1, "--person: no person zed"),
        (["contest", "add", "x", "--kpi", "calls", "--from", "2026-12-03", "--to", "2026-12-02", "--team", "sales"],
         2, "--to: 2026-12-02 is before --from 2026-12-03"),
        (["contest", "add", "x", "--kpi", "calls", "--from", "December", "--to", "2026-12-02", "--team", "sales"],
         2, "--from: \"December\" is not a date like 2026-12-01"),
        (["contest", "add", "x", "--kpi", "calls", "--from", "2026-12-01", "--to", "2026-12-02"],
         2, "who takes part: give --person or --team"),
        (["contest", "add", "x", "--from", "2026-12-01", "--to", "2026-12-02", "--team", "sales"], 2, "--kpi"),
        (["contest", "add", "x", "--kpi", "calls", "--from", "2026-12-01", "--to", "2026-12-02", "--team", "sales",
          "--prize", String(repeating: "€", count: 1001)], 1, "contest x: prize is too long"),
        (["contest", "end", "nope"], 1, "no contest nope"),
        (["leaderboard", "--contest", "nope"], 1, "no contest nope"),
    ] as [([String], Int32, String)])
    func refusalsNameWhatIsWrongAndChangeNothing(args: [String], code: Int32, mentions: String) throws {
        let dir = try DemoDirectory()
        let before = try Data(contentsOf: dir.url.appendingPathComponent("settings.json"))
        let run = dir.run(args)
        #expect(run.code == code, "\(run.err)")
        #expect(run.err.contains(mentions), "\(run.err)")
        #expect(try Data(contentsOf: dir.url.appendingPathComponent("settings.json")) == before)
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("journal.jsonl").path))
    }

    @Test func aContestIsRefusedTwiceAndEndedOnce() throws {
        let dir = try DemoDirectory()
        #expect(sprint(dir).code == 0)
        let again = sprint(dir)
        #expect(again.code == 1 && again.err.contains("there is already a contest sprint"), "\(again.err)")
        #expect(dir.run(["contest", "end", "sprint"]).code == 0)
        let twice = dir.run(["contest", "end", "sprint"])
        #expect(twice.code == 1 && twice.err.contains("contest sprint is already over"), "\(twice.err)")
        let period = dir.run(["leaderboard", "--contest", "sprint", "--period", "month"])
        #expect(period.code == 2 && period.err.contains("--period and --contest"), "\(period.err)")
    }
}
