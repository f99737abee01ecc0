import Foundation
import Testing
@testable import CRMCore

struct AwayRow: Sendable, CustomTestStringConvertible {
    var why: String
    var period: Period
    var now: Date
    var away: [DateRange]
    var holidays: [LocalDate] = []
    /// Ana's goals for calls and appointments; nil when she is not on the board at all.
    var goals: [Int?]?

    var testDescription: String { why }
}

private func away(_ from: String, _ to: String) -> DateRange { DateRange(from: day(from), to: day(to)) }

@Suite struct LeaderboardAwayTests {
    static let rows: [AwayRow] = [
        AwayRow(why: "present all week", period: .week, now: wednesday, away: [], goals: [50, 5]),
        AwayRow(why: "away Monday and Tuesday", period: .week, now: wednesday,
                away: [away("2026-11-16", "2026-11-17")], goals: [30, 3]),
        AwayRow(why: "away Friday", period: .week, now: wednesday,
                away: [away("2026-11-20", "2026-11-20")], goals: [40, 4]),
        AwayRow(why: "away only at the weekend", period: .week, now: wednesday,
                away: [away("2026-11-21", "2026-11-22")], goals: [50, 5]),
        AwayRow(why: "a holiday is not a day away", period: .week, now: wednesday,
                away: [away("2026-11-19", "2026-11-20")], holidays: [day("2026-11-20")], goals: [30, 4]),
        AwayRow(why: "absence across the week's edges", period: .week, now: wednesday,
                away: [away("2026-11-12", "2026-11-16"), away("2026-11-20", "2026-11-30")], goals: [30, 3]),
        AwayRow(why: "away the whole week: off the board", period: .week, now: wednesday,
                away: [away("2026-11-09", "2026-11-27")], goals: nil),
        AwayRow(why: "away today: no daily goal", period: .day, now: wednesday,
                away: [away("2026-11-18", "2026-11-18")], goals: nil),
        AwayRow(why: "a week away in a month of 21 working days", period: .month, now: wednesday,
                away: [away("2026-11-16", "2026-11-20")], goals: [160, nil]),
    ]

    @Test(arguments: rows)
    func goalsAreProRatedForWorkingDaysAway(_ r: AwayRow) {
        let data = board([], holidays: r.holidays, away: ["ana": r.away])
        #expect(row("ana", data, period: r.period, now: r.now)?.kpis.map(\.goal) == r.goals)
    }

    @Test func aProRatedGoalEarnsTheBonusAndFullAttainment() throws {
        let data = board([log("ana", "appointments", 3, nov(18, 10))],
                         away: ["ana": [away("2026-11-16", "2026-11-17")]])
        let ana = try #require(row("ana", data))
        #expect(ana.kpis[1] == KPIProgress(kpi: "appointments", count: 3, goal: 3, attainment: 1))
        #expect(ana.points == 3 * 10 + 50)
    }

    @Test func someoneAwayAllWeekStillShowsWhatTheyLogged() throws {
        let data = board([log("ana", "calls", 4, nov(16))], away: ["ana": [away("2026-11-16", "2026-11-20")]])
        let ana = try #require(row("ana", data))
        #expect(ana.kpis == [KPIProgress(kpi: "calls", count: 4), KPIProgress(kpi: "appointments", count: 0)])
        #expect(ana.points == 8)
    }

    @Test(arguments: [
        ([DateRange](), 1),  // Monday was missed
        ([away("2026-11-16", "2026-11-16")], 4),  // Wed, Thu, Fri, (weekend), (away), Tue
        ([away("2026-11-10", "2026-11-16")], 1),  // what was logged while away does not count either
    ] as [([DateRange], Int)])
    func daysAwayDoNotBreakAStreak(away: [DateRange], streak: Int) {
        let met = [nov(11), nov(12), nov(13), nov(17)].map { log("ana", "calls", 10, $0) }
        let data = board(met + [log("ana", "calls", 3, nov(10))], away: ["ana": away])
        #expect(row("ana", data)?.streak == streak)
    }
}
