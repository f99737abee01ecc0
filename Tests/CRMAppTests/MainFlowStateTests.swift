@testable import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// The main flows, key by key, each step checked against the whole next state: what a key
/// changes is named, and nothing else may change.
@Suite struct MainFlowStateTests {
    static func note(_ text: String) -> StatusMessage {
        StatusMessage(text: text, isError: false, expires: Fixture.now + Reducer.noteLifetime)
    }

    @Test func snoozingThroughTheMenu() throws {
        var state = Fixture.state()
        expectStep(&state, .key(.char("s"))) {
            $0.modal = .menu(Menu(title: "Snooze “Call Acme back” until", items: [
                .init(key: "1", label: "10 minutes"), .init(key: "2", label: "1 hour"),
                .init(key: "3", label: "next working morning"), .init(key: "4", label: "a time I choose…"),
            ], purpose: .snooze(reminderID: "R1")))
        }
        let snooze = Mutation.reminder(.snooze(id: "R1", person: "maria", until: Fixture.minutes(60), at: Fixture.now))
        try expectStep(&state, .key(.char("2")), effects: [.persist([snooze])]) {
            $0.modal = nil
            try snooze.apply(to: &$0.data)
            $0.message = Self.note("Snoozed until Mon 23 Nov 11:00: Call Acme back")
            let mark = Reverting(restore: OwnerMark(), expected: OwnerMark(snoozedUntil: Fixture.minutes(60)))
            $0.undoStack = [UndoEntry(label: "snooze Call Acme back",
                                      step: .reminder(id: "R1", ReminderUndo(fields: [], marks: ["maria": mark], since: Fixture.now),
                                                      note: "snooze"))]
        }
    }

    @Test func acknowledgingAndTakingItBack() throws {
        var state = Fixture.state()
        _ = press(.char("a"), &state)
        let mark = Reverting(restore: OwnerMark(), expected: OwnerMark(acknowledged: Fixture.now))
        let undo = Mutation.reminder(.undo(id: "R1", ReminderUndo(fields: [], marks: ["maria": mark], since: Fixture.now),
                                           ChangeStamp(at: Fixture.now, actor: "maria", note: "acknowledgement")))
        try expectStep(&state, .key(.char("u")), effects: [.persist([undo])]) {
            try undo.apply(to: &$0.data)
            $0.undoStack = []
            $0.message = Self.note("Undone: acknowledge Call Acme back")
        }
        let r1 = try #require(state.data.reminders.first { $0.id == "R1" })
        #expect(r1.acknowledgedBy.isEmpty)
    }

    @Test func loggingAnActivityFromTheLeaderboard() throws {
        var state = Fixture.state()
        _ = press(.backTab, &state)
        expectStep(&state, .key(.char("l"))) {
            $0.modal = .menu(Menu(title: "Log one for Maria Keller", items: [.init(key: "1", label: "Calls")],
                                  purpose: .logActivity(kpis: ["calls"])))
        }
        let activity = Activity(person: "maria", kpi: "calls", count: 1, at: Fixture.now)
        expectStep(&state, .key(.char("1")), effects: [.persist([.logActivity(activity)])]) {
            $0.modal = nil
            $0.data.activities.append(activity)
            $0.message = Self.note("Logged 1 × Calls")
            $0.undoStack = [UndoEntry(label: "log 1 × Calls", step: .activity(activity))]
        }
    }

    @Test func respondingToACase() throws {
        var state = Fixture.state()
        expectStep(&state, .key(.tab)) { $0.focus = .cases }
        let respond = Mutation.supportCase(.act(id: "C1", action: .respond, at: Fixture.now, actor: "maria"))
        try expectStep(&state, .key(.char("r")), effects: [.persist([respond])]) {
            try respond.apply(to: &$0.data)
            $0.message = Self.note("C1 responded: Login fails")
            $0.undoStack = [UndoEntry(label: "respond to C1", step: .impossible("the response to C1 was already sent"))]
        }
    }
}
