import Foundation
import Testing
@testable import CRMCore

/// Moments the demo must look right at: a working day, a Monday before opening, the DST
/// weekends in both directions, the day after a holiday and late on a Friday.
private let moments = [
    "2026-11-25T10:30:00+01:00", "2026-11-23T08:15:00+01:00", "2026-03-28T14:00:00+01:00",
    "2026-03-30T11:00:00+02:00", "2026-10-25T09:00:00+01:00", "2026-01-02T16:45:00+01:00",
    "2027-06-18T23:50:00+02:00",
]

private func instant(_ text: String) throws -> Date {
    try #require(ISO8601DateFormatter().date(from: text))
}

@Suite struct DemoDataTests {
    @Test(arguments: moments)
    func sameNowGivesTheSameData(_ text: String) throws {
        let now = try instant(text)
        #expect(DemoData.make(now: now) == DemoData.make(now: now))
        #expect(DemoData.make(now: now) != DemoData.make(now: now.addingTimeInterval(3600)))
    }

    /// Each demo reminder was created before it began to remind, by its creator, and its
    /// history shows the acknowledgements and snoozes it has, in time order, none in the future.
    @Test(arguments: moments)
    func reminderHistoriesTellHowTheyCameToBe(_ text: String) throws {
        let now = try instant(text)
        for r in DemoData.make(now: now).reminders {
            let first = try #require(r.history.first, "\(r.id)")
            #expect(first.action == "created" && first.actor == r.creator && first.at <= (r.start ?? r.due), "\(r.id)")
            #expect(r.history.map(\.at) == r.history.map(\.at).sorted() && r.history.allSatisfy { $0.at <= now }, "\(r.id)")
            for (person, at) in r.acknowledgedBy {
                #expect(r.history.contains(HistoryEvent(at: at, actor: person, action: "acknowledged")), "\(r.id)")
            }
            for person in r.snoozedUntil.keys {
                #expect(r.history.contains { $0.action == "snoozed" && $0.actor == person }, "\(r.id)")
            }
        }
    }

    @Test func sizesAndPeople() throws {
        let data = DemoData.make(now: try instant(moments[0]))
        #expect((28...32).contains(data.reminders.count))
        #expect(Set(data.reminders.flatMap(\.owners)) == ["maria", "jonas", "aisha", "priya"])
        let mine = data.reminders.filter { $0.owners.contains(DemoData.defaultUser) }
        #expect((9...12).contains(mine.count))
        #expect(mine.contains { $0.owners.count == 2 })
        #expect((24...27).contains(data.cases.count))
        #expect((3...4).contains(data.cases.filter { $0.kind == .feedback }.count))
        #expect(data.influencers.count == 3)
        #expect(data.people.count == 10)
        #expect(data.people.filter { $0.team != nil }.count == 8)
        #expect(Set(data.teams.map(\.name)) == ["Sales", "Support"])
        #expect(Set(data.people.map(\.role)) == ["sales-rep", "support-agent", "team-lead",
                                                  "head-of-support", "senior-management"])
        let user = try #require(data.person(DemoData.defaultUser))
        #expect(data.teams.first { $0.id == user.team }?.lead == user.id)
        #expect(data.people.allSatisfy { $0.id == $0.id.lowercased() && !$0.id.contains(" ") })
    }

    @Test(arguments: moments)
    func everyReferenceResolvesAndIdsAreUnique(_ text: String) throws {
        let data = DemoData.make(now: try instant(text))
        let people = Set(data.people.map(\.id))
        let roles = Set(data.people.map(\.role))
        let teams = Set(data.teams.map(\.id))
        for r in data.reminders {
            #expect(!r.owners.isEmpty && r.owners.allSatisfy(people.contains), "\(r.id)")
            #expect(r.creator.map(people.contains) ?? true)
            #expect(Set(r.acknowledgedBy.keys).union(r.snoozedUntil.keys).isSubset(of: r.owners))
            #expect(r.link.map { $0.hasPrefix("https://") } ?? true)
            #expect((r.start ?? r.due) <= r.due && r.due <= (r.end ?? r.due), "\(r.id)")
        }
        for c in data.cases {
            #expect(c.owner.map(people.contains) ?? true, "\(c.id)")
            #expect(c.team.map(teams.contains) ?? false, "\(c.id)")
            #expect((c.influencer != nil) == (c.kind == .feedback), "\(c.id)")
            #expect(c.influencer.map { i in data.influencers.contains { $0.id == i } } ?? true)
            #expect(c.history.allSatisfy { $0.actor.map(people.contains) ?? true })
        }
        for p in data.people {
            #expect(p.team.map(teams.contains) ?? true)
            #expect(p.manager.map(people.contains) ?? true)
        }
        #expect(data.teams.allSatisfy { $0.lead.map(people.contains) ?? false })
        let kpis = Set(data.kpis.map(\.id))
        #expect(data.activities.allSatisfy { people.contains($0.person) && kpis.contains($0.kpi) })
        #expect(data.kpis.flatMap(\.goals).allSatisfy { roles.contains($0.role) })
        let calendars = Set(data.settings.calendars.map(\.name))
        #expect(data.settings.slaPolicies.allSatisfy { $0.calendar.map(calendars.contains) ?? true })
        let notify = data.settings.escalation.flatMap(\.notify)
        #expect(notify.allSatisfy { roles.contains($0) || people.contains($0) || $0 == "owner" })

        for ids in [data.reminders.map(\.id), data.cases.map(\.id), data.influencers.map(\.id),
                    data.people.map(\.id), data.teams.map(\.id), data.kpis.map(\.id)] {
            #expect(Set(ids).count == ids.count)
        }
        #expect(data.reminders.allSatisfy { $0.id.hasPrefix("R-") })
        #expect(data.cases.allSatisfy { $0.id.hasPrefix("C-") })
    }

    @Test func settingsAreTheAgreedOnes() throws {
        let data = DemoData.make(now: try instant(moments[0]))
        let calendar = data.settings.defaultCalendar
        #expect(calendar.name == "default" && calendar.zone == "Europe/Berlin")
        #expect(calendar.hours.map(\.weekday) == [1, 2, 3, 4, 5])
        #expect(calendar.hours.allSatisfy { $0.startMinute == 540 && $0.endMinute == 1020 })
        for year in 2025...2027 {
            #expect(calendar.holidays.contains(LocalDate(year: year, month: 12, day: 24)))
            #expect(calendar.holidays.contains(LocalDate(year: year, month: 1, day: 1)))
        }
        for kind in CaseKind.allCases {
            for priority in CasePriority.allCases {
                let policy = try #require(data.settings.slaPolicies.first {
                    $0.kind == kind && $0.priority == priority
                })
                #expect(policy.warnAtFraction == 0.75)
                #expect((policy.firstResponse ?? 0) < (policy.resolution ?? 0))
            }
        }
        #expect(data.settings.escalation.map(\.level) == [1, 2, 3, 4])
        #expect(data.settings.escalation.map(\.notify) ==
                [["owner"], ["team-lead"], ["head-of-support"], ["senior-management"]])
        #expect(data.settings.leaderboard == LeaderboardSettings(topN: 10, weekStart: 1,
                                                                 goalBonus: 50))
    }

    /// States are read from the raw fields, per owner, the way any view would have to.
    @Test(arguments: moments)
    func remindersCoverEveryStateMix(_ text: String) throws {
        let now = try instant(text)
        let reminders = DemoData.make(now: now).reminders
        func open(_ r: Reminder) -> [String] {
            r.owners.filter { r.acknowledgedBy[$0] == nil && (r.snoozedUntil[$0] ?? now) <= now }
        }
        let late = { (r: Reminder) in now.timeIntervalSince(r.due) }
        let upcoming = reminders.filter { ($0.start ?? $0.due) > now }
        #expect(upcoming.contains { $0.due.timeIntervalSince(now) < 6 * 3600 })
        #expect(upcoming.contains { $0.due.timeIntervalSince(now) > 12 * 3600 })
        #expect(reminders.contains { ($0.start ?? $0.due) <= now && now < $0.due })
        let justDue = reminders.filter { (0..<120).contains(late($0)) && !open($0).isEmpty }
        #expect(justDue.count >= 2)
        let overdue = reminders.filter {
            late($0) >= 120 && ($0.end ?? .distantFuture) > now && !open($0).isEmpty
        }
        #expect(overdue.contains { late($0) < 3600 })
        #expect(overdue.contains { late($0) >= 3600 })
        #expect(reminders.filter { ($0.end ?? .distantFuture) < now && !open($0).isEmpty }.count == 1)
        #expect(reminders.filter { $0.owners.count == 2 && $0.acknowledgedBy.count == 1 }.count >= 2)
        #expect(reminders.contains { $0.acknowledgedBy.count == $0.owners.count })
        let snoozed = reminders.filter { $0.snoozedUntil.values.contains { $0 > now } }
        #expect(snoozed.count == 1 && snoozed.allSatisfy { $0.due < now })

        #expect(Set(reminders.map(\.priority)) == Set(ReminderPriority.allCases))
        #expect(Set(reminders.compactMap(\.repeatRule?.shorthand)) == Set(Repeat.allCases))
        #expect(reminders.filter { $0.notes != nil }.count >= 10)
        #expect(reminders.filter { $0.link != nil }.count >= 10)
        let leads = Set(reminders.compactMap { r in r.start.map { r.due.timeIntervalSince($0) } })
        #expect(leads.contains(1800) && leads.contains(3600))
        #expect(leads.contains { (23 * 3600...25 * 3600).contains($0) })
        let followUps = Set(reminders.compactMap { r in r.end.map { $0.timeIntervalSince(r.due) } })
        #expect(followUps.contains(3600) && followUps.contains { $0 >= 23 * 3600 })
    }

    @Test(arguments: moments)
    func casesCoverEveryStatusAndSLAState(_ text: String) throws {
        let now = try instant(text)
        let data = DemoData.make(now: now)
        let cases = data.cases
        #expect(Set(cases.map(\.status)) == Set(CaseStatus.allCases))
        #expect(Set(cases.map(\.priority)) == Set(CasePriority.allCases))
        #expect(Set(cases.map(\.escalationLevel)) == [0, 1, 2, 3, 4])
        for c in cases {
            #expect(c.opened < now, "\(c.id)")
            #expect(c.firstResponseAt.map { c.opened < $0 && $0 < now } ?? true, "\(c.id)")
            #expect((c.firstResponseAt == nil) == (c.status == .new), "\(c.id)")
            #expect((c.resolvedAt != nil) == !c.status.isOpen, "\(c.id)")
            #expect(c.pauses.contains { $0.end == nil } == (c.status == .pendingCustomer))
            #expect(c.history.first?.action == "opened" && c.history.first?.at == c.opened)
            #expect(zip(c.history, c.history.dropFirst()).allSatisfy { $0.at <= $1.at })
            #expect(c.history.filter { $0.action == "escalated" }.count == c.escalationLevel)
        }
        // Urgent cases run 24×7, so wall-clock age is their SLA age.
        let urgent = cases.filter { $0.priority == .urgent && $0.kind == .standard && $0.status.isOpen }
        #expect(urgent.contains { now.timeIntervalSince($0.opened) > 4 * 3600 + 86400 / 3 })
        #expect(urgent.contains { $0.firstResponseAt == nil && now.timeIntervalSince($0.opened) > 3600 })
        let unanswered = cases.filter { $0.status == .new && $0.escalationLevel >= 2 }
        #expect(unanswered.count >= 2)
        let feedback = cases.filter { $0.kind == .feedback }
        #expect(Set(feedback.compactMap(\.influencer)) == Set(data.influencers.map(\.id)))
        #expect(data.influencers.allSatisfy { $0.notes != nil && $0.url != nil })
    }

    @Test(arguments: moments)
    func activitiesAreTwoWeeksOfWorkingDays(_ text: String) throws {
        let now = try instant(text)
        let data = DemoData.make(now: now)
        let calendar = data.settings.defaultCalendar
        let cal = PeriodMath.gregorian(calendar.timeZone)
        #expect(data.activities.count > 500)
        for a in data.activities {
            let day = PeriodMath.localDate(of: a.at, in: cal)
            let hour = cal.component(.hour, from: a.at)
            #expect(a.at < now && now.timeIntervalSince(a.at) < 14 * 86400)
            #expect(PeriodMath.isWorkingDay(day, in: calendar) && (9..<17).contains(hour))
        }
        let doers = Set(data.activities.map(\.person))
        #expect(!doers.contains("ingrid") && !doers.contains("tomasz"))
    }

    @Test func aWorkingMorningHasActivityAndOneTieOnTheWeeklyBoardUntilTheCasesCount() throws {
        let now = try instant(moments[0])
        var data = DemoData.make(now: now)
        let today = PeriodRange.range(of: .day, containing: now, calendar: data.settings.defaultCalendar)
        #expect(data.activities.filter { today.contains($0.at) }.count >= 5)
        let calls = Leaderboard.rows(data, period: .week, now: now).first { $0.person == "jonas" }?
            .kpis.first { $0.kpi == "calls" }
        #expect(calls?.goal == 50)
        // On what they logged, Lucas and Sofia tie; what crmtop counts from the cases tells them apart.
        data.kpis.removeAll { DerivedKPI.isReserved($0.id) }
        let rows = Leaderboard.rows(data, period: .week, now: now)
        #expect(rows.count == 8)
        let ranks = rows.map(\.rank)
        #expect(Set(ranks).count == ranks.count - 1)
        let tied = rows.filter { row in ranks.filter { $0 == row.rank }.count == 2 }
        #expect(Set(tied.map(\.person)) == ["lucas", "sofia"])
    }

    /// Resolving cases, answering within the SLA and acknowledging reminders in time all score:
    /// the demo shows the KPIs nobody has to log.
    @Test(arguments: moments)
    func everyKPICrmtopCountsItselfScoresOnTheDemoBoard(_ text: String) throws {
        let now = try instant(text)
        let data = DemoData.make(now: now)
        let derived: Set<String> = ["cases-resolved", "first-responses-in-sla", "reminders-acked-before-due"]
        #expect(derived.isSubset(of: Set(data.kpis.map(\.id))))
        let month = Leaderboard.rows(data, period: .month, now: now).flatMap(\.kpis)
        let week = Leaderboard.rows(data, period: .week, now: now).flatMap(\.kpis)
        for kpi in derived {
            #expect(month.contains { $0.kpi == kpi && $0.count > 0 } || week.contains { $0.kpi == kpi && $0.count > 0 },
                    "\(kpi) at \(text)")
        }
    }
}
