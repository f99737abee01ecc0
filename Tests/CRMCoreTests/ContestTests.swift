import Foundation
import Testing
@testable import CRMCore

/// Sales calls on the Monday and Tuesday of the week of the 16th.
private let sprint = Contest(id: "sprint", name: "Call sprint", kpis: ["calls"], from: day("2026-11-16"),
                             to: day("2026-11-17"), teams: ["sales"], prize: "Dinner for two")

private func withContest(_ contest: Contest, _ activities: [Activity]) -> DataSet {
    var data = board(activities)
    data.settings.contests = [contest]
    return data
}

@Suite struct ContestTests {
    @Test func aContestScoresItsKPIsOverItsDaysForThoseTakingPart() throws {
        let data = withContest(sprint, [
            log("ana", "calls", 25, nov(16)),  // 5 over the daily cap of 20
            log("ana", "appointments", 5, nov(16)),  // not a KPI of the contest
            log("ben", "calls", 5, nov(17)),
            log("wong", "calls", 10, nov(18)),  // after its last day
            log("hana", "calls", 30, nov(16)),  // in no team of it
        ])
        let result = Leaderboard.contest(sprint, in: data, now: wednesday)
        #expect(result.phase == .over)
        #expect(result.rows.map(\.person) == ["ana", "ben", "wong", "dan"])
        #expect(result.rows.map(\.rank) == [1, 2, 3, 3])
        #expect(result.rows.map(\.points) == [40, 10, 0, 0])
        #expect(result.rows[0].kpis == [KPIProgress(kpi: "calls", count: 20, logged: 25)])
        #expect(result.rows[0].recognitions == [.top] && result.rows.allSatisfy { $0.attainment == nil })
        #expect(result.teams == [TeamRow(rank: 1, team: "sales", name: "Sales", points: 50, members: 4)])
    }

    /// The contest's numbers are the board's numbers: one tally, read over other days.
    @Test func overAWholeWeekItCountsWhatTheWeeklyBoardCounts() throws {
        let activities = [
            log("ana", "calls", 25, nov(16)), log("ana", "calls", -3, nov(16, 15)), log("ben", "calls", 7, nov(17)),
            log("wong", "calls", 12, nov(18, 10)), log("dan", "calls", 30, nov(17)),
        ]
        let week = Contest(id: "w", name: "Week", kpis: ["calls"], from: day("2026-11-16"), to: day("2026-11-22"),
                           teams: ["sales"])
        let data = withContest(week, activities)
        let contest = Leaderboard.contest(week, in: data, now: wednesday)
        for row in Leaderboard.rows(data, period: .week, now: wednesday) {
            let calls = row.kpis.first { $0.kpi == "calls" }
            let same = contest.rows.first { $0.person == row.person }?.kpis.first
            #expect(same?.count == calls?.count && same?.logged == calls?.logged, "\(row.person)")
        }
    }

    @Test func itRunsFromItsFirstDayUntilItsLastIsOverOrItIsEnded() throws {
        let calendar = board([]).settings.defaultCalendar
        #expect(sprint.phase(at: nov(15, 23), calendar: calendar) == .upcoming)
        #expect(sprint.phase(at: nov(16, 0), calendar: calendar) == .running)
        #expect(sprint.phase(at: nov(17, 23, 59), calendar: calendar) == .running)
        #expect(sprint.phase(at: nov(18, 0), calendar: calendar) == .over)

        var data = withContest(sprint, [log("ben", "calls", 3, nov(17, 11)), log("ben", "calls", 4, nov(17, 13))])
        try Mutation.contest(.end(id: "sprint", at: nov(17, 12))).apply(to: &data)
        let ended = try #require(data.settings.contests.first)
        #expect(ended.phase(at: nov(17, 12), calendar: calendar) == .over)
        let result = Leaderboard.contest(ended, in: data, now: wednesday)
        #expect(result.rows.first { $0.person == "ben" }?.points == 6)  // what came after the end does not count
        #expect(throws: MutationError("contest sprint is already over")) {
            try Mutation.contest(.end(id: "sprint", at: nov(17, 14))).apply(to: &data)
        }
        #expect(throws: MutationError("there is already a contest sprint")) {
            try Mutation.contest(.add(sprint)).apply(to: &data)
        }
    }

    @Test func aContestEndedBeforeItStartsIsOverNotUpcoming() throws {
        var data = withContest(sprint, [])
        try Mutation.contest(.end(id: "sprint", at: nov(13))).apply(to: &data)
        let calendar = data.settings.defaultCalendar
        #expect(data.settings.contests[0].phase(at: nov(13, 13), calendar: calendar) == .over)
        #expect(data.settings.contests[0].phase(at: nov(16, 10), calendar: calendar) == .over)
        #expect(Leaderboard.runningContests(data, now: nov(16, 10)).isEmpty)
    }

    @Test func runningContestsAreThoseUnderWayNow() {
        let later = Contest(id: "later", name: "Later", kpis: ["calls"], from: day("2026-11-23"), to: day("2026-11-27"),
                            people: ["ana"])
        var data = board([])
        data.settings.contests = [sprint, later]
        #expect(Leaderboard.runningContests(data, now: nov(16, 10)).map(\.contest.id) == ["sprint"])
        #expect(Leaderboard.runningContests(data, now: nov(24, 10)).map(\.contest.id) == ["later"])
        #expect(Leaderboard.runningContests(data, now: wednesday).isEmpty)
    }
}
