import CRMCLI
import Foundation
import Testing

/// A lead without goals and an agent with a capped daily goal, who went over the cap once.
private func cappedWeek() throws -> URL {
    let dir = try temporaryDirectory()
    let d = dir.path
    let setup = [
        crmtop("person", "add", "jo", "--name", "Jo Martin", "--role", "lead", "--team", "support", "--create-team", "--data", d),
        crmtop("person", "add", "lea", "--name", "Lea Park", "--role", "agent", "--team", "support", "--data", d),
        crmtop("kpi", "add", "calls", "--name", "Calls", "--points", "2", "--goal", "agent=10/day",
               "--cap", "20/day", "--data", d),
        crmtop("log", "calls", "--count", "25", "--user", "lea", "--data", d, "--at", "2026-11-23T10:00:00Z"),
        crmtop("log", "calls", "--count", "4", "--user", "lea", "--data", d, "--at", "2026-11-24T10:00:00Z"),
        crmtop("log", "calls", "--count", "3", "--user", "jo", "--data", d, "--at", "2026-11-24T10:00:00Z"),
    ]
    #expect(setup.allSatisfy { $0.code == 0 }, "\(setup.map(\.err))")
    return dir
}

@Suite struct LeaderboardCountsCLITests {
    @Test func jsonGivesWhatWasLoggedAndWhatCountedAndNoProgressWithoutAGoal() throws {
        let dir = try cappedWeek()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = crmtop("leaderboard", "--json", "--at", "2026-11-25T15:00:00Z", "--data", dir.path)
        let rows = try objects(run)
        let lea = try #require(rows.first { $0["person"] as? String == "lea" })
        let calls = try #require((lea["kpis"] as? [[String: Any]])?.first)
        #expect(calls["count"] as? Int == 24, "count stays what counted, as before")
        #expect(calls["counted"] as? Int == 24 && calls["logged"] as? Int == 29)
        #expect(lea["attainment"] as? Double != nil)
        let jo = try #require(rows.first { $0["person"] as? String == "jo" })
        #expect(jo["attainment"] is NSNull, "\(jo)")
        let joCalls = try #require((jo["kpis"] as? [[String: Any]])?.first)
        #expect(joCalls["goal"] is NSNull && joCalls["attainment"] is NSNull)
        #expect(joCalls["logged"] as? Int == 3 && joCalls["counted"] as? Int == 3)
    }

    @Test func theTableShowsWhereTheCapBitAndNoPercentageWithoutAGoal() throws {
        let dir = try cappedWeek()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = crmtop("leaderboard", "--at", "2026-11-25T15:00:00Z", "--data", dir.path)
        #expect(run.code == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n").map(String.init)
        let lea = try #require(lines.first { $0.contains("Lea Park") })
        #expect(lea.contains("calls 24/29 capped"), "\(run.out)")
        let jo = try #require(lines.first { $0.contains("Jo Martin") })
        #expect(jo.contains("—") && !jo.contains("%") && !jo.contains("capped"), "\(run.out)")
    }
}
