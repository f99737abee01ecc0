import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// What the reminders pane's keys write into a reminder's history: the injected time and the
/// user, in the data set's zone (UTC in the fixture).
@Suite struct ReminderHistoryKeysTests {
    func history(_ state: AppState, _ id: String = "R1") -> [HistoryEvent] {
        state.data.reminders.first { $0.id == id }?.history ?? []
    }

    @Test func acknowledgingRecordsTheUserAndTheTime() {
        var state = Fixture.state()
        _ = press(.char("a"), &state)
        #expect(history(state) == [HistoryEvent(at: Fixture.now, actor: "maria", action: "acknowledged")])
    }

    @Test func snoozingRecordsUntilWhen() {
        var state = Fixture.state()
        _ = press(.char("s"), &state)
        _ = type("1", &state)
        #expect(history(state) == [HistoryEvent(at: Fixture.now, actor: "maria", action: "snoozed",
                                                detail: "until 2026-11-23 10:10")])
    }

    @Test func editingRecordsWhatChanged() {
        var state = Fixture.state()
        _ = Reducer.reduce(&state, .tick(Fixture.minutes(2)))
        _ = press(.char("e"), &state)
        _ = press(.ctrl("u"), &state)
        _ = type("Call Acme back today", &state)
        _ = press(.tab, &state)
        _ = press(.ctrl("u"), &state)
        _ = type("low", &state)
        let effects = press(.enter, &state)
        let event = HistoryEvent(at: Fixture.minutes(2), actor: "maria", action: "edited",
                                 detail: "title: Call Acme back → Call Acme back today; priority: high → low")
        #expect(history(state) == [event])
        // The store gets the time and the user with the change, so it records the same.
        guard case .persist(let mutations)? = effects.first,
              case .reminder(.edit(_, _, let stamp))? = mutations.first else {
            Issue.record("no edit saved: \(effects)")
            return
        }
        #expect(stamp == ChangeStamp(at: Fixture.minutes(2), actor: "maria"))
    }

    @Test func aNewReminderStartsWithItsCreation() throws {
        var state = Fixture.state()
        fillNewReminder(title: "Call Nordwind", due: "+2h", &state)
        _ = press(.enter, &state)
        let made = try #require(state.data.reminders.first { $0.title == "Call Nordwind" })
        #expect(made.history == [HistoryEvent(at: Fixture.now, actor: "maria", action: "created")])
    }

    @Test func aReminderShiftedIntoWorkingTimeSaysSo() throws {
        var state = Fixture.officeHoursState()
        fillNewReminder(title: "Late call", due: "20:00", &state)
        _ = press(.ctrl("s"), &state)
        _ = press(.enter, &state)
        let made = try #require(state.data.reminders.first { $0.title == "Late call" })
        #expect(made.history == [HistoryEvent(at: Fixture.now, actor: "maria", action: "created",
                                              detail: "shifted to working time")])
    }

    @Test func anUndoIsRecordedAtTheTimeItIsMade() {
        var state = Fixture.state()
        _ = press(.char("a"), &state)
        _ = Reducer.reduce(&state, .tick(Fixture.minutes(1)))
        _ = press(.char("u"), &state)
        #expect(history(state) == [
            HistoryEvent(at: Fixture.now, actor: "maria", action: "acknowledged"),
            HistoryEvent(at: Fixture.minutes(1), actor: "maria", action: "undone", detail: "acknowledgement"),
        ])
    }

    @Test func undoingAnEditKeepsItsHistory() {
        var state = Fixture.state()
        _ = press(.char("e"), &state)
        _ = press(.ctrl("u"), &state)
        _ = type("Wrong title", &state)
        _ = press(.enter, &state)
        _ = Reducer.reduce(&state, .tick(Fixture.minutes(1)))
        _ = press(.char("u"), &state)
        let r1 = state.data.reminders.first { $0.id == "R1" }
        #expect(r1?.title == "Call Acme back")
        #expect(history(state).map(\.action) == ["edited", "undone"])
        #expect(history(state).last == HistoryEvent(at: Fixture.minutes(1), actor: "maria", action: "undone",
                                                    detail: "edit; title: Wrong title → Call Acme back"))
    }

    /// Acknowledged, snoozed by Tom, edited and a title with a control character: the details
    /// list it all, newest first, in local time, the title made harmless.
    static func withHistory() -> AppState {
        var data = Fixture.data
        data.reminders[0].history = [
            HistoryEvent(at: Fixture.minutes(-3 * 24 * 60), actor: "tom", action: "created"),
            HistoryEvent(at: Fixture.minutes(-30), actor: "tom", action: "snoozed", detail: "until 2026-11-23 09:50"),
            HistoryEvent(at: Fixture.minutes(-5), actor: "maria", action: "edited",
                         detail: "title: Call \u{1B}[31mAcme → Call Acme back; priority: normal → high"),
        ]
        var state = AppState(data: data, user: "maria", now: Fixture.now, size: Size(width: 100, height: 30))
        _ = Reducer.reduce(&state, .key(.char("a")))
        _ = Reducer.reduce(&state, .command(.details))
        return state
    }

    @Test func theDetailsListTheHistoryNewestFirst() throws {
        let lines = Dashboard.render(Self.withHistory()).textLines()
        let rows = ["acknowledged by maria", "edited by maria", "snoozed by tom", "created by tom"].map { text in
            lines.firstIndex { $0.contains(text) }
        }
        #expect(rows.allSatisfy { $0 != nil }, "\(lines.joined(separator: "\n"))")
        #expect(rows.compactMap { $0 } == rows.compactMap { $0 }.sorted())
        let acknowledged = try #require(lines.first { $0.contains("acknowledged by maria") })
        #expect(acknowledged.contains("Mon 23 Nov 10:00"))
        #expect(!lines.joined().contains("\u{1B}"))
    }

    @Test func historyGolden() {
        Golden.check("reminder-history-100x30", Dashboard.render(Self.withHistory()))
    }
}
