import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// The reminders pane's keys, typed as a person would.
@Suite struct ReminderKeysTests {
    @Test func newReminderFormCreatesOneForTheUser() throws {
        var state = Fixture.state()
        _ = press(.char("n"), &state)
        guard case .form = state.modal else { Issue.record("no form"); return }
        _ = type("Call Nordwind", &state)
        _ = press(.tab, &state)
        _ = press(.ctrl("u"), &state)
        _ = type("high", &state)
        _ = press(.tab, &state)
        _ = type("+2h", &state)
        let effects = press(.enter, &state)
        #expect(state.modal == nil)
        let made = try #require(state.data.reminders.first { $0.title == "Call Nordwind" })
        #expect(made.id == "R-1001")
        #expect(made.priority == .high)
        #expect(made.owners == ["maria"])
        #expect(made.due == Fixture.minutes(120))
        #expect(effects == [.persist([.reminder(.add(made))])])
        #expect(state.selection[.reminders] == made.id)
    }

    /// The form reads times with the command line's reader: a weekday is the next one to come.
    @Test func theFormReadsAWeekday() throws {
        var state = Fixture.state()
        fillNewReminder(title: "Call Nordwind", due: "fri 16:00", &state)
        _ = press(.enter, &state)
        let made = try #require(state.data.reminders.first { $0.title == "Call Nordwind" })
        #expect(made.due == Fixture.minutes((4 * 24 + 6) * 60))
    }

    @Test func theFormRefusesBadFieldsInline() {
        var state = Fixture.state()
        _ = press(.char("n"), &state)
        _ = press(.enter, &state)
        guard case .form(let form) = state.modal else { Issue.record("form closed"); return }
        #expect(form.fields.first { $0.label == "Title" }?.error == "a title is needed")
        #expect(form.fields.first { $0.label == "Due" }?.error == "when is it due?")
        _ = type("x", &state)
        _ = press(.tab, &state)
        _ = press(.tab, &state)
        _ = type("someday", &state)
        guard case .form(let after) = state.modal else { return }
        #expect(after.fields.first { $0.label == "Title" }?.error == nil)
        #expect(after.fields.first { $0.label == "Due" }?.error == "not a time I can read")
        _ = press(.escape, &state)
        #expect(state.modal == nil)
        #expect(state.data == Fixture.data)
    }

    @Test func aDueTimeOutsideWorkingHoursWarnsAndCanBeShifted() throws {
        var state = Fixture.officeHoursState()
        fillNewReminder(title: "Late call", due: "20:00", &state)
        guard case .form(let form) = state.modal else { Issue.record("no form"); return }
        #expect(form.warnings.first?.contains("outside working hours") == true, "\(form.warnings)")
        _ = press(.ctrl("s"), &state)
        _ = press(.enter, &state)
        let made = try #require(state.data.reminders.first { $0.title == "Late call" })
        // Monday 20:00 moves to Tuesday 09:00.
        #expect(made.due == Fixture.minutes(23 * 60))
    }

    @Test func snoozeMenuSnoozesForTheUserOnly() throws {
        var state = Fixture.state()
        _ = press(.char("s"), &state)
        let effects = type("2", &state)
        let r1 = try #require(state.data.reminders.first { $0.id == "R1" })
        #expect(r1.snoozedUntil == ["maria": Fixture.minutes(60)])
        #expect(r1.priority == .high && r1.due == Fixture.minutes(-20))
        #expect(r1.state(for: "tom", at: Fixture.now) == .overdue)
        #expect(effects == [.persist([.reminder(.snooze(id: "R1", person: "maria", until: Fixture.minutes(60), at: Fixture.now))])])
    }

    @Test func deleteAsksFirstAndUndoBringsItBack() {
        var state = Fixture.state()
        _ = press(.char("d"), &state)
        _ = press(.char("n"), &state)
        #expect(state.data.reminders.count == 4)
        _ = press(.char("d"), &state)
        _ = press(.char("y"), &state)
        #expect(!state.data.reminders.contains { $0.id == "R1" })
        _ = press(.char("u"), &state)
        #expect(state.data.reminders.contains { $0.id == "R1" })
    }

    @Test func undoTakesBackAnAcknowledgement() {
        var state = Fixture.state()
        _ = press(.char("a"), &state)
        #expect(state.data.reminders[0].acknowledgedBy["maria"] != nil)
        let effects = press(.char("u"), &state)
        #expect(state.data.reminders[0].acknowledgedBy["maria"] == nil)
        // Only maria's own acknowledgement goes back, and only while it is the one she made.
        let undo = ReminderUndo(fields: [], marks: ["maria": Reverting(restore: OwnerMark(),
                                                                      expected: OwnerMark(acknowledged: Fixture.now))],
                                since: Fixture.now)
        #expect(effects == [.persist([.reminder(.undo(id: "R1", undo, ChangeStamp(at: Fixture.now, actor: "maria",
                                                                                  note: "acknowledgement")))])])
        #expect(state.message?.text == "Undone: acknowledge Call Acme back")
    }

    @Test func filterNarrowsAndEscClears() {
        var state = Fixture.state()
        _ = press(.char("/"), &state)
        _ = type("quote", &state)
        #expect(state.derived.reminders.map(\.reminder.id) == ["R2"])
        _ = press(.enter, &state)
        #expect(state.modal == nil)
        #expect(state.derived.reminders.map(\.reminder.id) == ["R2"])
        _ = press(.char("/"), &state)
        _ = press(.escape, &state)
        #expect(state.derived.reminders.count == 3)
    }

    @Test func everyoneShowsOtherPeoplesReminders() {
        var state = Fixture.state()
        _ = press(.char("A"), &state)
        #expect(state.derived.reminders.map(\.reminder.id).contains("R4"))
        _ = press(.char("A"), &state)
        #expect(!state.derived.reminders.map(\.reminder.id).contains("R4"))
    }

    @Test func editKeepsIdAndAcknowledgements() throws {
        var state = Fixture.state()
        _ = press(.char("a"), &state)
        _ = press(.char("e"), &state)
        _ = press(.ctrl("u"), &state)
        _ = type("Call Acme back today", &state)
        _ = press(.enter, &state)
        let r1 = try #require(state.data.reminders.first { $0.id == "R1" })
        #expect(r1.title == "Call Acme back today")
        #expect(r1.acknowledgedBy["maria"] == Fixture.now)
        #expect(r1.owners == ["maria", "tom"])
    }

    @Test func openLinkWithoutALinkSaysSo() {
        var state = Fixture.state()
        #expect(press(.char("o"), &state).isEmpty)
        #expect(state.message?.text == "Call Acme back has no link")
    }

    @Test func formsAndMenusGolden() {
        var state = Fixture.state()
        _ = press(.char("n"), &state)
        _ = type("Call Nordwind", &state)
        Golden.check("reminder-form-120x40", Dashboard.render(state))
        var menu = Fixture.state(size: Size(width: 80, height: 24))
        _ = press(.char("s"), &menu)
        Golden.check("snooze-menu-80x24", Dashboard.render(menu))
    }
}

@Suite struct ComingDueTests {
    @Test func aReminderComingDueFlashesSaysSoAndNotifies() {
        var state = Fixture.state()
        state.data.settings.notify.command = "notify-team"
        state.bellOnDue = true
        let effects = Reducer.reduce(&state, .tick(Fixture.minutes(30)))
        let notice = Notice(kind: .reminderDue, id: "R2", title: "Send quote to Nordwind",
                            recipients: ["maria"], at: Fixture.minutes(30))
        #expect(effects == [.notify(notice), .bell])
        #expect(state.message?.text == "Due now: Send quote to Nordwind")
        #expect(state.flashes["R2"] == Fixture.minutes(30) + 5)
        let row = Dashboard.render(state).roleLines().first { $0.contains("F") }
        #expect(row != nil, "the row should be highlighted")
        // A few seconds later the highlight is gone; nothing is announced twice.
        #expect(Reducer.reduce(&state, .tick(Fixture.minutes(30) + 6)).isEmpty)
        #expect(state.flashes.isEmpty)
    }

    @Test func theBellIsOffByDefault() {
        var state = Fixture.state()
        let effects = Reducer.reduce(&state, .tick(Fixture.minutes(30)))
        #expect(!effects.contains(.bell))
    }
}
