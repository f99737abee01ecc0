import Foundation
import Testing
@testable import CRMCore

private typealias F = BusinessTimeFixtures

enum SLAFixtures {
    static let h = 3600.0

    /// Normal cases: answer within 4 business hours, resolve within 16 (two office days), warn at
    /// 75 %. Feedback: answer within 8 h, warn 2 h before. Urgent: 1 h / 4 h of calendar time,
    /// warn 15 minutes before. High points at a calendar that does not exist.
    static let settings = Settings(
        calendars: [F.office],
        slaPolicies: [
            SLAPolicy(priority: .normal, firstResponse: 4 * h, resolution: 16 * h, calendar: "office",
                      warnAtFraction: 0.75),
            SLAPolicy(kind: .feedback, priority: .normal, firstResponse: 8 * h, calendar: "office",
                      warnBefore: 2 * h),
            SLAPolicy(priority: .urgent, firstResponse: 1 * h, resolution: 4 * h, warnBefore: 900),
            SLAPolicy(priority: .high, firstResponse: 2 * h, calendar: "missing"),
        ],
        escalation: ladder)

    static let ladder = [
        EscalationLevel(level: 1, trigger: .warning, notify: ["owner"]),
        EscalationLevel(level: 2, trigger: .breach, notify: ["owner", "team-lead"]),
        EscalationLevel(level: 3, trigger: .afterBreach(4 * h), notify: ["team-lead", "head-of-support"]),
        EscalationLevel(level: 4, trigger: .afterBreach(16 * h),
                        notify: ["head-of-support", "senior-management", "ops-pager"]),
    ]

    static let people = [
        Person(id: "maria", name: "Maria", role: "agent", team: "emea"),
        Person(id: "jonas", name: "Jonas", role: "team-lead", team: "emea"),
        Person(id: "kim", name: "Kim", role: "team-lead", team: "apac"),
        Person(id: "priya", name: "Priya", role: "head-of-support"),
        Person(id: "sam", name: "Sam", role: "senior-management"),
        Person(id: "lee", name: "Lee", role: "senior-management"),
    ]

    static let teams = [
        Team(id: "emea", name: "EMEA", lead: "jonas"),
        Team(id: "apac", name: "APAC"),
    ]

    /// A normal case opened Tuesday 2026-03-24 10:00 CET.
    static func tuesdayCase(kind: CaseKind = .standard, priority: CasePriority = .normal,
                            opened: String = "2026-03-24T10:00+01:00", firstResponse: String? = nil,
                            resolved: String? = nil, pauses: [(String, String?)] = [],
                            escalationLevel: Int = 0, owner: String? = "maria",
                            team: String? = "emea") -> SupportCase {
        SupportCase(
            id: "C-1", title: "Printer on fire", customer: "ACME", kind: kind, priority: priority,
            status: .open, owner: owner, team: team, opened: F.at(opened),
            firstResponseAt: firstResponse.map(F.at), resolvedAt: resolved.map(F.at),
            pauses: pauses.map { Pause(start: F.at($0.0), end: $0.1.map(F.at)) },
            escalationLevel: escalationLevel)
    }

    static func clock(_ metric: SLAMetric, _ supportCase: SupportCase, at now: String) -> SLAClock? {
        SLA.clocks(for: supportCase, settings: settings, now: F.at(now)).first { $0.metric == metric }
    }
}

private typealias S = SLAFixtures

struct ClockRow: Sendable, CustomTestStringConvertible {
    var supportCase: SupportCase
    var metric: SLAMetric
    var now: String
    var elapsedHours: Double
    var state: SLAState
    var due: String?
    var why: String
    var testDescription: String { "\(metric.rawValue) at \(now): \(why)" }

    init(_ supportCase: SupportCase, _ metric: SLAMetric, _ now: String, _ elapsedHours: Double,
         _ state: SLAState, _ due: String?, _ why: String) {
        self.supportCase = supportCase
        self.metric = metric
        self.now = now
        self.elapsedHours = elapsedHours
        self.state = state
        self.due = due
        self.why = why
    }
}

@Suite("SLA clocks")
struct SLATests {
    @Test(arguments: [
        // First response: 4 h target, warning from 3 h (75 %), opened Tuesday 10:00.
        ClockRow(S.tuesdayCase(), .firstResponse, "2026-03-24T10:00+01:00", 0, .running,
                 "2026-03-24T14:00+01:00", "just opened: due 4 office hours later"),
        ClockRow(S.tuesdayCase(), .firstResponse, "2026-03-24T12:30+01:00", 2.5, .running,
                 "2026-03-24T14:00+01:00", "2.5 h in, below 3 h"),
        ClockRow(S.tuesdayCase(), .firstResponse, "2026-03-24T13:00+01:00", 3, .warning,
                 "2026-03-24T14:00+01:00", "3 h = 75 % of 4 h"),
        ClockRow(S.tuesdayCase(), .firstResponse, "2026-03-24T14:00+01:00", 4, .warning,
                 "2026-03-24T14:00+01:00", "exactly at the target: not yet breached"),
        ClockRow(S.tuesdayCase(), .firstResponse, "2026-03-24T14:30+01:00", 4.5, .breached,
                 "2026-03-24T14:00+01:00", "half an hour over; due stays at the breach"),
        ClockRow(S.tuesdayCase(), .firstResponse, "2026-03-25T10:00+01:00", 8, .breached,
                 "2026-03-24T14:00+01:00", "Tuesday 10–17 (7 h) plus Wednesday 9–10"),
        // Resolution: 16 h target, warning from 12 h.
        ClockRow(S.tuesdayCase(), .resolution, "2026-03-24T10:00+01:00", 0, .running,
                 "2026-03-26T10:00+01:00", "Tuesday 7 h + Wednesday 8 h + Thursday 1 h"),
        ClockRow(S.tuesdayCase(), .resolution, "2026-03-26T09:00+01:00", 15, .warning,
                 "2026-03-26T10:00+01:00", "Thursday morning: 15 h elapsed, 1 h left"),
        // Opened outside hours.
        ClockRow(S.tuesdayCase(opened: "2026-03-20T18:00+01:00"), .firstResponse,
                 "2026-03-21T12:00+01:00", 0, .running, "2026-03-23T13:00+01:00",
                 "opened Friday 18:00: nothing counts until Monday 09:00, due Monday 13:00"),
        ClockRow(S.tuesdayCase(opened: "2026-03-20T18:00+01:00"), .firstResponse,
                 "2026-03-23T10:00+01:00", 1, .running, "2026-03-23T13:00+01:00",
                 "Monday 10:00: one hour counted"),
        ClockRow(S.tuesdayCase(opened: "2026-03-27T15:00+01:00"), .firstResponse,
                 "2026-03-30T09:30+02:00", 2.5, .running, "2026-03-30T11:00+02:00",
                 "over the spring-forward weekend: Friday 15–17 CET, Monday 9–11 CEST"),
        ClockRow(S.tuesdayCase(opened: "2026-10-23T15:00+02:00"), .firstResponse,
                 "2026-10-26T09:30+01:00", 2.5, .running, "2026-10-26T11:00+01:00",
                 "over the fall-back weekend: Friday 15–17 CEST, Monday 9–11 CET"),
        // Pauses.
        ClockRow(S.tuesdayCase(pauses: [("2026-03-24T11:00+01:00", nil)]), .firstResponse,
                 "2026-03-25T12:00+01:00", 1, .paused, "2026-03-25T15:00+01:00",
                 "paused since 11:00: 1 h counted; due as if it resumed now (Wednesday 12:00 + 3 h)"),
        ClockRow(S.tuesdayCase(pauses: [("2026-03-24T16:00+01:00", "2026-03-25T10:00+01:00")]),
                 .resolution, "2026-03-25T12:00+01:00", 8, .running, "2026-03-26T12:00+01:00",
                 "a pause over the night takes only Tuesday 16–17 and Wednesday 9–10: 10–16 + 10–12"),
        ClockRow(S.tuesdayCase(pauses: [("2026-03-24T11:00+01:00", "2026-03-24T13:00+01:00"),
                                        ("2026-03-24T12:00+01:00", "2026-03-24T14:00+01:00")]),
                 .firstResponse, "2026-03-24T15:00+01:00", 2, .running, "2026-03-24T17:00+01:00",
                 "overlapping pauses 11–13 and 12–14 count once: 10–11 and 14–15"),
        ClockRow(S.tuesdayCase(pauses: [("2026-03-24T15:00+01:00", nil)]), .firstResponse,
                 "2026-03-25T10:00+01:00", 5, .breached, "2026-03-24T14:00+01:00",
                 "breached at 14:00 and paused at 15:00: breached shows over paused"),
        ClockRow(S.tuesdayCase(pauses: [("2026-03-24T13:30+01:00", nil)]), .firstResponse,
                 "2026-03-25T10:00+01:00", 3.5, .paused, "2026-03-25T10:30+01:00",
                 "past the 3 h warning but paused: shows paused"),
        ClockRow(S.tuesdayCase(pauses: [("2026-03-24T11:00+01:00", "2026-03-24T12:00+01:00")]),
                 .firstResponse, "2026-03-24T11:30+01:00", 1, .paused, "2026-03-24T14:30+01:00",
                 "a pause still running at now pauses the clock"),
        // Stopped clocks.
        ClockRow(S.tuesdayCase(firstResponse: "2026-03-24T13:30+01:00"), .firstResponse,
                 "2026-03-25T10:00+01:00", 3.5, .met, nil, "answered after 3.5 h"),
        ClockRow(S.tuesdayCase(firstResponse: "2026-03-25T09:30+01:00"), .firstResponse,
                 "2026-03-25T10:00+01:00", 7.5, .missed, nil, "answered Wednesday 09:30: 7.5 h"),
        ClockRow(S.tuesdayCase(firstResponse: "2026-03-24T14:00+01:00"), .firstResponse,
                 "2026-03-25T10:00+01:00", 4, .met, nil, "answered exactly at the target"),
        ClockRow(S.tuesdayCase(firstResponse: "2026-03-24T13:30+01:00"), .firstResponse,
                 "2026-03-24T11:00+01:00", 1, .running, "2026-03-24T14:00+01:00",
                 "the response lies after now: not yet happened"),
        ClockRow(S.tuesdayCase(resolved: "2026-03-24T12:00+01:00"), .firstResponse,
                 "2026-03-25T10:00+01:00", 2, .met, nil, "resolving also answers"),
        ClockRow(S.tuesdayCase(resolved: "2026-03-26T16:00+01:00"), .resolution,
                 "2026-03-27T10:00+01:00", 22, .missed, nil, "resolved Thursday 16:00: 7 + 8 + 7 h"),
        // Feedback policy: 8 h, warn 2 h before.
        ClockRow(S.tuesdayCase(kind: .feedback), .firstResponse, "2026-03-25T11:00+01:00", 9, .breached,
                 "2026-03-25T10:00+01:00", "feedback: 7 h Tuesday + 2 h; breached at 10:00"),
        ClockRow(S.tuesdayCase(kind: .feedback), .firstResponse, "2026-03-24T16:00+01:00", 6, .warning,
                 "2026-03-25T10:00+01:00", "feedback: 2 h left, Tuesday 16–17 and Wednesday 9–10"),
        // Urgent: calendar time, 1 h, warn 15 minutes before.
        ClockRow(S.tuesdayCase(priority: .urgent, opened: "2026-03-20T18:00Z"), .firstResponse,
                 "2026-03-20T18:40Z", 40.0 / 60, .running, "2026-03-20T19:00Z",
                 "urgent counts around the clock: 40 minutes in"),
        ClockRow(S.tuesdayCase(priority: .urgent, opened: "2026-03-20T18:00Z"), .firstResponse,
                 "2026-03-20T18:50Z", 50.0 / 60, .warning, "2026-03-20T19:00Z", "10 minutes left"),
        ClockRow(S.tuesdayCase(priority: .urgent, opened: "2026-03-20T18:00Z"), .firstResponse,
                 "2026-03-21T18:30Z", 24.5, .breached, "2026-03-20T19:00Z", "a Saturday counts too"),
        // High: its calendar does not exist, so it counts calendar time.
        ClockRow(S.tuesdayCase(priority: .high, opened: "2026-03-20T18:00+01:00"), .firstResponse,
                 "2026-03-20T19:00+01:00", 1, .running, "2026-03-20T20:00+01:00",
                 "missing calendar: calendar time, Friday evening counts"),
    ])
    func clockStates(_ row: ClockRow) throws {
        let clock = try #require(S.clock(row.metric, row.supportCase, at: row.now))
        #expect(abs(clock.elapsed - row.elapsedHours * S.h) < 1e-6)
        #expect(abs(clock.remaining - (clock.target - clock.elapsed)) < 1e-6)
        #expect(clock.state == row.state)
        #expect(clock.due == row.due.map(F.at))
    }

    @Test func clockFields() throws {
        let clocks = SLA.clocks(for: S.tuesdayCase(), settings: S.settings, now: F.at("2026-03-24T14:30+01:00"))
        #expect(clocks.map(\.metric) == [.firstResponse, .resolution])
        #expect(clocks[0] == SLAClock(metric: .firstResponse, target: 4 * S.h, elapsed: 4.5 * S.h,
                                      remaining: -0.5 * S.h, due: F.at("2026-03-24T14:00+01:00"),
                                      state: .breached, calendarName: "office", warnAt: 3 * S.h))
        let urgent = try #require(S.clock(.resolution, S.tuesdayCase(priority: .urgent), at: "2026-03-24T10:00+01:00"))
        #expect(urgent.calendarName == nil)
        #expect(urgent.warnAt == 4 * S.h - 900)
        let high = try #require(S.clock(.firstResponse, S.tuesdayCase(priority: .high), at: "2026-03-24T10:00+01:00"))
        #expect(high.calendarName == nil)
        #expect(high.warnAt == nil)
    }

    @Test func policySelection() {
        #expect(SLA.policy(for: S.tuesdayCase(kind: .feedback), in: S.settings)?.firstResponse == 8 * S.h)
        #expect(SLA.policy(for: S.tuesdayCase(kind: .standard), in: S.settings)?.firstResponse == 4 * S.h)
        // A kind-specific policy wins even when listed after the general one; feedback has no
        // resolution target, so it gets only a first-response clock.
        let clocks = SLA.clocks(for: S.tuesdayCase(kind: .feedback), settings: S.settings,
                                now: F.at("2026-03-24T10:00+01:00"))
        #expect(clocks.map(\.metric) == [.firstResponse])
        #expect(SLA.policy(for: S.tuesdayCase(priority: .low), in: S.settings) == nil)
        #expect(SLA.clocks(for: S.tuesdayCase(priority: .low), settings: S.settings,
                           now: F.at("2026-03-24T10:00+01:00")).isEmpty)
    }

    @Test func mostUrgentSkipsStoppedClocks() {
        func clock(_ metric: SLAMetric, _ remaining: Double, _ state: SLAState) -> SLAClock {
            SLAClock(metric: metric, target: 10, elapsed: 10 - remaining, remaining: remaining,
                     due: nil, state: state, calendarName: nil)
        }
        #expect(SLA.mostUrgent([clock(.firstResponse, -5, .missed), clock(.resolution, 3, .running)])?.metric
                == .resolution)
        #expect(SLA.mostUrgent([clock(.firstResponse, 2, .paused), clock(.resolution, 3, .warning)])?.metric
                == .firstResponse)
        #expect(SLA.mostUrgent([clock(.firstResponse, 2, .met)]) == nil)
        #expect(SLA.mostUrgent([]) == nil)
    }

    @Test func urgencyOrder() {
        let now = F.at("2026-03-25T10:00+01:00")
        func item(_ id: String, _ priority: CasePriority, opened: String, responded: String? = nil,
                  resolved: String? = nil) -> (SupportCase, [SLAClock]) {
            var c = S.tuesdayCase(priority: priority, opened: opened, firstResponse: responded, resolved: resolved)
            c.id = id
            return (c, SLA.clocks(for: c, settings: S.settings, now: now))
        }
        let items = [
            item("none", .low, opened: "2026-03-20T09:00+01:00"),  // no policy: last
            item("done", .normal, opened: "2026-03-24T09:00+01:00", resolved: "2026-03-24T12:00+01:00"),
            item("late", .normal, opened: "2026-03-24T10:00+01:00"),  // first response 4 h over
            item("later", .normal, opened: "2026-03-23T10:00+01:00"),  // 12 h over
            item("fresh", .normal, opened: "2026-03-25T09:00+01:00"),  // 3 h left
            item("fresh-urgent", .urgent, opened: "2026-03-25T08:00+01:00",
                 responded: "2026-03-25T08:10+01:00"),  // resolution: 4 h − 2 h = 2 h left
            item("tie-b", .normal, opened: "2026-03-25T09:00+01:00"),  // same as fresh: id decides
        ]
        let ordered = items.sorted(by: SLA.urgencyOrder).map(\.0.id)
        #expect(ordered == ["later", "late", "fresh-urgent", "fresh", "tie-b", "done", "none"])
    }
}

@Suite("Escalation")
struct EscalationTests {
    /// Normal case opened Tuesday 10:00: first response due 14:00 with warning from 13:00.
    @Test(arguments: [
        ("2026-03-24T11:00+01:00", 0, [String](), "1 h in: nothing yet"),
        ("2026-03-24T13:00+01:00", 1, ["maria"], "warning at 3 h: the owner"),
        ("2026-03-24T14:30+01:00", 2, ["maria", "jonas"], "breached: owner and team lead"),
        ("2026-03-25T09:00+01:00", 2, ["maria", "jonas"],
         "19 wall hours past breach but only 3 office hours (14–17): still level 2"),
        ("2026-03-25T10:00+01:00", 3, ["jonas", "priya"], "4 office hours past breach"),
        ("2026-03-26T13:00+01:00", 3, ["jonas", "priya"], "15 h past breach: 7 + 8 + 4 − 4"),
        ("2026-03-27T10:00+01:00", 4, ["priya", "sam", "lee", "ops-pager"],
         "20 h past breach: 7 + 8 + 8 + 1 − 4; roles expand to everyone holding them"),
    ] as [(String, Int, [String], String)])
    func ladderRises(_ now: String, _ level: Int, _ recipients: [String], _ why: String) {
        let supportCase = S.tuesdayCase()
        let at = F.at(now)
        let clocks = SLA.clocks(for: supportCase, settings: S.settings, now: at)
        let got = Escalation.level(for: supportCase, clocks: clocks, ladder: S.ladder, now: at)
        #expect(got == level, "\(why)")
        #expect(Escalation.recipients(level: got, case: supportCase, people: S.people, teams: S.teams,
                                      ladder: S.ladder) == recipients, "\(why)")
    }

    @Test func manualEscalationStays() {
        let supportCase = S.tuesdayCase(escalationLevel: 3)
        let at = F.at("2026-03-24T11:00+01:00")
        let clocks = SLA.clocks(for: supportCase, settings: S.settings, now: at)
        #expect(Escalation.level(for: supportCase, clocks: clocks, ladder: S.ladder, now: at) == 3)
    }

    @Test func stoppedClocksDoNotEscalate() {
        // First response missed (answered Wednesday 09:30); resolution at 8 h of 16 h is running.
        let supportCase = S.tuesdayCase(firstResponse: "2026-03-25T09:30+01:00")
        let at = F.at("2026-03-25T10:00+01:00")
        let clocks = SLA.clocks(for: supportCase, settings: S.settings, now: at)
        #expect(clocks.map(\.state) == [.missed, .running])
        #expect(Escalation.level(for: supportCase, clocks: clocks, ladder: S.ladder, now: at) == 0)
    }

    @Test func pausedPastWarningKeepsWarningLevel() {
        // Paused at 13:30, after the 13:00 warning: pausing must not lower the level.
        let supportCase = S.tuesdayCase(pauses: [("2026-03-24T13:30+01:00", nil)])
        let at = F.at("2026-03-25T10:00+01:00")
        let clocks = SLA.clocks(for: supportCase, settings: S.settings, now: at)
        #expect(clocks[0].state == .paused)
        #expect(Escalation.level(for: supportCase, clocks: clocks, ladder: S.ladder, now: at) == 1)
    }

    @Test func recipientsResolveTeamsAndOwners() {
        let ladder = [EscalationLevel(level: 2, trigger: .breach, notify: ["owner", "team-lead", "maria", "carol"])]
        func recipients(owner: String?, team: String?) -> [String] {
            Escalation.recipients(level: 2, case: S.tuesdayCase(owner: owner, team: team), people: S.people,
                                  teams: S.teams, ladder: ladder)
        }
        #expect(recipients(owner: "maria", team: "EMEA") == ["maria", "jonas", "carol"],
                "team by name; maria only once")
        #expect(recipients(owner: nil, team: "apac") == ["kim", "maria", "carol"],
                "no owner; team without a lead falls back to its team-lead members")
        #expect(recipients(owner: "maria", team: nil) == ["maria", "carol"], "no team")
        #expect(Escalation.recipients(level: 5, case: S.tuesdayCase(), people: S.people, teams: S.teams,
                                      ladder: ladder).isEmpty)
    }
}

@Suite("SLA performance")
struct SLAPerformanceTests {
    @Test func twentyThousandCasesPerFrame() {
        let now = F.at("2026-03-25T10:00+01:00")
        var rng = SplitMix64(seed: 3)
        let priorities: [CasePriority] = [.urgent, .normal, .normal, .low]
        let cases = (0..<20_000).map { i in
            let opened = now - Double.random(in: 0..<(2 * 365 * 86_400), using: &rng)
            let pauses = i % 3 == 0 ? [Pause(start: opened + 3600, end: i % 2 == 0 ? opened + 90_000 : nil)] : []
            return SupportCase(id: "C-\(i)", title: "t", customer: "c", priority: priorities[i % 4],
                               opened: opened, pauses: pauses)
        }
        var breached = 0
        let elapsed = ContinuousClock().measure {
            let rows = cases.map { ($0, SLA.clocks(for: $0, settings: S.settings, now: now)) }
            breached = rows.filter { $0.1.contains { $0.state == .breached } }.count
            _ = rows.map { (SLA.urgency(of: $0.0, clocks: $0.1), $0) }.sorted { $0.0 < $1.0 }
        }
        #expect(breached > 0)
        // About 25 ms in a release build; the bound leaves room for debug builds and slow machines.
        #expect(elapsed < .seconds(3))
    }
}
