import CRMCore
import Foundation
import Testing

/// States over time and per-owner progress of a daily reminder in Berlin: reminding from
/// 09:00, due 10:00, follow-up until 12:00, first on Monday 2026-11-23.
@Suite struct RepeatingReminderTests {
    typealias F = ReminderFixtures
    let calendar = F.fiveDays

    let daily = Reminder(id: "R1", title: "Stand-up notes", owners: ["maria", "tom"],
                         start: F.t("2026-11-23T09:00:00+01:00"), due: F.t("2026-11-23T10:00:00+01:00"),
                         end: F.t("2026-11-23T12:00:00+01:00"), repeatRule: .daily)

    @Test(arguments: [
        ("2026-11-23T08:59", ReminderState.upcoming, "2026-11-23T10:00:00+01:00"),
        ("2026-11-23T09:00", .active, "2026-11-23T10:00:00+01:00"),
        ("2026-11-23T10:00", .due, "2026-11-23T10:00:00+01:00"),
        ("2026-11-23T10:15", .overdue, "2026-11-23T10:00:00+01:00"),
        ("2026-11-23T12:00", .missed, "2026-11-23T10:00:00+01:00"),
        // Left unacknowledged, an occurrence is replaced once the next starts reminding.
        ("2026-11-24T08:59", .missed, "2026-11-23T10:00:00+01:00"),
        ("2026-11-24T09:00", .active, "2026-11-24T10:00:00+01:00"),
        ("2026-11-24T10:14", .due, "2026-11-24T10:00:00+01:00"),
        ("2026-12-31T11:00", .overdue, "2026-12-31T10:00:00+01:00"),
    ])
    func stateFollowsTheCurrentOccurrence(now: String, state: ReminderState, due: String) {
        let entry = ReminderOrder.entry(daily, owner: "maria", at: F.t(now), calendar: calendar)
        #expect(entry.state == state)
        #expect(F.text(entry.occurrence.due) == due)
        #expect(daily.state(for: "maria", at: F.t(now), calendar: calendar) == state)
        #expect(daily.timeState(at: F.t(now), calendar: calendar) == state)
    }

    func acknowledged(_ r: Reminder, by person: String, at text: String) throws -> Reminder {
        var data = DataSet(reminders: [r], settings: Settings(calendars: [calendar]))
        try Mutation.reminder(.acknowledge(id: r.id, person: person, at: F.t(text))).apply(to: &data)
        return data.reminders[0]
    }

    /// (acknowledged at, looked at, state, occurrence due)
    @Test(arguments: [
        ("2026-11-23T10:05", "2026-11-23T10:06", ReminderState.upcoming, "2026-11-24T10:00:00+01:00"),
        ("2026-11-23T10:05", "2026-11-24T09:30", .active, "2026-11-24T10:00:00+01:00"),
        // Acknowledging ahead of reminding counts for the occurrence shown.
        ("2026-11-23T08:00", "2026-11-23T10:30", .upcoming, "2026-11-24T10:00:00+01:00"),
        // A missed occurrence can still be acknowledged until the next one starts.
        ("2026-11-24T08:30", "2026-11-24T08:45", .upcoming, "2026-11-24T10:00:00+01:00"),
        ("2026-11-24T09:10", "2026-11-24T09:20", .upcoming, "2026-11-25T10:00:00+01:00"),
    ])
    func acknowledgingMovesOnlyThatOwnerOn(ackAt: String, now: String, state: ReminderState, due: String) throws {
        let r = try acknowledged(daily, by: "maria", at: ackAt)
        let mine = ReminderOrder.entry(r, owner: "maria", at: F.t(now), calendar: calendar)
        #expect(mine.state == state)
        #expect(F.text(mine.occurrence.due) == due)
        #expect(r.currentOccurrence(for: "tom", at: F.t(now), calendar: calendar)
                == daily.currentOccurrence(for: "tom", at: F.t(now), calendar: calendar))
    }

    @Test func theOtherOwnerStaysRemindedAndDecidesTheCombinedState() throws {
        let r = try acknowledged(daily, by: "maria", at: "2026-11-23T10:05")
        let now = F.t("2026-11-23T10:06")
        #expect(r.state(for: "tom", at: now, calendar: calendar) == .due)
        let everyone = ReminderOrder.entry(r, owner: nil, at: now, calendar: calendar)
        #expect(everyone.state == .due)
        #expect(F.text(everyone.occurrence.due) == "2026-11-23T10:00:00+01:00")
    }

    @Test func acknowledgingAgainMovesOnAgainButTheSameOccurrenceOnlyOnce() throws {
        var data = DataSet(reminders: [daily], settings: Settings(calendars: [calendar]))
        let first = F.t("2026-11-23T10:00:00+01:00")
        for _ in 0..<2 {
            try Mutation.reminder(.acknowledgeOccurrence(id: "R1", person: "maria", due: first,
                                                         at: F.t("2026-11-23T10:05"))).apply(to: &data)
        }
        #expect(data.reminders[0].acknowledgedOccurrence == ["maria": first])
        try Mutation.reminder(.acknowledge(id: "R1", person: "maria", at: F.t("2026-11-23T10:06"))).apply(to: &data)
        let now = F.t("2026-11-23T10:07")
        #expect(data.reminders[0].currentOccurrence(for: "maria", at: now, calendar: calendar)?.due
                == F.t("2026-11-25T10:00"))
    }

    @Test func anAcknowledgementWithoutItsOccurrenceStandsForTheOneRemindingThen() {
        var r = daily
        r.acknowledgedBy["maria"] = F.t("2026-11-24T09:30")
        #expect(r.acknowledgedDue(for: "maria", calendar: calendar) == F.t("2026-11-24T10:00"))
        #expect(r.state(for: "maria", at: F.t("2026-11-24T09:31"), calendar: calendar) == .upcoming)
    }

    @Test func aOneOffReminderSettlesOnAcknowledgement() throws {
        var oneOff = daily
        oneOff.repeatRule = nil
        let r = try acknowledged(oneOff, by: "maria", at: "2026-11-23T10:05")
        #expect(r.acknowledgedOccurrence.isEmpty)
        let entry = ReminderOrder.entry(r, owner: "maria", at: F.t("2026-11-30T10:00"), calendar: calendar)
        #expect(entry.state == .acknowledged)
        #expect(entry.occurrence.due == oneOff.due)
        #expect(try acknowledged(r, by: "maria", at: "2026-11-23T11:00") == r)
    }

    /// (snoozed until, looked at, state)
    @Test(arguments: [
        ("2026-11-23T10:30", "2026-11-23T10:20", ReminderState.snoozed),
        ("2026-11-23T10:30", "2026-11-23T10:30", .overdue),
        ("2026-11-24T09:30", "2026-11-24T09:10", .snoozed),
        ("2026-11-24T09:30", "2026-11-24T09:30", .active),
    ])
    func snoozeHidesUntilItEndsAndChangesNothingElse(until: String, now: String, state: ReminderState) throws {
        var data = DataSet(reminders: [daily], settings: Settings(calendars: [calendar]))
        try Mutation.reminder(.snooze(id: "R1", person: "maria", until: F.t(until), at: F.t("2026-11-23T10:10"))).apply(to: &data)
        let r = data.reminders[0]
        #expect(r.state(for: "maria", at: F.t(now), calendar: calendar) == state)
        #expect(r.state(for: "tom", at: F.t(now), calendar: calendar) != .snoozed)
        #expect(r.priority == daily.priority && r.due == daily.due && r.start == daily.start)
    }

    @Test func acknowledgingEndsTheOwnersSnooze() throws {
        var r = daily
        r.snoozedUntil["maria"] = F.t("2026-11-30T10:00")
        r = try acknowledged(r, by: "maria", at: "2026-11-23T10:05")
        #expect(r.snoozedUntil.isEmpty)
    }

    @Test func theListOrdersRepeatingRemindersByTheirCurrentOccurrence() throws {
        let weekAgo = Reminder(id: "R2", title: "weekly", owners: ["maria"], due: F.t("2026-11-16T10:30"),
                               repeatRule: .weekly)
        let oneOff = Reminder(id: "R3", title: "one-off", owners: ["maria"], due: F.t("2026-11-23T10:10"))
        let acked = try acknowledged(daily, by: "maria", at: "2026-11-23T09:30")
        let entries = ReminderOrder.entries([weekAgo, oneOff, acked], owner: "maria",
                                            at: F.t("2026-11-23T10:40"), calendar: calendar)
        #expect(entries.map(\.reminder.id) == ["R3", "R2", "R1"])
        #expect(entries.map(\.state) == [.overdue, .due, .upcoming])
        #expect(entries.map { F.text($0.occurrence.due) } == [
            "2026-11-23T10:10:00+01:00", "2026-11-23T10:30:00+01:00", "2026-11-24T10:00:00+01:00",
        ])
    }

    @Test func acknowledgingAgainBeforeTheNextOccurrenceRemindsTakesNothing() {
        var data = DataSet(reminders: [daily], settings: Settings(calendars: [calendar]))
        let at = F.t("2026-11-23T10:05:00+01:00")
        var r: Reminder { data.reminders[0] }
        guard case .occurrence(let first) = r.acknowledgement(for: "maria", at: at, calendar: calendar) else {
            Issue.record("nothing to acknowledge on the first press")
            return
        }
        #expect(throws: Never.self) {
            try Mutation.reminder(.acknowledgeOccurrence(id: daily.id, person: "maria", due: first.due, at: at)).apply(to: &data)
        }
        let again = r.acknowledgement(for: "maria", at: at, calendar: calendar)
        guard case .already(let last, let next) = again else {
            Issue.record("a second press would acknowledge \(again)")
            return
        }
        #expect(last == first.due)
        #expect(next.map { F.text($0.due) } == "2026-11-24T10:00:00+01:00")
        // Once the next one reminds, it can be acknowledged.
        if case .occurrence(let next) = r.acknowledgement(for: "maria", at: F.t("2026-11-24T09:00:00+01:00"), calendar: calendar) {
            #expect(F.text(next.due) == "2026-11-24T10:00:00+01:00")
        } else {
            Issue.record("the next occurrence cannot be acknowledged while it reminds")
        }
        // Tom has acknowledged nothing: his press takes the occurrence as before.
        #expect(r.acknowledgement(for: "tom", at: at, calendar: calendar) == .occurrence(first))
    }
}
