import Foundation
import Testing
@testable import CRMCore

/// An activity on the first moment of the period and one on the last moment before it.
struct EdgeRow: Sendable, CustomTestStringConvertible {
    var why: String
    var period: Period
    var weekStart = 1
    var now: String
    var first: String
    var before: String

    var testDescription: String { why }
}

private func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

@Suite struct LeaderboardPeriodTests {
    static let edges: [EdgeRow] = [
        EdgeRow(why: "week from Monday", period: .week, now: "2026-11-22T23:59:59+01:00",
                first: "2026-11-16T00:00:00+01:00", before: "2026-11-15T23:59:59+01:00"),
        EdgeRow(why: "week from Sunday, on Saturday", period: .week, weekStart: 7, now: "2026-11-21T23:59:00+01:00",
                first: "2026-11-15T00:00:00+01:00", before: "2026-11-14T23:59:59+01:00"),
        EdgeRow(why: "week from Sunday, at its start", period: .week, weekStart: 7, now: "2026-11-22T00:00:00+01:00",
                first: "2026-11-22T00:00:00+01:00", before: "2026-11-21T23:59:59+01:00"),
        EdgeRow(why: "week across the end of summer time", period: .week, now: "2026-10-25T23:00:00+01:00",
                first: "2026-10-19T00:00:00+02:00", before: "2026-10-18T23:59:59+02:00"),
        EdgeRow(why: "day of 23 hours", period: .day, now: "2026-03-29T23:59:00+02:00",
                first: "2026-03-29T00:00:00+01:00", before: "2026-03-28T23:59:59+01:00"),
        EdgeRow(why: "month end", period: .month, now: "2026-11-30T23:59:59+01:00",
                first: "2026-11-01T00:00:00+01:00", before: "2026-10-31T23:59:59+01:00"),
        EdgeRow(why: "leap February", period: .month, now: "2028-02-29T23:59:59+01:00",
                first: "2028-02-01T00:00:00+01:00", before: "2028-01-31T23:59:59+01:00"),
        EdgeRow(why: "quarter end", period: .quarter, now: "2026-12-31T23:59:59+01:00",
                first: "2026-10-01T00:00:00+02:00", before: "2026-09-30T23:59:59+02:00"),
        EdgeRow(why: "quarter start across the year", period: .quarter, now: "2026-01-01T00:00:00+01:00",
                first: "2026-01-01T00:00:00+01:00", before: "2025-12-31T23:59:59+01:00"),
        EdgeRow(why: "year end", period: .year, now: "2026-12-31T23:59:59+01:00",
                first: "2026-01-01T00:00:00+01:00", before: "2025-12-31T23:59:59+01:00"),
    ]

    @Test(arguments: edges)
    func activitiesCountInThePeriodTheyFallIn(_ e: EdgeRow) throws {
        let data = board([log("ana", "calls", 1, at(e.first)), log("ana", "calls", 3, at(e.before))],
                         leaderboard: LeaderboardSettings(weekStart: e.weekStart))
        func calls(_ now: String) -> Int? {
            row("ana", data, period: e.period, now: at(now))?.kpis.first { $0.kpi == "calls" }?.count
        }
        #expect(calls(e.now) == 1)
        #expect(calls(e.before) == 3)
        let ranked = try #require(row("ana", data, period: e.period, now: at(e.now)))
        #expect(ranked.rank == 1 && ranked.previousRank == 1)
    }

    @Test func aStreakLongerThanTheFirstLookIsFollowedBack() throws {
        let cal = berlin
        let hours = (1...5).map { OpenRange(weekday: $0, startMinute: 540, endMinute: 1020) }
        let calendar = BusinessCalendar(name: "default", zone: "Europe/Berlin", hours: hours)
        var days: [LocalDate] = []
        var d = day("2026-11-17")
        while days.count < 300 {
            if PeriodMath.isWorkingDay(d, in: calendar) { days.append(d) }
            d = PeriodMath.adding(days: -1, to: d)
        }
        let activities = days.map { log("ana", "calls", 10, PeriodMath.at($0, minute: 600, in: cal)) }
        #expect(row("ana", board(activities))?.streak == 300)
        // Reading further back must not read past a gap: one missed day ends it there.
        let gap = activities.filter { $0.at != PeriodMath.at(days[200], minute: 600, in: cal) }
        #expect(row("ana", board(gap))?.streak == 200)
    }

    @Test func theOrderActivitiesAreStoredInDoesNotMatter() {
        var rng = SystemRandomNumberGenerator()
        let people = ["ana", "ben", "wong"]
        let activities = (0..<3000).map { n in
            log(people[n % 3], n % 4 == 0 ? "appointments" : "calls", 1 + n % 3,
                nov(1 + n % 18, 9 + n % 8, n % 60))
        }
        for period in Period.allCases {
            let sorted = Leaderboard.board(board(activities), period: period, now: wednesday)
            let shuffled = Leaderboard.board(board(activities.shuffled(using: &rng)), period: period, now: wednesday)
            #expect(sorted == shuffled, "\(period)")
        }
    }
}
