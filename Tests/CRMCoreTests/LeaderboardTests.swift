import Foundation
import Testing
@testable import CRMCore

private func instant(_ text: String) throws -> Date {
    try #require(ISO8601DateFormatter().date(from: text))
}

@Suite struct LeaderboardTests {
    @Test func pointsCapEachDayAndAddABonusPerGoalReached() throws {
        let data = board([
            log("ana", "calls", 25, nov(16)),  // capped at 20
            log("ana", "calls", 12, nov(17)),
            log("ana", "appointments", 5, nov(17)),  // weekly goal of 5 reached
            log("ana", "calls", 10, nov(18, 10)),
            log("ana", "calls", 10, nov(18, 16)),  // after now
            log("ana", "calls", 10, nov(19, 10)),  // after now
            log("ana", "phantom", 99, nov(17)),  // not a KPI
        ])
        let ana = try #require(Leaderboard.rows(data, period: .week, now: wednesday)
            .first { $0.person == "ana" })
        #expect(ana.kpis == [
            KPIProgress(kpi: "calls", count: 42, logged: 47, goal: 50, attainment: 0.84),  // 5 over the cap
            KPIProgress(kpi: "appointments", count: 5, goal: 5, attainment: 1),
        ])
        #expect(ana.points == 42 * 2 + 5 * 10 + 50)
        #expect(abs((ana.attainment ?? 0) - 0.92) < 1e-9)
        #expect(ana.team == "sales")

        let today = try #require(Leaderboard.rows(data, period: .day, now: wednesday)
            .first { $0.person == "ana" })
        #expect(today.kpis == [KPIProgress(kpi: "calls", count: 10, goal: 10, attainment: 1),
                               KPIProgress(kpi: "appointments", count: 0)])
        #expect(today.points == 20 + 50 && today.attainment == 1)
    }

    @Test func attainmentIsUncappedPerKPIButCappedInTheMean() throws {
        let data = board([log("ben", "appointments", 10, nov(16))])
        let ben = try #require(Leaderboard.rows(data, period: .week, now: wednesday)
            .first { $0.person == "ben" })
        #expect(ben.kpis.map(\.attainment) == [0, 2])
        #expect(ben.attainment == 0.5)
    }

    @Test func tiesShareARankAndAreListedByName() {
        let data = board([
            log("ana", "calls", 15, nov(16)), log("ana", "calls", 15, nov(17)),  // 60
            log("wong", "calls", 10, nov(16)), log("wong", "appointments", 4, nov(17)),  // 60
            log("ben", "calls", 10, nov(16)),  // 20
        ])
        let rows = Leaderboard.rows(data, period: .week, now: wednesday)
        #expect(rows.map(\.person) == ["wong", "ana", "ben"])
        #expect(rows.map(\.rank) == [1, 1, 3])
        #expect(rows.map(\.points) == [60, 60, 20])
    }

    @Test func onlyPeopleWithAGoalOrActivityAreRanked() {
        let quiet = Leaderboard.rows(board([]), period: .week, now: wednesday)
        #expect(quiet.map(\.person) == ["wong", "ana", "ben"])
        #expect(quiet.allSatisfy { $0.rank == 1 && $0.points == 0 && $0.streak == 0 })

        let busy = board([log("hana", "calls", 3, nov(17)), log("dan", "calls", 1, nov(9))])
        let rows = Leaderboard.rows(busy, period: .week, now: wednesday)
        #expect(rows.map(\.person) == ["hana", "wong", "ana", "ben"])
        #expect(rows[0].kpis == [KPIProgress(kpi: "calls", count: 3)])
        #expect(rows[0].attainment == nil)  // no goal: no progress to show, which is not none
    }

    @Test func previousRankComesFromThePreviousPeriodOfTheSameKind() {
        let data = board([
            log("ana", "calls", 20, nov(10)), log("ana", "calls", 20, nov(11)),  // last week 80
            log("ben", "calls", 20, nov(12)),  // last week 40
            log("ben", "appointments", 6, nov(16)), log("ana", "calls", 5, nov(17)),
            log("dan", "calls", 4, nov(17)),  // only this week
        ])
        let rows = Leaderboard.rows(data, period: .week, now: wednesday)
        #expect(rows.map(\.person) == ["ben", "ana", "dan", "wong"])
        #expect(rows.map(\.rank) == [1, 2, 3, 4])
        // wong scored nothing last week, so had no place on it to move from.
        #expect(rows.map(\.previousRank) == [2, 1, nil, nil])

        let days = Leaderboard.rows(data, period: .day, now: nov(17, 18))
        #expect(days.first { $0.person == "ben" }?.previousRank == 1)
        #expect(days.first { $0.person == "ana" }?.previousRank == nil)  // nothing on Sunday
    }

    @Test(arguments: [
        (Period.week, wednesday, [LocalDate](), 50, 5),
        (.week, wednesday, [LocalDate(year: 2026, month: 11, day: 20)], 40, 5),
        (.day, wednesday, [], 10, nil),
        (.day, nov(21), [], nil, nil),  // a Saturday
        (.month, wednesday, [], 210, nil),
        (.quarter, wednesday, [], 660, nil),
    ] as [(Period, Date, [LocalDate], Int?, Int?)])
    func dailyGoalsScaleByWorkingDaysAndOtherGoalsApplyToTheirOwnPeriod(
        period: Period, now: Date, holidays: [LocalDate], calls: Int?, appointments: Int?
    ) throws {
        let data = board([], holidays: holidays)
        let ana = try #require(Leaderboard.rows(data, period: period, now: now)
            .first { $0.person == "ana" })
        #expect(ana.kpis.map(\.goal) == [calls, appointments])
    }

    @Test func streaksCountWorkingDaysOnWhichEveryDailyGoalWasMet() {
        let kpis = [
            KPI(id: "calls", name: "Calls", points: 2, dailyCap: 20,
                goals: [Goal(role: "sales-rep", count: 10, period: .day)]),
            KPI(id: "demos", name: "Demos", points: 5,
                goals: [Goal(role: "sales-rep", count: 2, period: .day)]),
        ]
        let days: [(Int, Int, Int)] = [(11, 9, 2), (12, 12, 2), (13, 10, 3), (16, 25, 2), (17, 15, 2)]
        var activities = days.flatMap { day, calls, demos in
            [log("ana", "calls", calls, nov(day)), log("ana", "demos", demos, nov(day))]
        }
        activities.append(log("ben", "calls", 30, nov(17)))  // calls alone are not enough
        let lead = Person(id: "lea", name: "Lea Park", role: "team-lead")
        activities.append(log("lea", "calls", 30, nov(17)))  // no daily goals, no streak
        func streak(_ who: String, _ data: DataSet, now: Date = wednesday) -> Int? {
            Leaderboard.rows(data, period: .week, now: now).first { $0.person == who }?.streak
        }

        let data = board(activities, kpis: kpis, extraPeople: [lead])
        // Thu, Fri, (weekend), Mon, Tue; today is not met yet and does not break it.
        #expect(streak("ana", data) == 4)
        #expect(streak("ben", data) == 0 && streak("lea", data) == 0 && streak("wong", data) == 0)

        let metToday = board(activities + [log("ana", "calls", 10, nov(18, 10)),
                                           log("ana", "demos", 2, nov(18, 11))], kpis: kpis)
        #expect(streak("ana", metToday) == 5)

        // A holiday without activity is skipped rather than breaking the run.
        let friday = LocalDate(year: 2026, month: 11, day: 13)
        let holiday = board(activities.filter { berlin.component(.day, from: $0.at) != 13 },
                            kpis: kpis, holidays: [friday])
        #expect(streak("ana", holiday) == 3)

        // Early in the day nothing is logged yet; once yesterday is missed the run is over.
        #expect(streak("ana", data, now: nov(18, 8)) == 4)
        #expect(streak("ana", data, now: nov(19, 8)) == 0)
    }

    @Test(arguments: [
        (Period.week, "2026-11-18T15:00:00+01:00", 1, "2026-11-16T00:00:00+01:00", "2026-11-23T00:00:00+01:00"),
        (.week, "2026-11-18T15:00:00+01:00", 7, "2026-11-15T00:00:00+01:00", "2026-11-22T00:00:00+01:00"),
        (.week, "2026-11-22T10:00:00+01:00", 7, "2026-11-22T00:00:00+01:00", "2026-11-29T00:00:00+01:00"),
        (.week, "2026-11-22T23:59:59+01:00", 1, "2026-11-16T00:00:00+01:00", "2026-11-23T00:00:00+01:00"),
        (.week, "2026-10-25T12:00:00+01:00", 1, "2026-10-19T00:00:00+02:00", "2026-10-26T00:00:00+01:00"),
        (.day, "2026-03-29T12:00:00+02:00", 1, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00"),
        (.month, "2026-01-31T23:30:00+01:00", 1, "2026-01-01T00:00:00+01:00", "2026-02-01T00:00:00+01:00"),
        (.month, "2028-02-29T12:00:00+01:00", 1, "2028-02-01T00:00:00+01:00", "2028-03-01T00:00:00+01:00"),
        (.quarter, "2026-03-31T23:59:00+02:00", 1, "2026-01-01T00:00:00+01:00", "2026-04-01T00:00:00+02:00"),
        (.quarter, "2026-11-18T15:00:00+01:00", 1, "2026-10-01T00:00:00+02:00", "2027-01-01T00:00:00+01:00"),
        (.year, "2026-12-31T23:30:00+01:00", 1, "2026-01-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00"),
        (.year, "2026-12-31T23:30:00Z", 1, "2027-01-01T00:00:00+01:00", "2028-01-01T00:00:00+01:00"),
    ] as [(Period, String, Int, String, String)])
    func periodRangesFollowTheCalendarsZone(period: Period, at: String, weekStart: Int,
                                            start: String, end: String) throws {
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        let range = PeriodRange.range(of: period, containing: try instant(at), timeZone: zone,
                                      weekStart: weekStart)
        #expect(range == PeriodRange(period: period, start: try instant(start), end: try instant(end)))
        #expect(range.contains(try instant(at)))
        let previous = range.previous(timeZone: zone, weekStart: weekStart)
        #expect(previous.period == period && previous.end == range.start)
        #expect(previous.start < previous.end)
    }

    @Test func previousQuarterCrossesTheYear() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        let q1 = PeriodRange.range(of: .quarter, containing: try instant("2026-02-10T10:00:00+01:00"),
                                   timeZone: zone)
        #expect(q1.previous(timeZone: zone) == PeriodRange(
            period: .quarter, start: try instant("2025-10-01T00:00:00+02:00"),
            end: try instant("2026-01-01T00:00:00+01:00")))
    }
}
