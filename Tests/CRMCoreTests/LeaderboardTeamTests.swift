import Foundation
import Testing
@testable import CRMCore

private let support = [
    Person(id: "sue", name: "Sue Park", role: "sales-rep", team: "support"),
    Person(id: "tim", name: "Tim Berg", role: "sales-rep", team: "support"),
]

private func ranked(_ people: String...) -> [LeaderboardRow] {
    let ranks = [1, 2, 2, 4, 5]
    return people.enumerated().map { LeaderboardRow(rank: ranks[$0], person: $1, points: 10 - $0) }
}

@Suite struct LeaderboardTeamTests {
    @Test(arguments: [
        (TeamScore.sum, [TeamRow(rank: 1, previousRank: 2, team: "sales", name: "Sales", points: 62, members: 3,
                                 workingMembers: 4),
                         TeamRow(rank: 2, previousRank: 1, team: "support", name: "Support", points: 40, members: 2)]),
        // Dan leads sales without a goal or a point, and is one of the four the average is over.
        (.average, [TeamRow(rank: 1, previousRank: 1, team: "support", name: "Support", points: 20, members: 2),
                    TeamRow(rank: 2, previousRank: 2, team: "sales", name: "Sales", points: 16, members: 3,
                            workingMembers: 4)]),
    ])
    func teamsScoreBySumOrAverageWithMovement(method: TeamScore, expected: [TeamRow]) {
        let data = board([
            log("ana", "calls", 20, nov(16)), log("ana", "calls", 1, nov(17)), log("ben", "calls", 10, nov(16)),
            log("sue", "calls", 15, nov(17)), log("tim", "calls", 5, nov(17)),
            log("sue", "calls", 20, nov(10)),  // last week
            log("hana", "calls", 30, nov(17)),  // in no team
        ], extraPeople: support, leaderboard: LeaderboardSettings(goalBonus: 50, teamScore: method))
        #expect(Leaderboard.teams(data, period: .week, now: wednesday) == expected)
    }

    @Test(arguments: [
        (nil, "e", ["a", "b", "c", "d", "e"]),
        (1, nil, ["a"]),
        (2, "e", ["a", "b", "c", "e"]),  // a tie at the edge stays whole
        (3, "b", ["a", "b", "c"]),
        (0, "d", ["d"]),
        (10, "nobody", ["a", "b", "c", "d", "e"]),
    ] as [(Int?, String?, [String])])
    func sharedScreensShowTheTopAndYourOwnRow(topN: Int?, viewer: String?, expected: [String]) {
        let rows = ranked("a", "b", "c", "d", "e")
        #expect(Leaderboard.visible(rows, topN: topN, viewer: viewer).map(\.person) == expected)
    }

    @Test func recognitionsGoToTheLeaderTheFirstToTheDailyGoalAndTheLongestStreak() {
        let days = [nov(13), nov(16), nov(17)]
        let data = board(days.map { log("ana", "calls", 10, $0) } + days.map { log("ben", "calls", 12, $0) } + [
            log("ana", "calls", 6, nov(18, 9)), log("ana", "calls", 4, nov(18, 10)),
            log("ben", "calls", 10, nov(18, 9, 30)),
            log("wong", "calls", 12, nov(18, 9)), log("wong", "calls", -5, nov(18, 11)),
            log("wong", "calls", 3, nov(18, 14)),  // reached for good only now
            log("dan", "calls", 30, nov(18, 8)),  // no daily goal to reach
        ])
        let rows = Leaderboard.rows(data, period: .week, now: wednesday)
        #expect(rows.map(\.person) == ["ben", "ana", "dan", "wong"])
        #expect(rows.map(\.recognitions) == [[.top, .firstToDailyGoal, .longestStreak], [.longestStreak], [], []])
        #expect(rows.map(\.streak) == [4, 4, 0, 1])

        let early = Leaderboard.rows(data, period: .week, now: nov(18, 9, 15))
        #expect(early.first { $0.person == "wong" }?.recognitions == [.firstToDailyGoal])
    }

    @Test func recognitionsNeedSomethingToRecognise() {
        let yesterday = Leaderboard.rows(board([log("ana", "calls", 10, nov(17))]), period: .week, now: wednesday)
        #expect(yesterday.map(\.streak) == [1, 0, 0])  // a streak of one day is not yet a streak
        #expect(yesterday.map(\.recognitions) == [[.top], [], []])
        #expect(Leaderboard.rows(board([]), period: .week, now: wednesday).allSatisfy { $0.recognitions.isEmpty })
    }
}
