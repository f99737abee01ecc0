import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// Stacked panes share the screen's rows by what each has to show: a pane with fewer rows
/// than its share gives the rest to the others, so nothing is hidden beside empty rows.
@Suite struct PaneSharingTests {
    /// Maria's three reminders, one leaderboard row and `cases` open cases.
    static func state(cases: Int, reminders extra: Int = 0, size: Size) -> AppState {
        var data = Fixture.data
        data.cases = (1...cases).map { n in
            SupportCase(id: "C\(n)", title: "Case number \(n)", customer: "Acme", priority: .low,
                        status: .open, owner: "tom", opened: Fixture.minutes(Double(-n)))
        }
        data.reminders += (0..<extra).map { n in
            Reminder(id: "X\(n)", title: "Extra reminder \(n)", owners: ["maria"], due: Fixture.minutes(Double(60 + n)))
        }
        return AppState(data: data, user: "maria", now: Fixture.now, size: size)
    }

    /// The pane's title line, which says which rows show ("1–20/30") when not all do.
    static func title(_ pane: Pane, _ state: AppState) -> String {
        let rect = DashboardLayout(state).panes[pane]!
        return Dashboard.render(state).textLines()[rect.y]
    }

    /// Rows a pane shows and rows it has.
    static func shown(_ pane: Pane, _ state: AppState) -> (visible: Int, count: Int) {
        (DashboardLayout(state).listRect(pane).height, max(1, state.derived.ids(of: pane).count))
    }

    @Test func aShortListGivesItsRowsToALongOne() {
        let state = Self.state(cases: 30, size: Size(width: 100, height: 30))
        // 28 rows between header and footer: 4 for three reminders, 2 for one leaderboard row.
        #expect(DashboardLayout(state).panes[.reminders]!.height == 4)
        #expect(DashboardLayout(state).panes[.leaderboard]!.height == 2)
        #expect(Self.title(.cases, state).hasSuffix("1–20/30 "), "\(Self.title(.cases, state))")
        let lines = Dashboard.render(state).textLines()
        #expect(lines.count { $0.contains("Case number ") } == 20)
        #expect(lines.contains { $0.contains("Book travel") })
        #expect(lines.contains { $0.contains("Tom Berg") })
    }

    @Test func whenEveryPaneOverflowsTheyShareByWeight() {
        let state = Self.state(cases: 30, reminders: 30, size: Size(width: 100, height: 30))
        var data = state.data
        data.activities += (0..<20).map { Activity(person: "p\($0)", kpi: "calls", count: 1, at: Fixture.minutes(-5)) }
        data.people += (0..<20).map { Person(id: "p\($0)", name: "Person \($0)", role: "sales-rep", team: "sales") }
        let all = AppState(data: data, user: "maria", now: Fixture.now, size: state.size)
        #expect(all.derived.ids(of: .leaderboard).count > 9)
        let layout = DashboardLayout(all)
        #expect(Pane.allCases.map { layout.panes[$0]!.height } == [11, 10, 7])
        #expect(layout.panes == DashboardLayout(size: all.size).panes)
        for pane in Pane.allCases {
            #expect(Self.shown(pane, all).visible < Self.shown(pane, all).count)
        }
    }

    @Test func twoLongListsShareWhatTheShortOneLeaves() {
        let state = Self.state(cases: 30, reminders: 30, size: Size(width: 100, height: 30))
        let layout = DashboardLayout(state)
        #expect(layout.panes[.leaderboard]!.height == 2)
        #expect(layout.panes[.reminders]!.height == 13)
        #expect(layout.panes[.cases]!.height == 13)
    }

    @Test func whenEverythingFitsTheSpareRowsGoRoundAndNothingIsCut() {
        let state = Self.state(cases: 4, size: Size(width: 120, height: 40))
        for pane in Pane.allCases {
            let (visible, count) = Self.shown(pane, state)
            #expect(visible >= count, "\(pane)")
        }
        let heights = Pane.allCases.map { DashboardLayout(state).panes[$0]!.height }
        #expect(heights.reduce(0, +) == 38)
    }

    /// Whatever the size and the lists: a pane that hides rows never sits beside one with
    /// rows to spare.
    @Test(arguments: [(80, 24), (100, 30), (120, 40), (90, 17), (140, 60)])
    func noPaneIsCutWhileAnotherHasEmptyRows(width: Int, height: Int) {
        for (cases, reminders) in [(1, 0), (5, 0), (12, 2), (30, 0), (30, 30), (9, 14)] {
            let state = Self.state(cases: cases, reminders: reminders, size: Size(width: width, height: height))
            let cut = Pane.allCases.filter { Self.shown($0, state).visible < Self.shown($0, state).count }
            let spare = Pane.allCases.filter { Self.shown($0, state).visible > Self.shown($0, state).count }
            #expect(cut.isEmpty || spare.isEmpty, "\(width)x\(height) \(cases)/\(reminders): cut \(cut), spare \(spare)")
        }
    }
}
