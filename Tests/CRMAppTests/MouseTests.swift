import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// Clicks and the wheel, asserted against what the rendered frame shows: the row
/// clicked on screen is the row that ends up selected.
@Suite struct MouseTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 160, height: 48)]

    func demo(_ size: Size) -> AppState { GoldenScreenTests.demo(size) }

    func click(_ state: inout AppState, x: Int, y: Int) -> [Effect] {
        Reducer.reduce(&state, .mouse(MouseEvent(.click, x: x, y: y)))
    }

    /// Where `text` is drawn, found in the frame rather than worked out from the layout.
    func position(of text: String, in state: AppState, pane: Pane) throws -> (x: Int, y: Int) {
        let rect = try #require(DashboardLayout(state).panes[pane])
        let lines = Dashboard.render(state).textLines()
        for y in rect.y..<rect.maxY {
            let line = lines[y]
            let cells = Array(line)
            // Columns of a line with only narrow characters before the pane's left edge.
            let paneText = String(cells[min(rect.x, cells.count)...])
            if let range = paneText.range(of: text) {
                return (rect.x + paneText.distance(from: paneText.startIndex, to: range.lowerBound), y)
            }
        }
        Issue.record("\(text) not drawn in the \(pane) pane")
        return (0, 0)
    }

    /// A row's first words as drawn, distinctive enough to find it again.
    func shownTitle(_ state: AppState, _ pane: Pane, _ index: Int) -> String {
        switch pane {
        case .reminders: String(state.derived.reminders[index].reminder.title.prefix(20))
        case .cases: String(state.derived.cases[index].item.title.prefix(20))
        case .leaderboard: state.data.person(state.derived.leaderboard[index].person)?.name ?? ""
        }
    }

    @Test(arguments: sizes)
    func aClickFocusesThePaneAndSelectsTheRowUnderThePointer(size: Size) throws {
        for pane in [Pane.cases, .leaderboard, .reminders] {
            var state = demo(size)
            state.focus = pane == .reminders ? .cases : .reminders
            let target = 2
            let title = shownTitle(state, pane, target)
            let spot = try position(of: title, in: state, pane: pane)
            #expect(click(&state, x: spot.x + 2, y: spot.y) == [])
            #expect(state.focus == pane)
            #expect(state.selectedIndex(pane) == target, "\(pane) at \(size)")
            // The selection bar is on the row clicked.
            let roles = Dashboard.render(state).roleLines()[spot.y]
            #expect(Array(roles)[spot.x] == Role.selection.letter, "\(pane) at \(size): \(roles)")
        }
    }

    @Test func aClickOnAScrolledListSelectsWhatIsShownThere() throws {
        var state = demo(Size(width: 120, height: 40))
        state.focus = .cases
        _ = Reducer.reduce(&state, .command(.bottom))
        let top = DashboardLayout(state).listRect(.cases)
        let shownFirst = state.derived.cases.count - top.height
        let title = shownTitle(state, .cases, shownFirst + 1)
        let spot = try position(of: title, in: state, pane: .cases)
        _ = click(&state, x: spot.x, y: spot.y)
        #expect(state.selectedIndex(.cases) == shownFirst + 1)
        // The list does not jump: the row stays where it was clicked.
        #expect(try position(of: title, in: state, pane: .cases).y == spot.y)
    }

    @Test func aClickOnATitleOrBelowTheLastRowOnlyFocuses() {
        var state = demo(Size(width: 160, height: 48))
        let cases = DashboardLayout(state).panes[.cases]!
        let before = state.selection
        _ = click(&state, x: cases.x + 3, y: cases.y)
        #expect(state.focus == .cases)
        #expect(state.selection == before)
        // The side-by-side leaderboard has room below its seven rows.
        let board = DashboardLayout(state).panes[.leaderboard]!
        _ = click(&state, x: board.x + 3, y: board.maxY - 1)
        #expect(state.focus == .leaderboard)
        #expect(state.selection == before)
    }

    @Test func theWheelScrollsThePaneUnderThePointerAndKeepsTheSelectionInSight() {
        var state = demo(Size(width: 120, height: 40))
        let list = DashboardLayout(state).listRect(.cases)
        let first = state.selection[.cases]
        _ = Reducer.reduce(&state, .mouse(MouseEvent(.wheelDown, x: 10, y: list.y + 1)))
        #expect(state.focus == .reminders, "the wheel does not take focus")
        #expect(Dashboard.render(state).textLines()[list.y - 2].contains("4–\(3 + list.height)/22"))
        // The first row scrolled away, so the selection moved down onto the first one shown.
        #expect(state.selectedIndex(.cases) == 3)
        #expect(state.selection[.cases] != first)
        _ = Reducer.reduce(&state, .mouse(MouseEvent(.wheelUp, x: 10, y: list.y + 1)))
        #expect(Dashboard.render(state).textLines()[list.y - 2].contains("1–\(list.height)/22"))
        #expect(state.selectedIndex(.cases) == 3, "still in sight, so it stays")
        // Never past the end.
        for _ in 0..<20 { _ = Reducer.reduce(&state, .mouse(MouseEvent(.wheelDown, x: 10, y: list.y))) }
        #expect(state.scroll[.cases] == 22 - list.height)
    }

    @Test func aClickClosesHelpOrDetailsAndDoesNothingElse() {
        var state = demo(Size(width: 120, height: 40))
        _ = Reducer.reduce(&state, .command(.details))
        let selection = state.selection
        _ = click(&state, x: 5, y: 30)
        #expect(state.overlay == nil)
        #expect(state.focus == .reminders)
        #expect(state.selection == selection)
        _ = Reducer.reduce(&state, .command(.help))
        _ = Reducer.reduce(&state, .mouse(MouseEvent(.wheelDown, x: 5, y: 30)))
        #expect(state.overlay == .help, "the wheel leaves it open")
    }

    @Test func formsMenusAndTheWallIgnoreTheMouse() {
        var state = demo(Size(width: 120, height: 40))
        _ = Reducer.reduce(&state, .command(.newItem))
        let withForm = state
        _ = click(&state, x: 5, y: 30)
        #expect(state == withForm)

        var wall = demo(Size(width: 120, height: 40))
        wall.wall = WallSettings(rotate: 15, title: "Floor", bell: false, locked: false, startedAt: wall.now)
        let before = wall
        _ = Reducer.reduce(&wall, .mouse(MouseEvent(.click, x: 5, y: 30)))
        #expect(wall == before)
    }

    @Test func scriptedClicksDriveTheRuntime() throws {
        let size = Size(width: 160, height: 48)
        let state = demo(size)
        let layout = DashboardLayout(state)
        let list = layout.listRect(.cases)
        let backend = InMemoryBackend(size: size, script: [
            .mouse(MouseEvent(.click, x: list.x + 5, y: list.y + 4)),
            .key(.enter),
        ])
        let runtime = Runtime(state: state, backend: backend, time: ManualTime(GoldenScreenTests.at), store: nil)
        #expect(runtime.run() == 143)
        let expected = state.derived.cases[4].item
        #expect(runtime.state.focus == .cases)
        #expect(runtime.state.overlay == .details(.cases, id: expected.id))
        // Exactly the details overlay the fifth case opens, drawn over the panes.
        Golden.check("clicked-case-details-160x48", try #require(backend.lastFrame))
    }
}
