import Foundation
import Testing
@testable import CRMCore

/// One case or reminder and what it earns Ana on the board of the week of the 16th, seen on
/// Wednesday the 18th at 15:00.
struct DerivedRow: Sendable, CustomTestStringConvertible {
    var why: String
    var supportCase: SupportCase?
    var reminder: Reminder?
    /// Counts for resolved, resolved in SLA, first responses in SLA, reminders acknowledged.
    var counts: [Int]

    var testDescription: String { why }
}

private let derivedKPIs = DerivedKPI.allCases.map { KPI(id: $0.rawValue, name: $0.rawValue, points: 1) }

/// Normal cases: first response within 4 office hours, resolution within 16.
private let policies = [SLAPolicy(priority: .normal, firstResponse: 4 * 3600, resolution: 16 * 3600,
                                  calendar: "default")]

private func handled(_ opened: Date, responded: Date? = nil, resolved: Date? = nil,
                     status: CaseStatus = .resolved, priority: CasePriority = .normal,
                     owner: String? = "ana") -> SupportCase {
    SupportCase(id: "C-1", title: "t", customer: "c", priority: priority, status: status, owner: owner,
                opened: opened, firstResponseAt: responded, resolvedAt: resolved)
}

private func reminder(due: Date, owners: [String] = ["ana"], acknowledged: [String: Date]) -> Reminder {
    Reminder(id: "R-1", title: "t", owners: owners, due: due, acknowledgedBy: acknowledged)
}

@Suite struct DerivedKPITests {
    static let rows: [DerivedRow] = [
        DerivedRow(why: "answered and resolved in time",
                   supportCase: handled(nov(16, 10), responded: nov(16, 11), resolved: nov(17, 10)),
                   counts: [1, 1, 1, 0]),
        DerivedRow(why: "answered late and resolved late",
                   supportCase: handled(nov(16, 9), responded: nov(16, 15), resolved: nov(18, 14)),
                   counts: [1, 0, 0, 0]),
        DerivedRow(why: "resolving without a reply answers the customer too",
                   supportCase: handled(nov(17, 9), resolved: nov(17, 10)), counts: [1, 1, 1, 0]),
        DerivedRow(why: "resolution after now has not happened yet",
                   supportCase: handled(nov(18, 9), responded: nov(18, 10), resolved: nov(18, 16)),
                   counts: [0, 0, 1, 0]),
        DerivedRow(why: "a reopened case keeps its first response only",
                   supportCase: handled(nov(16, 9), responded: nov(16, 10), resolved: nov(16, 12), status: .open),
                   counts: [0, 0, 1, 0]),
        DerivedRow(why: "resolved last week",
                   supportCase: handled(nov(12, 9), responded: nov(12, 10), resolved: nov(13, 9)),
                   counts: [0, 0, 0, 0]),
        DerivedRow(why: "opened last week, answered this week in time",
                   supportCase: handled(nov(13, 16), responded: nov(16, 10), status: .open), counts: [0, 0, 1, 0]),
        DerivedRow(why: "nobody owns it",
                   supportCase: handled(nov(16, 9), responded: nov(16, 10), resolved: nov(16, 12), owner: nil),
                   counts: [0, 0, 0, 0]),
        DerivedRow(why: "no SLA for its priority",
                   supportCase: handled(nov(16, 9), responded: nov(16, 10), resolved: nov(16, 12), priority: .low),
                   counts: [1, 0, 0, 0]),
        DerivedRow(why: "acknowledged before due", reminder: reminder(due: nov(17, 10), acknowledged: ["ana": nov(17, 9)]),
                   counts: [0, 0, 0, 1]),
        DerivedRow(why: "acknowledged exactly when due", reminder: reminder(due: nov(17, 10), acknowledged: ["ana": nov(17, 10)]),
                   counts: [0, 0, 0, 1]),
        DerivedRow(why: "acknowledged late", reminder: reminder(due: nov(17, 10), acknowledged: ["ana": nov(17, 11)]),
                   counts: [0, 0, 0, 0]),
        DerivedRow(why: "only by whoever acknowledged it",
                   reminder: reminder(due: nov(17, 10), owners: ["ben", "ana"], acknowledged: ["ben": nov(17, 9)]),
                   counts: [0, 0, 0, 0]),
        DerivedRow(why: "not by someone who is not an owner",
                   reminder: reminder(due: nov(17, 10), owners: ["ben"], acknowledged: ["ana": nov(17, 9)]),
                   counts: [0, 0, 0, 0]),
        DerivedRow(why: "an acknowledgement after now", reminder: reminder(due: nov(19, 10), acknowledged: ["ana": nov(18, 16)]),
                   counts: [0, 0, 0, 0]),
    ]

    @Test(arguments: rows)
    func casesAndRemindersCountForTheirOwner(_ r: DerivedRow) {
        let data = board([], kpis: derivedKPIs, cases: r.supportCase.map { [$0] } ?? [],
                         reminders: r.reminder.map { [$0] } ?? [], slaPolicies: policies)
        let ana = row("ana", data)
        let counts = DerivedKPI.allCases.map { kpi in ana?.kpis.first { $0.kpi == kpi.rawValue }?.count ?? 0 }
        #expect(counts == r.counts)
        #expect(ana?.points ?? 0 == r.counts.reduce(0, +))
    }

    @Test func derivedKPIsScoreWithPointsCapsAndGoalsAndCannotBeLogged() throws {
        let resolved = KPI(id: "cases-resolved", name: "Resolved", points: 5, dailyCap: 2,
                           goals: [Goal(role: "sales-rep", count: 3, period: .week)])
        let cases = (0..<4).map { n in
            var c = handled(nov(16, 9), resolved: nov(16, 10 + n))
            c.id = "C-\(n)"
            return c
        }
        let logged = [log("ana", "cases-resolved", 10, nov(17)), log("ana", "cases-closed", 1, nov(17))]
        let data = board(logged, kpis: [resolved], cases: cases + [handled(nov(17, 9), resolved: nov(17, 10))],
                         slaPolicies: policies)
        let ana = try #require(row("ana", data))
        #expect(ana.kpis == [KPIProgress(kpi: "cases-resolved", count: 3, logged: 5, goal: 3, attainment: 1)])
        #expect(ana.points == 3 * 5 + 50)
    }

    @Test func aReservedIdWithoutAKPIIsNotScored() {
        let data = board([], kpis: [], cases: [handled(nov(16, 9), resolved: nov(16, 10))], slaPolicies: policies)
        #expect(Leaderboard.rows(data, period: .week, now: wednesday).isEmpty)
    }
}
