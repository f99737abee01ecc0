import CRMCore
import Foundation
import Testing

/// Taking one change back: only what it touched, and never over what someone did since.
@Suite struct ReminderUndoTests {
    typealias F = ReminderFixtures

    static let oneOff = Reminder(id: "R1", title: "Call Acme", notes: "ask for Lena", owners: ["maria", "jonas"],
                                 start: F.t("2026-11-23T09:30"), due: F.t("2026-11-23T10:00"))
    static let daily = Reminder(id: "R2", title: "Stand-up notes", owners: ["maria"],
                                due: F.t("2026-11-23T10:00"), repeatRule: .daily)

    var data = DataSet(reminders: [oneOff, daily], settings: Settings(calendars: [F.fiveDays]))

    mutating func apply(_ change: ReminderChange) throws(MutationError) {
        try Mutation.reminder(change).apply(to: &data)
    }

    func reminder(_ id: String) -> Reminder { data.reminders.first { $0.id == id }! }

    /// Maria's edit, as the dashboard takes it back: what it changed, at 10:10.
    mutating func mariaEdits(_ id: String, _ fields: [ReminderField]) throws -> ReminderUndo {
        let before = reminder(id)
        try apply(.edit(id: id, fields, ChangeStamp(at: F.t("2026-11-23T10:10"), actor: "maria")))
        return ReminderUndo(from: before, to: reminder(id), since: F.t("2026-11-23T10:10"))
    }

    static let undoStamp = ChangeStamp(at: F.t("2026-11-23T10:30"), actor: "maria", note: "edit")

    @Test mutating func undoingAnEditPutsBackItsFieldAndKeepsWhatOthersDidSince() throws {
        let undo = try mariaEdits("R1", [.title("Call Acme Ltd"), .notes("ask for Lena")])
        #expect(undo.fields == [Reverting(restore: .title("Call Acme"), expected: .title("Call Acme Ltd"))])
        try apply(.acknowledge(id: "R1", person: "jonas", at: F.t("2026-11-23T10:12")))
        try apply(.edit(id: "R1", [.notes("Lena is out; ask for Tom")], ChangeStamp(at: F.t("2026-11-23T10:13"), actor: "jonas")))

        try apply(.undo(id: "R1", undo, Self.undoStamp))
        let r = reminder("R1")
        #expect(r.title == "Call Acme")
        #expect(r.notes == "Lena is out; ask for Tom")
        #expect(r.acknowledgedBy["jonas"] == F.t("2026-11-23T10:12"))
        #expect(r.history.last == HistoryEvent(at: F.t("2026-11-23T10:30"), actor: "maria", action: "undone",
                                               detail: "edit; title: Call Acme Ltd → Call Acme"))
    }

    @Test mutating func aFieldChangedSinceRefusesTheUndoAndSaysWhoChangedIt() throws {
        let undo = try mariaEdits("R1", [.notes("ask for Tom")])
        try apply(.edit(id: "R1", [.notes("ask for Eva")], ChangeStamp(at: F.t("2026-11-23T10:13"), actor: "jonas")))
        let before = data
        #expect(throws: MutationError("not undone: jonas changed the notes since")) {
            try apply(.undo(id: "R1", undo, Self.undoStamp))
        }
        #expect(data == before)
    }

    @Test mutating func movingTheDueTimeBackBringsBackTheAcknowledgementsItDropped() throws {
        try apply(.acknowledge(id: "R1", person: "jonas", at: F.t("2026-11-23T10:05")))
        let undo = try mariaEdits("R1", [.due(F.t("2026-11-24T10:00"))])
        #expect(reminder("R1").acknowledgedBy.isEmpty)
        try apply(.undo(id: "R1", undo, Self.undoStamp))
        #expect(reminder("R1").due == F.t("2026-11-23T10:00"))
        #expect(reminder("R1").start == F.t("2026-11-23T09:30"))
        #expect(reminder("R1").acknowledgedBy == ["jonas": F.t("2026-11-23T10:05")])
    }

    @Test mutating func anAcknowledgementMadeSinceIsNeverDroppedByAnUndo() throws {
        let undo = try mariaEdits("R1", [.due(F.t("2026-11-24T10:00"))])
        try apply(.acknowledge(id: "R1", person: "jonas", at: F.t("2026-11-24T10:05")))
        #expect(throws: MutationError("not undone: jonas acknowledged it since")) {
            try apply(.undo(id: "R1", undo, Self.undoStamp))
        }
        #expect(reminder("R1").acknowledgedBy["jonas"] == F.t("2026-11-24T10:05"))
    }

    @Test mutating func undoingAnAcknowledgementOfARepeatingReminderGoesBackOneOccurrence() throws {
        try apply(.acknowledgeOccurrence(id: "R2", person: "maria", due: F.t("2026-11-23T10:00"), at: F.t("2026-11-23T10:01")))
        let before = reminder("R2")
        try apply(.acknowledgeOccurrence(id: "R2", person: "maria", due: F.t("2026-11-24T10:00"), at: F.t("2026-11-24T10:01")))
        let undo = ReminderUndo(from: before, to: reminder("R2"), since: F.t("2026-11-24T10:01"))
        #expect(undo.fields.isEmpty)
        try apply(.undo(id: "R2", undo, ChangeStamp(at: F.t("2026-11-24T10:02"), actor: "maria", note: "acknowledgement")))
        #expect(reminder("R2").mark(of: "maria") == OwnerMark(acknowledged: F.t("2026-11-23T10:01"),
                                                               occurrence: F.t("2026-11-23T10:00")))
        #expect(reminder("R2").history.last?.detail == "acknowledgement")
    }

    @Test mutating func theOwnMarkChangedElsewhereRefusesTheUndo() throws {
        let before = reminder("R1")
        try apply(.snooze(id: "R1", person: "maria", until: F.t("2026-11-23T11:00"), at: F.t("2026-11-23T10:01")))
        let undo = ReminderUndo(from: before, to: reminder("R1"), since: F.t("2026-11-23T10:01"))
        // Maria snoozes it again in another terminal.
        try apply(.snooze(id: "R1", person: "maria", until: F.t("2026-11-23T12:00"), at: F.t("2026-11-23T10:20")))
        #expect(throws: MutationError("not undone: maria snoozed it since")) {
            try apply(.undo(id: "R1", undo, ChangeStamp(at: F.t("2026-11-23T10:30"), actor: "maria", note: "snooze")))
        }
    }

    @Test mutating func anAddIsTakenBackOnlyWhileNobodyChangedIt() throws {
        let added = Reminder(id: "R3", title: "Book travel", owners: ["maria", "jonas"], due: F.t("2026-11-25T10:00"))
            .made(.created, ChangeStamp(at: F.t("2026-11-23T10:00"), actor: "maria"))
        try apply(.add(added))
        var untouched = data
        try Mutation.reminder(.withdraw(added)).apply(to: &untouched)
        #expect(!untouched.reminders.contains { $0.id == "R3" })

        try apply(.acknowledge(id: "R3", person: "jonas", at: F.t("2026-11-23T10:05")))
        #expect(throws: MutationError("not undone: jonas acknowledged it since")) { try apply(.withdraw(added)) }
        #expect(data.reminders.contains { $0.id == "R3" })
    }

    @Test mutating func aReminderDeletedSinceCannotBeUndone() throws {
        let undo = try mariaEdits("R1", [.title("Call Acme Ltd")])
        try apply(.delete(id: "R1"))
        #expect(throws: MutationError("not undone: R1 was deleted since")) { try apply(.undo(id: "R1", undo, Self.undoStamp)) }
    }
}

@Suite struct CaseUndoTests {
    static let opened = Date(timeIntervalSince1970: 1_795_428_000)
    static func at(_ minutes: Double) -> Date { opened.addingTimeInterval(minutes * 60) }

    var data = DataSet(cases: [SupportCase(id: "C-2025", title: "Login fails", customer: "Acme", status: .open,
                                           owner: "tom", opened: at(0))],
                       settings: Settings(calendars: [BusinessCalendar(name: "default", zone: "UTC", hours: [])]))

    var item: SupportCase { data.cases[0] }

    /// `action` by maria at `minute`, and what takes it back.
    mutating func maria(_ action: CaseAction, at minute: Double) throws -> CaseUndo {
        let before = item
        try Mutation.supportCase(.act(id: "C-2025", action: action, at: Self.at(minute), actor: "maria")).apply(to: &data)
        return CaseUndo(from: before, to: item, undoing: action, since: Self.at(minute))
    }

    mutating func undo(_ undo: CaseUndo, at minute: Double) throws(MutationError) {
        try Mutation.supportCase(.undo(id: "C-2025", undo, at: Self.at(minute), actor: "maria")).apply(to: &data)
    }

    @Test mutating func undoingAResolveMakesTheCaseAsItWasAndSaysSoInItsHistory() throws {
        _ = try maria(.pause, at: 10)
        let before = item
        let undo = try maria(.resolve, at: 20)
        try self.undo(undo, at: 21)
        #expect(item.status == .pendingCustomer)
        #expect(item.resolvedAt == nil)
        #expect(item.pauses == before.pauses)
        // Unlike a reopen, an undone resolve does not count as the first response.
        #expect(item.firstResponseAt == nil)
        #expect(item.history.map(\.action) == ["paused", "resolved", "undone"])
        #expect(item.history.last == HistoryEvent(at: Self.at(21), actor: "maria", action: "undone", detail: "resolved"))
    }

    @Test mutating func anAssignIsTakenBackOnlyWhileTheOwnerIsUnchanged() throws {
        let undo = try maria(.assign(owner: "lucas"), at: 5)
        try Mutation.supportCase(.act(id: "C-2025", action: .assign(owner: "eva"), at: Self.at(7), actor: "jonas"))
            .apply(to: &data)
        #expect(throws: MutationError("not undone: jonas reassigned C-2025 since")) { try self.undo(undo, at: 8) }
        #expect(item.owner == "eva")
    }

    @Test mutating func aPauseIsTakenBackWithoutCountingAsTheCustomersReply() throws {
        let undo = try maria(.pause, at: 5)
        try self.undo(undo, at: 6)
        #expect(item.status == .open)
        #expect(item.pauses.isEmpty)
        #expect(item.lastCustomerMessageAt == nil)
    }
}
