import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// The recent events listed above the footer.
@Suite struct MessageAreaTests {
    /// The demo as the morning goes on: cases breach and climb the ladder, a reminder comes due.
    static func later(_ size: Size, bell: Bool = false) -> (AppState, [Effect]) {
        var state = GoldenScreenTests.demo(size)
        // A notify command, so that the area names who is told.
        state.data.settings.notify.command = "notify-team"
        state.bellOnDue = bell
        var effects: [Effect] = []
        for minutes in [6, 41, 111] {
            effects += Reducer.reduce(&state, .tick(GoldenScreenTests.at + TimeInterval(minutes * 60)))
        }
        return (state, effects)
    }

    @Test func listsTheNewestEventsFirstOnATallScreen() {
        let (state, effects) = Self.later(Size(width: 120, height: 40))
        let notices = effects.compactMap { if case .notify(let n) = $0 { n } else { nil } }
        #expect(!notices.isEmpty)
        #expect(state.recentNotices == notices)
        let frame = Dashboard.render(state)
        Golden.check("messages-120x40", frame)
        let lines = frame.textLines()
        // The three rows above the footer, the newest on top.
        #expect(notices.count > 3)
        for (row, notice) in zip(36...38, notices.reversed()) {
            #expect(lines[row].contains(notice.title.prefix(30)), "\(lines[row])")
        }
        #expect(lines[36].hasPrefix(" 12:51 "), "\(lines[36])")
    }

    /// Someone else logs the calls that reach a goal: the dashboard lists the good news once,
    /// however many seconds of its half minute pass.
    @Test func aCelebrationIsListedOnce() throws {
        let at = GoldenScreenTests.at
        var state = GoldenScreenTests.demo(Size(width: 120, height: 40))
        var data = state.data
        data.activities.append(Activity(person: "jonas", kpi: "calls", count: 8, at: at + 3))
        data.activities.append(Activity(person: "jonas", kpi: "appointments", count: 1, at: at + 3))
        _ = Reducer.reduce(&state, .tick(at + 3))
        _ = Reducer.reduce(&state, .reloaded(data))
        for second in 4...40 { _ = Reducer.reduce(&state, .tick(at + TimeInterval(second))) }
        // The three rows above the footer, all three pieces of news, each once.
        let lines = Dashboard.render(state).textLines()
        #expect(Array(lines[36...38]) == [
            " 11:00 streak Jonas Weber: 10 working days in a row on every daily goal",
            " 11:00 in the lead Jonas Weber takes the lead this week",
            " 11:00 goal reached Jonas Weber reached today's Calls goal: 10 of 10",
        ].map { Text.fit($0, to: 120) }, "\(lines[36...38])")
    }

    @Test func takesNoRowsFromASmallScreenOrWhenNothingHappened() {
        let (small, _) = Self.later(Size(width: 80, height: 24))
        #expect(!small.recentNotices.isEmpty)
        #expect(DashboardLayout(small).messages.height == 0)
        #expect(Dashboard.render(small) == Dashboard.render({ var s = small; s.recentNotices = []; return s }()))
        let quiet = GoldenScreenTests.demo(Size(width: 120, height: 40))
        #expect(DashboardLayout(quiet).messages.height == 0)
    }

    @Test func eventsOlderThanAnHourLeaveTheArea() {
        var (state, _) = Self.later(Size(width: 120, height: 40))
        let last = state.recentNotices.last!.at
        state.now = last + 3599
        #expect(DashboardLayout(state).messages.height == 3)
        #expect(Dashboard.render(state).textLines()[36].contains(state.recentNotices.last!.title))
        state.now = last + 3600
        #expect(DashboardLayout(state).messages.height == 0)
    }

    @Test func theBellRingsForABreachWhenAskedFor() {
        #expect(!Self.later(Size(width: 120, height: 40)).1.contains(.bell))
        var state = GoldenScreenTests.demo(Size(width: 120, height: 40))
        state.bellOnDue = true
        // Several cases breach and escalate in this minute: one ring.
        let effects = Reducer.reduce(&state, .tick(GoldenScreenTests.at + 41 * 60))
        #expect(effects.contains { if case .notify(let n) = $0 { n.kind.isUrgent } else { false } })
        #expect(effects.filter { $0 == .bell }.count == 1)
    }
}
