import CRMCLI
import Foundation
import Testing

/// A data directory with two agents, their lead and a calls KPI, and what ran to make it.
private func team() throws -> (dir: URL, runs: [Run]) {
    let dir = try temporaryDirectory()
    let d = dir.path
    let runs = [
        crmtop("person", "add", "jo", "--name", "Jo Martin", "--role", "lead", "--team", "support", "--create-team", "--data", d),
        crmtop("person", "add", "lea", "--name", "Lea Park", "--role", "agent", "--team", "support",
               "--manager", "jo", "--data", d),
        crmtop("person", "add", "max", "--role", "agent", "--team", "sales", "--create-team", "--data", d),
        crmtop("kpi", "add", "calls", "--name", "Calls", "--unit", "calls", "--points", "2",
               "--goal", "agent=10/day", "--cap", "20/day", "--data", d),
    ]
    return (dir, runs)
}

private func json(_ run: Run) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(run.out.utf8))
}

private let wednesday = "2026-11-25T15:00:00Z"

@Suite struct LeaderboardCLITests {
    @Test func loggedActivityShowsOnTheBoardInTheContractsShape() throws {
        let (dir, runs) = try team()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(runs.allSatisfy { $0.code == 0 }, "\(runs.map(\.err))")
        let d = dir.path
        #expect(crmtop("log", "calls", "--count", "12", "--user", "lea", "--data", d, "--at", "2026-11-24T10:00:00Z").code == 0)
        let logged = crmtop("--data", d, "--at", "2026-11-25T09:00:00Z", "log", "calls", "--person", "max",
                            "--count", "3", "--note", "cold calls", "--json")
        #expect(logged.code == 0, "\(logged.err)")
        let activity = try #require(try json(logged) as? [String: Any])
        #expect(activity["person"] as? String == "max" && activity["count"] as? Int == 3)
        #expect(activity["note"] as? String == "cold calls" && activity["at"] as? String == "2026-11-25T09:00:00+00:00")

        let board = crmtop("leaderboard", "--json", "--at", wednesday, "--data", d, "--user", "jo")
        #expect(board.code == 0, "\(board.err)")
        let rows = try #require(try json(board) as? [[String: Any]])
        #expect(rows.map { $0["person"] as? String } == ["lea", "max"])
        let lea = rows[0]
        for field in ["rank", "previous_rank", "person", "team", "points", "kpis", "streak"] {
            #expect(lea.keys.contains(field), "\(field)")
        }
        #expect(lea["rank"] as? Int == 1 && lea["points"] as? Int == 24 && lea["team"] as? String == "support")
        // Nothing was logged the week before: no previous place (null), not a shared last one.
        #expect(lea["previous_rank"] is NSNull && lea["streak"] as? Int == 1)
        let kpi = try #require((lea["kpis"] as? [[String: Any]])?.first)
        #expect(kpi["kpi"] as? String == "calls" && kpi["count"] as? Int == 12)
        // Without a calendar every day is a working day: 10 a day for seven days.
        #expect(kpi["goal"] as? Int == 70 && kpi["attainment"] as? Double == 0.1714)
    }

    @Test func theTextTableNamesThePeriodAndKeepsYourOwnRowOutsideTheTop() throws {
        let (dir, _) = try team()
        defer { try? FileManager.default.removeItem(at: dir) }
        let d = dir.path
        _ = crmtop("log", "calls", "--count", "5", "--user", "lea", "--data", d, "--at", "2026-11-24T10:00:00Z")
        let all = crmtop("leaderboard", "--at", wednesday, "--data", d, "--user", "max")
        #expect(all.code == 0, "\(all.err)")
        #expect(all.out.hasPrefix("Leaderboard · week · Mon 23 Nov 2026 – Sun 29 Nov 2026\n"))
        #expect(all.out.contains("Lea Park") && all.out.contains("max"))

        _ = crmtop("log", "calls", "--count", "2", "--user", "jo", "--data", d, "--at", "2026-11-24T10:00:00Z")
        let top = crmtop("leaderboard", "--top", "1", "--at", wednesday, "--data", d, "--user", "max")
        let lines = top.out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.count == 5 && lines[2].contains("Lea Park") && lines[3] == "…" && lines[4].contains("max"))
        #expect(!top.out.contains("Jo Martin"))
        let mine = crmtop("leaderboard", "--top", "0", "--at", wednesday, "--data", d, "--user", "max", "--json")
        #expect((try json(mine) as? [[String: Any]])?.map { $0["person"] as? String } == ["max"])

        let month = crmtop("leaderboard", "--period", "month", "--at", wednesday, "--data", d, "--user", "max")
        #expect(month.out.hasPrefix("Leaderboard · month · Sun 1 Nov 2026 – Mon 30 Nov 2026\n"))
        let day = crmtop("leaderboard", "--period", "day", "--at", wednesday, "--data", d)
        #expect(day.out.hasPrefix("Leaderboard · day · Wed 25 Nov 2026\n"))
    }

    @Test func teamsAreRankedWithTheirMembers() throws {
        let (dir, _) = try team()
        defer { try? FileManager.default.removeItem(at: dir) }
        let d = dir.path
        _ = crmtop("log", "calls", "--count", "5", "--user", "max", "--data", d, "--at", "2026-11-24T10:00:00Z")
        let run = crmtop("leaderboard", "--teams", "--json", "--at", wednesday, "--data", d)
        #expect(run.code == 0, "\(run.err)")
        let rows = try #require(try json(run) as? [[String: Any]])
        #expect(rows.map { $0["team"] as? String } == ["sales", "support"])
        #expect(rows.map { $0["points"] as? Int } == [10, 0])
        #expect(rows.map { $0["members"] as? Int } == [1, 1])
        #expect(rows.map { $0["rank"] as? Int } == [1, 2])
    }

    @Test func peopleAndKPIsAreListedAndAbsencesKept() throws {
        let (dir, _) = try team()
        defer { try? FileManager.default.removeItem(at: dir) }
        let d = dir.path
        let away = crmtop("person", "away", "lea", "--from", "2026-12-21", "--to", "2027-01-02", "--data", d)
        #expect(away.code == 0, "\(away.err)")
        let people = try #require(try json(crmtop("person", "list", "--json", "--data", d)) as? [[String: Any]])
        #expect(people.map { $0["id"] as? String } == ["jo", "lea", "max"])
        #expect(people[1]["away"] as? [[String: String]] == [["from": "2026-12-21", "to": "2027-01-02"]])
        #expect(people[1]["manager"] as? String == "jo" && people[2]["name"] as? String == "max")
        #expect(crmtop("person", "list", "--data", d).out.contains("2026-12-21–2027-01-02"))

        let derived = crmtop("kpi", "add", "cases-resolved", "--name", "Resolved", "--points", "5", "--data", d)
        #expect(derived.code == 0, "\(derived.err)")
        let kpis = try #require(try json(crmtop("kpi", "list", "--json", "--data", d)) as? [[String: Any]])
        #expect(kpis.map { $0["id"] as? String } == ["calls", "cases-resolved"])
        #expect(kpis.map { $0["derived"] as? Bool } == [false, true])
        let goal = try #require((kpis[0]["goals"] as? [[String: Any]])?.first)
        #expect(goal["role"] as? String == "agent" && goal["count"] as? Int == 10 && goal["period"] as? String == "day")
        #expect(kpis[0]["daily_cap"] as? Int == 20)
    }

    @Test(arguments: [
        (["log", "demos", "--user", "lea"], 1, "no KPI demos"),
        (["log", "calls", "--user", "ghost"], 1, "--user ghost: no such person; people are: jo, lea, max"),
        (["log", "calls", "--person", "ghost", "--user", "lea"], 1, "--person: no person ghost"),
        (["log", "cases-resolved", "--user", "lea"], 1, "cannot be logged"),
        (["log", "calls", "--user", "lea", "--count", "0"], 2, "--count"),
        (["person", "add", "lea", "--role", "agent"], 1, "already a person lea"),
        (["person", "add", "kim", "--role", "agent", "--manager", "zed"], 1, "no person zed"),
        (["person", "add", "kim"], 2, "--role"),
        (["person", "away", "zed", "--from", "2026-12-01", "--to", "2026-12-02"], 1, "no person zed"),
        (["person", "away", "lea", "--from", "2026-12-03", "--to", "2026-12-02"], 1, "after --to"),
        (["person", "away", "lea", "--from", "someday", "--to", "2026-12-02"], 2, "--from: cannot read \"someday\" as a day"),
        (["kpi", "add", "calls", "--name", "Calls", "--points", "1"], 1, "already a KPI calls"),
        (["kpi", "add", "x", "--name", "X", "--points", "1", "--goal", "agent=3/fortnight"], 2, "--goal"),
        (["kpi", "add", "x", "--name", "X", "--points", "1", "--goal", "agent"], 2, "--goal"),
        (["kpi", "add", "x", "--name", "X", "--points", "1", "--cap", "5/week"], 2, "--cap"),
        (["kpi", "add", "x", "--name", "X"], 2, "--points"),
        (["leaderboard", "--period", "fortnight"], 2, "--period"),
        (["leaderboard", "--top", "-1"], 2, "--top"),
    ] as [([String], Int32, String)])
    func refusalsNameWhatWasWrongAndChangeNothing(args: [String], code: Int32, mentions: String) throws {
        let (dir, _) = try team()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().map { name in
            try Data(contentsOf: dir.appendingPathComponent(name))
        } }
        let before = try files()
        let console = Console(environment: [:], capture: true)
        let exit = Console.$current.withValue(console) { CRMTop.run(arguments: args + ["--data", dir.path]) }
        #expect(exit == code)
        #expect(console.err.contains(mentions), "\(console.err)")
        #expect(try files() == before)
    }

    @Test func theDemoBoardScoresEveryoneWithAGoal() throws {
        let run = crmtop("leaderboard", "--demo", "--at", "2026-11-25T15:00:00Z", "--json")
        #expect(run.code == 0, "\(run.err)")
        let rows = try #require(try json(run) as? [[String: Any]])
        #expect(rows.count == 8)
        #expect(rows.allSatisfy { ($0["points"] as? Int ?? 0) > 0 })
        #expect(rows.map { $0["rank"] as? Int } == rows.map { $0["rank"] as? Int }.sorted { ($0 ?? 0) < ($1 ?? 0) })
    }
}
