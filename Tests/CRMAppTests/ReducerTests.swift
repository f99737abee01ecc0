import CRMApp
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

    @Test func acknowledgingMarksItForTheUserOnlyAndAsksToSave() {
        var state = Fixture.state()
        let effects = Reducer.reduce(&state, .command(.acknowledge))
        #expect(effects == [.persist([.reminder(.acknowledgeOccurrence(id: "R1", person: "maria",
                                                                        due: Fixture.minutes(-20), at: Fixture.now))])])
        let r1 = state.data.reminders.first { $0.id == "R1" }!
        #expect(r1.acknowledgedBy == ["maria": Fixture.now])
        #expect(r1.state(for: "tom", at: Fixture.now) == .overdue)
        // Settled items sink below the open ones, and the selection follows the item.
        #expect(state.derived.reminders.map(\.reminder.id) == ["R2", "R3", "R1"])
        #expect(state.selection[.reminders] == "R1")
        #expect(state.message?.text == "Acknowledged: Call Acme back")
    }

    @Test func acknowledgingTwiceChangesNothing() {
        var state = Fixture.state()
        _ = Reducer.reduce(&state, .command(.acknowledge))
        let before = state.data
        #expect(Reducer.reduce(&state, .command(.acknowledge)).isEmpty)
        #expect(state.data == before)
    }

    @Test func acknowledgeOnlyWorksInTheRemindersPane() {
        var state = Fixture.state()
        _ = Reducer.reduce(&state, .command(.focusNext))
        #expect(state.focus == .cases)
        #expect(Reducer.reduce(&state, .command(.acknowledge)).isEmpty)
        #expect(state.data == Fixture.data)
    }

    @Test func focusCyclesBothWays() {
        var state = Fixture.state()
        for expected in [Pane.cases, .leaderboard, .reminders] {
            _ = Reducer.reduce(&state, .command(.focusNext))
            #expect(state.focus == expected)
        }
        _ = Reducer.reduce(&state, .command(.focusPrevious))
        #expect(state.focus == .leaderboard)
    }

    @Test func movementClampsAtBothEnds() {
        var state = Fixture.state()
        _ = Reducer.reduce(&state, .command(.up))
        #expect(state.selection[.reminders] == "R1")
        _ = Reducer.reduce(&state, .command(.down))
        #expect(state.selection[.reminders] == "R2")
        _ = Reducer.reduce(&state, .command(.bottom))
        #expect(state.selection[.reminders] == "R3")
        _ = Reducer.reduce(&state, .command(.pageDown))
        #expect(state.selection[.reminders] == "R3")
        _ = Reducer.reduce(&state, .command(.top))
        #expect(state.selection[.reminders] == "R1")
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
        _ = Reducer.reduce(&state, .command(.details))
        #expect(state.overlay == .details(.reminders, id: "R1"))
        _ = Reducer.reduce(&state, .command(.close))
        #expect(state.overlay == nil)
        _ = Reducer.reduce(&state, .command(.help))
        #expect(state.overlay == .help)
        _ = Reducer.reduce(&state, .command(.help))
        #expect(state.overlay == nil)
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
        #expect(KeyMap.resolve(.char("a"), focus: .reminders, overlayOpen: false) == .acknowledge)
        #expect(KeyMap.resolve(.char(" "), focus: .reminders, overlayOpen: false) == .acknowledge)
        #expect(KeyMap.resolve(.char("a"), focus: .cases, overlayOpen: false) == nil)
        #expect(KeyMap.resolve(.char("q"), focus: .cases, overlayOpen: false) == .quit)
        #expect(KeyMap.resolve(.char("q"), focus: .cases, overlayOpen: true) == .close)
        #expect(KeyMap.resolve(.char("j"), focus: .leaderboard, overlayOpen: false) == .down)
        #expect(KeyMap.resolve(.backTab, focus: .leaderboard, overlayOpen: false) == .focusPrevious)
    }

    @Test func noKeyIsBoundTwiceInOneScope() {
        // The reminders pane's keys are active together with the dashboard's.
        for scopes in [[KeyScope.dashboard, .reminders], [.overlay], [.form], [.menu], [.filter]] {
            let keys = KeyMap.bindings.filter { scopes.contains($0.scope) }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "duplicate key in \(scopes)")
        }
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
