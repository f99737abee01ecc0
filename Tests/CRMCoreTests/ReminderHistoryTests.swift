import CRMCore
import Foundation
import Testing

/// What each change writes into a reminder's history, in the data set's zone (Berlin).
@Suite struct ReminderHistoryTests {
    typealias F = ReminderFixtures

    static let oneOff = Reminder(id: "R1", title: "Call Acme", priority: .normal, owners: ["maria", "tom"],
                                 start: F.t("2026-11-23T09:30"), due: F.t("2026-11-23T10:00"))
    static let daily = Reminder(id: "R2", title: "Stand-up notes", owners: ["maria"],
                                due: F.t("2026-11-23T10:00"), repeatRule: .daily)

    var data = DataSet(reminders: [oneOff, daily], settings: Settings(calendars: [F.fiveDays]))

    mutating func apply(_ change: ReminderChange) throws {
        try Mutation.reminder(change).apply(to: &data)
    }

    func history(_ id: String) -> [HistoryEvent] { data.reminders.first { $0.id == id }!.history }

    @Test mutating func acknowledgingRecordsWhoAndWhenAndForARepeatingOneWhichOccurrence() throws {
        try apply(.acknowledge(id: "R1", person: "tom", at: F.t("2026-11-23T10:02")))
        #expect(history("R1") == [HistoryEvent(at: F.t("2026-11-23T10:02"), actor: "tom", action: "acknowledged")])
        try apply(.acknowledgeOccurrence(id: "R2", person: "maria", due: F.t("2026-11-24T10:00"),
                                         at: F.t("2026-11-24T10:07")))
        #expect(history("R2") == [HistoryEvent(at: F.t("2026-11-24T10:07"), actor: "maria", action: "acknowledged",
                                               detail: "occurrence due 2026-11-24 10:00")])
        // The same occurrence sent again (a retried command) changes nothing and records nothing.
        try apply(.acknowledgeOccurrence(id: "R2", person: "maria", due: F.t("2026-11-24T10:00"),
                                         at: F.t("2026-11-24T10:09")))
        #expect(history("R2").count == 1)
    }

    @Test mutating func snoozingRecordsUntilWhenAndEndingItToo() throws {
        try apply(.snooze(id: "R1", person: "maria", until: F.t("2026-11-23T11:00"), at: F.t("2026-11-23T10:01")))
        try apply(.snooze(id: "R1", person: "maria", until: F.t("2026-11-23T11:00"), at: F.t("2026-11-23T10:02")))
        try apply(.snooze(id: "R1", person: "maria", until: nil, at: F.t("2026-11-23T10:30")))
        #expect(history("R1") == [
            HistoryEvent(at: F.t("2026-11-23T10:01"), actor: "maria", action: "snoozed", detail: "until 2026-11-23 11:00"),
            HistoryEvent(at: F.t("2026-11-23T10:30"), actor: "maria", action: "unsnoozed"),
        ])
    }

    @Test mutating func takingBackAnAcknowledgementIsRecordedOnlyWhenThereWasOne() throws {
        try apply(.unacknowledge(id: "R1", person: "maria", at: F.t("2026-11-23T10:00")))
        #expect(history("R1").isEmpty)
        try apply(.acknowledge(id: "R1", person: "maria", at: F.t("2026-11-23T10:03")))
        try apply(.unacknowledge(id: "R1", person: "maria", at: F.t("2026-11-23T10:04")))
        #expect(history("R1").map(\.action) == ["acknowledged", "unacknowledged"])
        #expect(history("R1").last?.at == F.t("2026-11-23T10:04"))
    }

    @Test mutating func anEditSaysWhatChangedFromWhatToWhat() throws {
        let stamp = ChangeStamp(at: F.t("2026-11-23T10:10"), actor: "jo")
        try apply(.edit(id: "R1", [.title("Call Acme today"), .priority(.high), .owners(["maria"]),
                                   .due(F.t("2026-11-24T09:00")), .start(F.t("2026-11-24T08:00")),
                                   .notes("Ask for Lena")], stamp))
        #expect(history("R1") == [HistoryEvent(
            at: stamp.at, actor: "jo", action: "edited",
            detail: "title: Call Acme → Call Acme today; priority: normal → high; owners: maria, tom → maria; "
                + "due: 2026-11-23 10:00 → 2026-11-24 09:00; lead: 30m → 1h; notes added")])
    }

    @Test mutating func anEditThatChangesNothingRecordsNothing() throws {
        try apply(.edit(id: "R1", [.title("Call Acme"), .priority(.normal)], ChangeStamp(at: F.t("2026-11-23T10:10"), actor: "jo")))
        #expect(history("R1").isEmpty)
    }

    @Test mutating func aNoteSaysWhereAnEditCameFrom() throws {
        try apply(.edit(id: "R1", [.due(F.t("2026-11-23T11:00"))],
                        ChangeStamp(at: F.t("2026-11-23T10:10"), actor: "maria", note: ChangeStamp.shiftedNote)))
        #expect(history("R1").last?.detail == "due: 2026-11-23 10:00 → 2026-11-23 11:00; shifted to working time")
    }

    @Test mutating func changesWrittenBeforeThereWasAHistoryRecordNothing() throws {
        try apply(.snooze(id: "R1", person: "maria", until: F.t("2026-11-23T11:00"), at: nil))
        try apply(.edit(id: "R1", [.title("Renamed")], nil))
        try apply(.acknowledge(id: "R1", person: "maria", at: F.t("2026-11-23T10:03")))
        try apply(.unacknowledge(id: "R1", person: "maria", at: nil))
        #expect(history("R1").map(\.action) == ["acknowledged"])
        #expect(data.reminders[0].title == "Renamed")
    }

    /// How undo worked before `undo`: older journals still hold these changes.
    @Test mutating func restoringPutsTheFieldsBackAndKeepsTheHistoryWrittenSince() throws {
        let before = data.reminders[0]
        try apply(.edit(id: "R1", [.title("Wrong")], ChangeStamp(at: F.t("2026-11-23T10:10"), actor: "maria")))
        try apply(.restore(before, ChangeStamp(at: F.t("2026-11-23T10:11"), actor: "maria", note: "edit")))
        #expect(data.reminders[0].title == "Call Acme")
        #expect(history("R1").map(\.action) == ["edited", "undone"])
        #expect(history("R1").last == HistoryEvent(at: F.t("2026-11-23T10:11"), actor: "maria", action: "undone", detail: "edit"))
        // A deleted one comes back with the history it had.
        let edited = data.reminders[0]
        try Mutation.reminder(.delete(id: "R1")).apply(to: &data)
        try apply(.restore(edited, ChangeStamp(at: F.t("2026-11-23T10:12"), actor: "maria", note: "delete")))
        #expect(history("R1").map(\.action) == ["edited", "undone", "undone"])
    }

    @Test func eventsStayInTimeOrderAndTheOldestGoBeyondTheLimit() {
        var r = Self.oneOff
        let start = F.t("2026-11-23T10:00")
        for n in 0..<(Reminder.historyLimit + 5) {
            r.record(.snoozed, ChangeStamp(at: start + Double(n) * 60, actor: "maria"), detail: "#\(n)")
        }
        #expect(r.history.count == Reminder.historyLimit)
        #expect(r.history.first?.detail == "#5")
        #expect(r.history.last?.detail == "#\(Reminder.historyLimit + 4)")
        // A change made earlier elsewhere that arrives late goes where it belongs.
        r.record(.acknowledged, ChangeStamp(at: start + 30.5 * 60, actor: "tom"))
        #expect(r.history.map(\.at) == r.history.map(\.at).sorted())
        #expect(r.history.count == Reminder.historyLimit)
    }

    @Test func aNewReminderStartsWithItsCreation() {
        let made = Self.oneOff.made(.created, ChangeStamp(at: F.t("2026-11-20T15:00"), actor: "jo"))
        #expect(made.history == [HistoryEvent(at: F.t("2026-11-20T15:00"), actor: "jo", action: "created")])
    }
}
