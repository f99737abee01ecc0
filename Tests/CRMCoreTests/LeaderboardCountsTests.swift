import Foundation
import Testing
@testable import CRMCore

/// What a row says about counts and goals: what was logged beside what counted, and no
/// progress where there is no goal to progress to.
@Suite struct LeaderboardCountsTests {
    @Test func aRowGivesWhatWasLoggedBesideWhatTheDailyCapLetCount() throws {
        let data = board([
            log("ana", "calls", 25, nov(16)),  // 5 over the cap of 20
            log("ana", "calls", 12, nov(17)),
            log("ana", "calls", -2, nov(17, 14)),  // a correction is part of what was logged
        ])
        let ana = try #require(row("ana", data))
        let calls = try #require(ana.kpis.first { $0.kpi == "calls" })
        #expect(calls.count == 30 && calls.logged == 35)
        #expect(calls.capped)
        let appointments = try #require(ana.kpis.first { $0.kpi == "appointments" })
        #expect(appointments.logged == 0 && !appointments.capped)
    }

    @Test func someoneWithoutAGoalHasNoProgressRatherThanNone() throws {
        let data = board([log("hana", "calls", 3, nov(17)), log("ana", "calls", 1, nov(17))])
        #expect(try #require(row("hana", data)).attainment == nil)
        #expect(try #require(row("ana", data)).attainment == 0.01)
        // A goal that is there but not started on is progress of nothing, which is not "no goal".
        #expect(try #require(row("ben", data)).attainment == 0)
    }
}

private let supportPeople = [
    Person(id: "sue", name: "Sue Park", role: "agent", team: "support"),
    Person(id: "tim", name: "Tim Berg", role: "agent", team: "support"),
    Person(id: "uma", name: "Uma Roy", role: "agent", team: "support"),
    Person(id: "vic", name: "Vic Dahl", role: "agent", team: "support"),
]

/// A KPI without goals: nobody is on the board for having a goal, only for points.
private let pointsOnly = [KPI(id: "calls", name: "Calls", points: 1)]

@Suite struct TeamAverageTests {
    private func supportTeam(_ activities: [Activity]) throws -> TeamRow {
        let data = board(activities, kpis: pointsOnly, extraPeople: supportPeople,
                         away: ["vic": [DateRange(from: day("2026-11-16"), to: day("2026-11-22"))]],
                         leaderboard: LeaderboardSettings(teamScore: .average))
        return try #require(Leaderboard.teams(data, period: .week, now: wednesday).first { $0.team == "support" })
    }

    @Test func theAverageIsOverTheMembersWhoWereWorkingNotOnlyThoseWithPoints() throws {
        // Uma worked and scored nothing: she counts. Vic was away the whole week: he does not.
        let team = try supportTeam([log("sue", "calls", 12, nov(16)), log("tim", "calls", 6, nov(17))])
        #expect(team.members == 2 && team.workingMembers == 3)
        #expect(team.points == 6)  // 18 / 3, not 18 / 2
    }

    @Test func someoneAwayAllPeriodWhoScoredAnywayCountsToo() throws {
        let team = try supportTeam([log("sue", "calls", 12, nov(16)), log("tim", "calls", 6, nov(17)),
                                log("vic", "calls", 2, nov(17))])
        #expect(team.members == 3 && team.workingMembers == 4)
        #expect(team.points == 5)  // 20 / 4
    }

    @Test func aMemberAwayPartOfThePeriodStillCounts() throws {
        let data = board([log("sue", "calls", 9, nov(16))], kpis: pointsOnly, extraPeople: supportPeople,
                         away: ["tim": [DateRange(from: day("2026-11-16"), to: day("2026-11-19"))],
                                "uma": [DateRange(from: day("2026-11-01"), to: day("2026-11-30"))],
                                "vic": [DateRange(from: day("2026-11-16"), to: day("2026-11-20"))]],
                         leaderboard: LeaderboardSettings(teamScore: .average))
        let team = try #require(Leaderboard.teams(data, period: .week, now: wednesday).first { $0.team == "support" })
        // Tim is back on Friday; Uma and Vic miss every working day (the weekend is no working day).
        #expect(team.workingMembers == 2 && team.points == 5)  // 9 / 2, rounded
    }
}
