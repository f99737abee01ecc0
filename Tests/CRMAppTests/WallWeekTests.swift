import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// A wall runs for weeks: a simulated week of ticks, data changes and failed reads
/// must leave the state no bigger than at the start.
@Suite struct WallWeekTests {
    @Test func stateStaysBoundedOverAWeek() {
        var state = WallTests.wall(Size(width: 160, height: 48), bell: true)
        let data = state.data
        var changed = data
        changed.cases.removeFirst()
        changed.reminders.removeLast()
        let items = data.cases.count + data.reminders.count
        let step: TimeInterval = 600
        for i in 1...(7 * 24 * 3600 / Int(step)) {
            let now = WallTests.at + TimeInterval(i) * step
            _ = Reducer.reduce(&state, .tick(now))
            switch i % 12 {
            case 3: _ = Reducer.reduce(&state, .reloaded(i % 24 == 3 ? changed : data))
            case 7: _ = Reducer.reduce(&state, .reloadFailed("settings.json: unreadable"))
            case 8: _ = Reducer.reduce(&state, .reloaded(state.data))
            default: break
            }
            if i % 3 == 0 { _ = Dashboard.render(state) }
            #expect(state.flashes.count <= items)
            #expect(state.flashes.values.allSatisfy { $0 > now })
            #expect(state.undoStack.isEmpty)
            #expect(state.message.map { $0.expires != nil } ?? true)
            #expect(state.selection.count <= Pane.allCases.count && state.scroll.count <= Pane.allCases.count)
            #expect(state.data.cases.count <= data.cases.count && state.data.reminders.count <= data.reminders.count)
        }
        _ = Reducer.reduce(&state, .tick(WallTests.at + 8 * 86_400))
        #expect(state.flashes.isEmpty)
        #expect(state.loadError == nil)
    }

    /// Over a quiet weekend nothing is read again: the title then says which day the data
    /// is from, not only the time, which would read as today.
    @Test func dataReadOnAnEarlierDaySaysWhichDay() {
        var state = WallTests.wall(Size(width: 160, height: 48))
        _ = Reducer.reduce(&state, .tick(WallTests.at + 3600))
        #expect(Dashboard.render(state).textLines()[0].hasSuffix(" updated 11:00:00 "))
        _ = Reducer.reduce(&state, .tick(WallTests.at + 2 * 86_400))
        #expect(Dashboard.render(state).textLines()[0].hasSuffix(" updated Mon 23 Nov 2026 11:00:00 "))
        _ = Reducer.reduce(&state, .reloadFailed("cases.json: unreadable"))
        #expect(Dashboard.render(state).textLines()[1].contains("showing data read at Mon 23 Nov 2026 11:00:00"))
        _ = Reducer.reduce(&state, .reloaded(state.data))
        #expect(Dashboard.render(state).textLines()[0].hasSuffix(" updated 11:00:00 "))
    }
}
