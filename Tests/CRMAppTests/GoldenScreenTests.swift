import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// The demo data at a pinned moment, as people would see it.
@Suite struct GoldenScreenTests {
    static let at = Date(timeIntervalSince1970: 1_795_428_000)  // 2026-11-23T10:00:00Z

    static func demo(_ size: Size) -> AppState {
        AppState(data: DemoData.make(now: at), user: DemoData.defaultUser, now: at, size: size)
    }

    @Test(arguments: [(80, 24), (120, 40), (40, 12), (160, 48), (150, 40), (200, 50)])
    func dashboard(width: Int, height: Int) {
        Golden.check("dashboard-\(width)x\(height)", Dashboard.render(Self.demo(Size(width: width, height: height))))
    }

    @Test func tooSmall() {
        Golden.check("too-small-30x8", Dashboard.render(Self.demo(Size(width: 30, height: 8))))
    }

    @Test(arguments: [(1, 1), (2, 1), (1, 3), (39, 9), (40, 10), (149, 10), (150, 50)])
    func anySizeRendersWithoutCrashing(width: Int, height: Int) {
        let text = Dashboard.render(Self.demo(Size(width: width, height: height))).textLines().joined(separator: "\n")
        if width >= 40 && height >= 10 {
            // Big enough: the dashboard itself, header first.
            #expect(text.hasPrefix(" crmtop"), "\(width)×\(height):\n\(text)")
        } else if width >= 24 && height >= 3 {
            #expect(text.contains("terminal too small"), "\(width)×\(height):\n\(text)")
        } else {
            // Too small even to say so: nothing half drawn.
            #expect(!text.contains("crmtop"), "\(width)×\(height):\n\(text)")
        }
    }

    @Test func casesFocusedWithSelection() {
        var state = Self.demo(Size(width: 120, height: 40))
        _ = Reducer.reduce(&state, .command(.focusNext))
        _ = Reducer.reduce(&state, .command(.down))
        Golden.check("cases-focused-120x40", Dashboard.render(state))
    }

    @Test func helpOverlay() {
        var state = Self.demo(Size(width: 80, height: 24))
        _ = Reducer.reduce(&state, .command(.help))
        Golden.check("help-80x24", Dashboard.render(state))
    }

    @Test func reminderDetails() {
        var state = Self.demo(Size(width: 120, height: 40))
        _ = Reducer.reduce(&state, .command(.details))
        Golden.check("reminder-details-120x40", Dashboard.render(state))
    }

    @Test func caseDetails() {
        var state = Self.demo(Size(width: 120, height: 40))
        _ = Reducer.reduce(&state, .command(.focusNext))
        _ = Reducer.reduce(&state, .command(.details))
        Golden.check("case-details-120x40", Dashboard.render(state))
    }

    @Test func asciiDrawing() {
        var state = Self.demo(Size(width: 120, height: 40))
        state.ascii = true
        _ = Reducer.reduce(&state, .command(.details))
        let frame = Dashboard.render(state)
        Golden.check("ascii-120x40", frame)
    }

    /// Orders on screen are the model's orders.
    @Test func panesFollowTheModelOrder() {
        let state = Self.demo(Size(width: 200, height: 60))
        let lines = Dashboard.render(state).textLines()
        var lastRow = -1
        for entry in state.derived.reminders {
            let row = lines.firstIndex { $0.contains(String(entry.reminder.title.prefix(24))) }
            #expect(row != nil, "\(entry.reminder.title) not on screen")
            #expect((row ?? -1) > lastRow, "\(entry.reminder.title) out of order")
            lastRow = row ?? lastRow
        }
        var lastCase = -1
        for row in state.derived.cases {
            let line = lines.firstIndex { $0.contains(String(row.item.title.prefix(16))) }
            #expect(line != nil, "\(row.item.title) not on screen")
            #expect((line ?? -1) > lastCase, "\(row.item.title) out of order")
            lastCase = line ?? lastCase
        }
        #expect(zip(state.derived.cases, state.derived.cases.dropFirst()).allSatisfy { !($1.urgency < $0.urgency) })
    }
}

/// The leaderboard pane in its views: people and teams, over several periods.
@Suite struct LeaderboardGoldenTests {
    @Test(arguments: [("day", false), ("week", true), ("month", false), ("quarter", true)])
    func leaderboardViews(period: String, teams: Bool) {
        var state = GoldenScreenTests.demo(Size(width: 100, height: 30))
        // Wednesday afternoon, so the week has some history.
        _ = Reducer.reduce(&state, .tick(GoldenScreenTests.at + 2 * 86_400 + 5 * 3600))
        state.period = Period(rawValue: period)!
        state.showTeams = teams
        state.focus = .leaderboard
        state.refresh()
        Golden.check("leaderboard-\(period)\(teams ? "-teams" : "")-100x30", Dashboard.render(state))
    }
}
