import CRMCLI
import Foundation
import Testing

/// In the demo, work done in crmtop itself shows on the board without anyone logging it.
@Suite struct DemoDerivedKPITests {
    private func lucas(_ dir: DemoDirectory) throws -> (points: Int, resolved: Int) {
        let rows = try objects(dir.run(["leaderboard", "--json", "--user", "lucas"]))
        let row = try #require(rows.first { $0["person"] as? String == "lucas" })
        let resolved = (row["kpis"] as? [[String: Any]])?.first { $0["kpi"] as? String == "cases-resolved" }
        return (try #require(row["points"] as? Int), resolved?["count"] as? Int ?? 0)
    }

    @Test func resolvingADemoCaseMovesItsOwnersPoints() throws {
        let dir = try DemoDirectory()
        let kpis = try objects(dir.run(["kpi", "list", "--json"]))
        let resolvedKPI = try #require(kpis.first { $0["id"] as? String == "cases-resolved" })
        #expect(resolvedKPI["derived"] as? Bool == true)
        let points = try #require(resolvedKPI["points"] as? Int)
        #expect(points > 0)

        let before = try lucas(dir)
        let resolve = dir.run(["case", "resolve", "C-2001"], user: "lucas")
        #expect(resolve.code == 0, "\(resolve.err)")
        let after = try lucas(dir)
        #expect(after.resolved == before.resolved + 1)
        #expect(after.points == before.points + points)
    }
}
