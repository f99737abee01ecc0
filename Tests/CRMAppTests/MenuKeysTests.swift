import CRMApp
import CRMCore
import Foundation
import Testing
import TerminalUI

/// A menu's items are picked with the key drawn beside them, however many there are.
@Suite struct MenuKeysTests {
    /// Maria's leaderboard with `count` KPIs to log, named "KPI 1" to "KPI n".
    func boardWithKPIs(_ count: Int, keys: [KeyBinding] = KeyMap.bindings) -> AppState {
        var data = Fixture.data
        data.kpis = (1...count).map { KPI(id: "k\($0)", name: "KPI \($0)", points: 1) }
        var state = AppState(data: data, user: "maria", now: Fixture.now, size: Size(width: 120, height: 50))
        state.keyBindings = keys
        _ = press(.backTab, &state)
        return state
    }

    /// The key the menu shows for an item, read off the screen: a menu line is `│ k  label`.
    func drawnKey(of label: String, in state: AppState) throws -> Character {
        let lines = Dashboard.render(state).textLines()
        let pattern = try Regex("│ (.)  \(label) ")
        let match = try #require(lines.lazy.compactMap { $0.firstMatch(of: pattern) }.first, "\(label) is not on screen")
        return try #require(match.output[1].substring?.first)
    }

    @Test(arguments: [30, 45])
    func everyLoggableKPIIsPickedByTheKeyShownForIt(count: Int) throws {
        for n in 1...count {
            var state = boardWithKPIs(count)
            _ = press(.char("l"), &state)
            let key = try drawnKey(of: "KPI \(n)", in: state)
            let effects = press(.char(key), &state)
            #expect(effects == [.persist([.logActivity(Activity(person: "maria", kpi: "k\(n)", count: 1, at: Fixture.now))])],
                    "KPI \(n) on \(key)")
            #expect(state.modal == nil, "KPI \(n) on \(key)")
        }
    }

    /// On a screen shorter than the list, moving down brings the items below into view.
    @Test func aLongMenuScrollsToTheSelectedItem() throws {
        var state = boardWithKPIs(30)
        state.size = Size(width: 80, height: 24)
        _ = press(.char("l"), &state)
        #expect(!Dashboard.render(state).plainText().contains("KPI 30"))
        for _ in 1..<30 { _ = press(.down, &state) }
        let key = try drawnKey(of: "KPI 30", in: state)
        _ = press(.char(key), &state)
        #expect(state.data.activities.last?.kpi == "k30")
    }

    /// A key the person gave the menu itself is never an item's key too.
    @Test func itemKeysStepAroundKeysBoundInMenus() throws {
        var keys = KeyMap.bindings
        let down = try #require(keys.firstIndex { $0.command == .down && $0.scope == .menu })
        keys[down].keys = [.down, .char("2")]
        var state = boardWithKPIs(3, keys: keys)
        _ = press(.char("l"), &state)
        #expect(try drawnKey(of: "KPI 2", in: state) != "2")
        _ = press(.char("2"), &state)
        guard case .menu(let menu) = state.modal else { Issue.record("the menu closed"); return }
        #expect(menu.selected == 1)
    }
}
