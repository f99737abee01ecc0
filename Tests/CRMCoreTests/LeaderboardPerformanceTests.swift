import Foundation
import Testing
@testable import CRMCore

@Suite("Leaderboard performance")
struct LeaderboardPerformanceTests {
    /// Two years of sixty people logging, in time order but for some entries made late.
    @Test func aMillionActivities() throws {
        let people = (0..<60).map { Person(id: "p\($0)", name: "P \($0)", role: "sales-rep", team: "t\($0 % 6)") }
        let end = wednesday.timeIntervalSince1970
        let span = 2 * 365 * 86_400.0
        var rng = SplitMix64(seed: 7)
        var activities: [Activity] = []
        activities.reserveCapacity(1_000_000)
        for n in 0..<1_000_000 {
            var t = end - span + span * Double(n) / 1_000_000
            if n % 50 == 0 { t -= Double(rng.int(0...86_400 * 3)) }
            activities.append(Activity(person: people[n % 60].id, kpi: n % 5 == 0 ? "appointments" : "calls",
                                       count: 1 + n % 3, at: Date(timeIntervalSince1970: t)))
        }
        var data = board(activities)
        data.people = people

        // How long it takes is `crmtop bench`'s to say (about 0.2 s in a release build).
        let rows = Leaderboard.rows(data, period: .year, now: wednesday)
        #expect(rows.count == 60)

        // The same calls, tallied the plain way: each day's total, capped.
        let year = PeriodRange.range(of: .year, containing: wednesday, timeZone: berlin.timeZone)
        var perDay: [LocalDate: Int] = [:]
        for a in activities where a.person == "p0" && a.kpi == "calls" && year.contains(a.at) && a.at <= wednesday {
            perDay[PeriodMath.localDate(of: a.at, in: berlin), default: 0] += a.count
        }
        let calls = try #require(rows.first { $0.person == "p0" }?.kpis.first { $0.kpi == "calls" })
        #expect(calls.count == perDay.values.reduce(0) { $0 + min(20, $1) })
    }
}
