import CRMApp
import CRMCore
import Foundation
import TerminalUI
import Testing

/// A rise the dashboard or the wall announces is written into the case's history, once.
@Suite struct EscalationRecordingTests {
    static let at = GoldenScreenTests.at  // 11:00 in Berlin; C-2025 breaches at 11:05

    static func escalations(_ state: AppState, _ id: String) -> [String] {
        state.data.cases.first { $0.id == id }!.history.filter { $0.action == "escalated" }.map {
            "\(TimeText.format($0.at, zone: DemoData.zone)) \($0.detail ?? "")"
        }
    }

    @Test(arguments: [false, true])
    func aRiseNoticedOnScreenIsStoredInTheHistoryOnce(wall: Bool) {
        var state = GoldenScreenTests.demo(Size(width: 120, height: 40))
        if wall {
            state.wall = WallSettings(startedAt: Self.at)
            state.refresh()
        }
        let before = Self.escalations(state, "C-2025")
        let effects = Reducer.reduce(&state, .tick(Self.at + 6 * 60))
        let expected = Mutation.supportCase(.act(id: "C-2025", action: .escalate(to: 2), at: Self.at + 5 * 60, actor: nil))
        #expect(effects.contains(.persist([expected])), "\(effects)")
        #expect(Self.escalations(state, "C-2025") == before + ["2026-11-23T11:05:00+01:00 level 2: team-lead"])
        #expect(state.message?.text.contains("C-2025 escalated to level 2") == true)
        // The next seconds find it recorded.
        let later = Reducer.reduce(&state, .tick(Self.at + 7 * 60))
        #expect(!later.contains { if case .persist = $0 { true } else { false } }, "\(later)")
        #expect(Self.escalations(state, "C-2025").count == before.count + 1)
    }

    @Test func risesReachedBeforeTheDashboardStartedAreRecordedAtTheFirstTick() {
        let data = DemoData.make(now: Self.at)
        var state = AppState(data: data, user: DemoData.defaultUser, now: Self.at + 3600, size: Size(width: 120, height: 40))
        let effects = Reducer.reduce(&state, .tick(Self.at + 3601))
        let stored = effects.flatMap { effect -> [Mutation] in if case .persist(let m) = effect { m } else { [] } }
        #expect(stored.contains(.supportCase(.act(id: "C-2025", action: .escalate(to: 2), at: Self.at + 5 * 60, actor: nil))),
                "\(stored)")
    }
}
