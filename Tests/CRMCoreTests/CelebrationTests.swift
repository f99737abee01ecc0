import Foundation
import Testing
@testable import CRMCore

/// What a wall celebrates over a pinned Friday (the 20th): Ana has met her daily calls goal
/// Monday to Thursday and Ben leads the week, until Ana's calls at ten and Ben's appointment
/// at two.
@Suite struct CelebrationTests {
    static let data: DataSet = {
        var activities: [Activity] = []
        for d in 16...19 {
            activities.append(log("ana", "calls", 10, nov(d, 12)))
            activities.append(log("ben", "calls", 5, nov(d, 12)))
            activities.append(log("ben", "appointments", 1, nov(d, 13)))
        }
        activities.append(log("ben", "calls", 5, nov(20, 9, 30)))
        // 80 points for Ana and 90 for Ben before ten. Her 10 calls make 150 (50 calls reach the
        // week's share of her daily goals, with its bonus), her daily goal and a fifth day in a
        // row; at two his two appointments reach his weekly goal and make 160.
        activities.append(log("ana", "calls", 10, nov(20, 10)))
        activities.append(log("ben", "appointments", 2, nov(20, 14)))
        return board(activities)
    }()

    /// Every moment the celebration under each key stood, stepping through the day.
    static func seen(at moments: [Date]) -> [String: [Date]] {
        var seen: [String: [Date]] = [:]
        for now in moments {
            for c in Celebrations.live(in: data, period: .week, at: now) { seen[c.key, default: []].append(now) }
        }
        return seen
    }

    @Test func eachEventStandsOnceForHalfAMinuteFromTheActivityThatEarnedIt() throws {
        let day = stride(from: nov(20, 8).timeIntervalSince1970, to: nov(20, 18).timeIntervalSince1970, by: 10)
            .map { Date(timeIntervalSince1970: $0) }
        let seen = Self.seen(at: day)
        let start = NotificationEvents.stamp(nov(16, 0))
        let expected: [String: Date] = [
            "goal.reached/ana/calls/day/\(NotificationEvents.stamp(nov(20, 0)))": nov(20, 10),
            "lead/week/\(start)/ana": nov(20, 10),
            "streak/ana/5/2026-11-20": nov(20, 10),
            "goal.reached/ben/appointments/week/\(start)": nov(20, 14),
            "lead/week/\(start)/ben": nov(20, 14),
        ]
        #expect(Set(seen.keys) == Set(expected.keys), "\(seen.keys.sorted())")
        for (key, at) in expected {
            // Ten-second steps: at, +10 s, +20 s; gone at +30 s.
            #expect(seen[key] == [at, at + 10, at + 20], "\(key): \(seen[key] ?? [])")
        }
    }

    @Test func theHalfMinuteStartsAndEndsOnTheSecond() {
        let around = (-2...32).map { nov(20, 14).addingTimeInterval(TimeInterval($0)) }
        let seen = Self.seen(at: around)
        let start = NotificationEvents.stamp(nov(16, 0))
        let lead = seen["lead/week/\(start)/ben"] ?? []
        #expect(lead.first == nov(20, 14) && lead.last == nov(20, 14) + 29 && lead.count == 30)
    }

    @Test func onlyGoodNewsAndWhoEarnedIt() throws {
        let atTen = Celebrations.live(in: Self.data, period: .week, at: nov(20, 10) + 5)
        #expect(atTen.map { $0.text(in: Self.data) } == [
            "Ana Lima reached today's Calls goal: 10 of 10",
            "Ana Lima takes the lead this week",
            "Ana Lima: 5 working days in a row on every daily goal",
        ])
        // Ben taking the lead back says nothing of Ana, who lost it.
        let atTwo = Celebrations.live(in: Self.data, period: .week, at: nov(20, 14) + 5)
        #expect(atTwo.map { $0.text(in: Self.data) } == [
            "Ben Carter reached this week's Appointments goal: 6 of 5",
            "Ben Carter takes the lead this week",
        ])
        #expect(atTwo.allSatisfy { $0.person == "ben" })
    }

    @Test func sharingTheLeadIsNewsForTheOneWhoJoinsIt() throws {
        var data = Self.data
        // One appointment instead of two: 150, as many as Ana.
        data.activities.removeAll { $0.person == "ben" && $0.at == nov(20, 14) }
        data.activities.append(log("ben", "appointments", 1, nov(20, 15)))
        let shared = Celebrations.live(in: data, period: .week, at: nov(20, 15) + 1)
        #expect(shared.map { $0.text(in: data) } == [
            "Ben Carter reached this week's Appointments goal: 5 of 5",
            "Ben Carter shares the lead this week",
        ])
    }

    /// One reading of the activities for several boards gives each what it gives alone.
    @Test func boardsTogetherAreTheBoardsAlone() {
        let periods: [Period] = [.week, .day, .month, .year]
        let together = Leaderboard.boards(Self.data, periods: periods, now: nov(20, 15))
        #expect(together == periods.map { Leaderboard.board(Self.data, period: $0, now: nov(20, 15)) })
    }
}
