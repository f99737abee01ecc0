@testable import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

@Suite struct ReducerTests {
    @Test func remindersPaneListsOnlyTheUsersRemindersInOrder() {
        let state = Fixture.state()
        #expect(state.derived.reminders.map(\.reminder.id) == ["R1", "R2", "R3"])
        #expect(state.derived.reminders.map(\.state) == [.overdue, .active, .upcoming])
        #expect(state.selection[.reminders] == "R1")
    }

    static let acknowledgeR1 = Mutation.reminder(.acknowledgeOccurrence(id: "R1", person: "maria",
                                                                        due: Fixture.minutes(-20), at: Fixture.now))

    @Test func acknowledgingMarksItForTheUserOnlyAndAsksToSave() throws {
        var state = Fixture.state()
        try expectStep(&state, .command(.acknowledge), effects: [.persist([Self.acknowledgeR1])]) {
            try Self.acknowledgeR1.apply(to: &$0.data)
            $0.message = StatusMessage(text: "Acknowledged: Call Acme back", isError: false,
                                       expires: Fixture.now + Reducer.noteLifetime)
            let mark = Reverting(restore: OwnerMark(), expected: OwnerMark(acknowledged: Fixture.now))
            $0.undoStack = [UndoEntry(label: "acknowledge Call Acme back",
                                      step: .reminder(id: "R1", ReminderUndo(fields: [], marks: ["maria": mark], since: Fixture.now),
                                                      note: "acknowledgement"))]
        }
        let r1 = state.data.reminders.first { $0.id == "R1" }!
        #expect(r1.acknowledgedBy == ["maria": Fixture.now])
        #expect(r1.state(for: "tom", at: Fixture.now) == .overdue)
        // Settled items sink below the open ones, and the selection follows the item.
        #expect(state.derived.reminders.map(\.reminder.id) == ["R2", "R3", "R1"])
        #expect(state.selection[.reminders] == "R1")
    }

    @Test func acknowledgingTwiceChangesNothingButSaysSo() {
        var state = Fixture.state()
        _ = Reducer.reduce(&state, .command(.acknowledge))
        expectStep(&state, .command(.acknowledge)) {
            $0.message = StatusMessage(text: "Already acknowledged: Call Acme back", isError: false,
                                       expires: Fixture.now + Reducer.noteLifetime)
        }
    }

    @Test func acknowledgeOnlyWorksInTheRemindersPane() {
        var state = Fixture.state()
        expectStep(&state, .command(.focusNext)) { $0.focus = .cases }
        expectStep(&state, .command(.acknowledge))
        #expect(state.data == Fixture.data)
    }

    @Test func focusCyclesBothWays() {
        var state = Fixture.state()
        for expected in [Pane.cases, .leaderboard, .reminders] {
            expectStep(&state, .command(.focusNext)) { $0.focus = expected }
        }
        expectStep(&state, .command(.focusPrevious)) { $0.focus = .leaderboard }
    }

    @Test func movementClampsAtBothEnds() {
        var state = Fixture.state()
        // Moving keeps the selection in view, which writes down the (unchanged) scroll.
        expectStep(&state, .command(.up)) { $0.scroll[.reminders] = 0 }
        expectStep(&state, .command(.down)) { $0.selection[.reminders] = "R2" }
        expectStep(&state, .command(.bottom)) { $0.selection[.reminders] = "R3" }
        expectStep(&state, .command(.pageDown))
        expectStep(&state, .command(.top)) { $0.selection[.reminders] = "R1" }
    }

    @Test func ticksMoveTimeAndStatesWithIt() {
        var state = Fixture.state()
        _ = Reducer.reduce(&state, .tick(Fixture.minutes(31)))
        let r2 = state.derived.reminders.first { $0.reminder.id == "R2" }!
        #expect(r2.state == .due)
    }

    @Test func notesFadeAndErrorsStay() {
        var state = Fixture.state()
        _ = Reducer.reduce(&state, .command(.acknowledge))
        _ = Reducer.reduce(&state, .tick(Fixture.now.addingTimeInterval(Reducer.noteLifetime)))
        #expect(state.message == nil)
        _ = Reducer.reduce(&state, .saveFailed("cannot write reminders.json: Read-only file system"))
        // A minute in which nothing comes due or breaches, so no note takes the line.
        _ = Reducer.reduce(&state, .tick(Fixture.minutes(20)))
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("Read-only file system") == true)
        _ = Reducer.reduce(&state, .persisted(state.data))
        #expect(state.message == nil)
    }

    @Test func signalsExitWith128PlusTheirNumber() {
        var state = Fixture.state()
        // What the disk refused is kept before the program ends.
        #expect(Reducer.reduce(&state, .signal(15)) == [.keepUnsaved, .exit(143)])
        #expect(Reducer.reduce(&state, .signal(1)) == [.keepUnsaved, .exit(129)])
        #expect(Reducer.reduce(&state, .command(.quit)) == [.exit(0)])
    }

    @Test func detailsAndHelpOpenAndClose() {
        var state = Fixture.state()
        expectStep(&state, .command(.details)) { $0.overlay = .details(.reminders, id: "R1") }
        expectStep(&state, .command(.close)) { $0.overlay = nil }
        expectStep(&state, .command(.help)) { $0.overlay = .help }
        expectStep(&state, .command(.help)) { $0.overlay = nil }
    }

    @Test func scrollingKeepsTheSelectionVisible() {
        var data = Fixture.data
        data.reminders = (0..<50).map {
            Reminder(id: String(format: "R%02d", $0), title: "r\($0)", owners: ["maria"],
                     due: Fixture.minutes(Double($0 + 1) * 10))
        }
        var state = AppState(data: data, user: "maria", now: Fixture.now, size: Size(width: 80, height: 24))
        let page = DashboardLayout(state).listRect(.reminders).height
        for _ in 0..<page { _ = Reducer.reduce(&state, .command(.down)) }
        #expect(state.selectedIndex(.reminders) == page)
        #expect(state.scroll[.reminders] == 1)
        _ = Reducer.reduce(&state, .command(.bottom))
        #expect(state.scroll[.reminders] == 50 - page)
    }
}

@Suite struct KeyMapTests {
    @Test func keysResolveByScope() {
        #expect(KeyMap.resolve(.char("a"), in: .pane(.reminders)) == .acknowledge)
        #expect(KeyMap.resolve(.char(" "), in: .pane(.reminders)) == .acknowledge)
        #expect(KeyMap.resolve(.char("a"), in: .pane(.cases)) == nil)
        #expect(KeyMap.resolve(.char("q"), in: .pane(.cases)) == .quit)
        #expect(KeyMap.resolve(.char("q"), in: .overlay) == .close)
        #expect(KeyMap.resolve(.char("j"), in: .pane(.leaderboard)) == .down)
        #expect(KeyMap.resolve(.backTab, in: .pane(.leaderboard)) == .focusPrevious)
    }

    @Test func readmeKeyListIsTheKeyTable() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md")
        var text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "<!-- keys:start -->\n"))
        let end = try #require(text.range(of: "<!-- keys:end -->"))
        if ProcessInfo.processInfo.environment["CRMTOP_UPDATE_GOLDENS"] == "1" {
            text.replaceSubrange(start.upperBound..<end.lowerBound, with: KeyMap.markdownTable())
            try text.write(to: readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(text[start.upperBound..<end.lowerBound]) == KeyMap.markdownTable())
    }
}
